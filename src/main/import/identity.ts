import type Database from 'better-sqlite3';

/**
 * Mail providers whose domain says nothing about the employer (data.md: free-mail domains never match an account).
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.fr',
  'ymail.com',
  'hotmail.com',
  'hotmail.co.uk',
  'hotmail.fr',
  'outlook.com',
  'live.com',
  'msn.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'yandex.ru',
  'yandex.com',
  'mail.ru',
  'qq.com',
  '163.com',
  '126.com',
  'zoho.com',
  'fastmail.com',
  'hey.com',
  'tutanota.com',
]);

interface MemberRow {
  member_id: string;
  email: string | null;
  company_domain: string | null;
}

type Identity = { contactId: string | null; accountId: string | null; method: string; reason: string | null };

/**
 * Recomputes every member's identity (data.md, identity resolution): a contact by email, else an account by the
 * member's company domain, else by the email's domain; free-mail domains never match an account. Where several
 * contacts share an email or accounts a domain, the smallest id wins, so the result never depends on row order.
 * Unresolved members keep a row with the reason. Job moves are resolved to the account of their target domain; the
 * engine applies them from their date on. Runs inside the caller's transaction.
 */
export function resolveMemberIdentities(db: Database.Database): void {
  const contactByEmail = new Map<string, { contact_id: string; account_id: string | null }>();
  for (const row of db
    .prepare('SELECT contact_id, account_id, email FROM contacts WHERE email IS NOT NULL ORDER BY contact_id DESC')
    .iterate() as IterableIterator<{ contact_id: string; account_id: string | null; email: string }>) {
    contactByEmail.set(row.email, row);
  }
  const accountByDomain = new Map<string, string>();
  for (const row of db
    .prepare('SELECT account_id, domain FROM accounts WHERE domain IS NOT NULL ORDER BY account_id DESC')
    .iterate() as IterableIterator<{ account_id: string; domain: string }>) {
    accountByDomain.set(row.domain, row.account_id);
  }

  const resolve = (member: MemberRow): Identity => {
    const email = member.email?.trim().toLowerCase() || null;
    const contact = email ? contactByEmail.get(email) : undefined;
    if (contact) return { contactId: contact.contact_id, accountId: contact.account_id, method: 'email', reason: null };
    const company = member.company_domain?.trim().toLowerCase() || null;
    if (company && !FREE_MAIL_DOMAINS.has(company)) {
      const account = accountByDomain.get(company);
      if (account) return { contactId: null, accountId: account, method: 'company_domain', reason: null };
    }
    const emailDomain = email?.split('@')[1] ?? null;
    if (emailDomain && !FREE_MAIL_DOMAINS.has(emailDomain)) {
      const account = accountByDomain.get(emailDomain);
      if (account) return { contactId: null, accountId: account, method: 'email_domain', reason: null };
    }
    return { contactId: null, accountId: null, method: 'unresolved', reason: unresolvedReason(email, company) };
  };

  db.exec('DELETE FROM member_identities');
  const insert = db.prepare(
    'INSERT INTO member_identities (member_id, contact_id, account_id, method, reason) VALUES (?, ?, ?, ?, ?)',
  );
  const members = db.prepare('SELECT member_id, email, company_domain FROM community_members').all() as MemberRow[];
  for (const member of members) {
    const identity = resolve(member);
    insert.run(member.member_id, identity.contactId, identity.accountId, identity.method, identity.reason);
  }

  db.exec('DELETE FROM member_moves');
  const insertMove = db.prepare(
    'INSERT INTO member_moves (action_id, member_id, moved_at, to_domain, to_account_id) VALUES (?, ?, ?, ?, ?)',
  );
  const moves = db
    .prepare(
      "SELECT action_id, member_id, occurred_at, target_domain FROM community_actions WHERE action_type = 'job_move'",
    )
    .all() as { action_id: string; member_id: string; occurred_at: number; target_domain: string | null }[];
  for (const move of moves) {
    const domain = move.target_domain?.trim().toLowerCase() || null;
    const account = domain && !FREE_MAIL_DOMAINS.has(domain) ? (accountByDomain.get(domain) ?? null) : null;
    insertMove.run(move.action_id, move.member_id, move.occurred_at, domain, account);
  }
}

/** Why a member matched nothing, naming what was tried (shown in the data view). */
export function unresolvedReason(email: string | null, company: string | null): string {
  const parts: string[] = [];
  const emailDomain = email?.split('@')[1] ?? null;
  if (!email) parts.push('no email');
  else parts.push(`no contact has the email ${email}`);
  if (company) {
    parts.push(
      FREE_MAIL_DOMAINS.has(company) ? `${company} is a free-mail domain` : `no account has the domain ${company}`,
    );
  } else parts.push('no company domain');
  if (emailDomain && emailDomain !== company) {
    parts.push(
      FREE_MAIL_DOMAINS.has(emailDomain)
        ? `${emailDomain} is a free-mail domain`
        : `no account has the domain ${emailDomain}`,
    );
  }
  return parts.join('; ');
}
