/**
 * Identity resolution's rules (data.md, identity resolution), with no SQL: the store applies them when it recomputes
 * member identities (store/memberIdentities.ts), CAR when it matches a community action's target (engine/
 * arrays/communityData.ts), and the anonymiser when it rewrites an unresolved member's reason.
 */

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

/** An email or a domain as identity resolution compares it: trimmed and lower-cased; null when nothing is left. */
export const identityKey = (value: string | null): string | null => value?.trim().toLowerCase() || null;

/** How a member was resolved (member_identities.method). */
export type IdentityMethod = 'email' | 'company_domain' | 'email_domain' | 'unresolved';

export interface MemberIdentity {
  contactId: string | null;
  accountId: string | null;
  method: IdentityMethod;
  /** Why nothing matched, for an unresolved member; else null. */
  reason: string | null;
}

/**
 * What a member is matched against. Where several contacts share an email or accounts a domain, the smallest id is
 * the one kept, so the result never depends on row order.
 */
export interface IdentityLookups {
  /** A contact's email, as stored → that contact and its account. */
  contactByEmail: Lookup<{ contactId: string; accountId: string | null }>;
  /** An account's domain, as stored → the account. */
  accountByDomain: Lookup<string>;
}

/** A Map, or the project's own index read key by key (store/memberIdentities.ts). */
export interface Lookup<V> {
  get(key: string): V | undefined;
}

/**
 * A member's identity: a contact by email, else an account by the member's company domain, else by the email's
 * domain; free-mail domains never match an account. An unresolved member keeps the reason.
 */
export function resolveMemberIdentity(
  member: { email: string | null; companyDomain: string | null },
  { contactByEmail, accountByDomain }: IdentityLookups,
): MemberIdentity {
  const email = identityKey(member.email);
  const contact = email ? contactByEmail.get(email) : undefined;
  if (contact) return { contactId: contact.contactId, accountId: contact.accountId, method: 'email', reason: null };
  const company = identityKey(member.companyDomain);
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
}

/**
 * Where a job move takes a member: its target domain, and the account that has it (never by a free-mail domain);
 * the engine applies the move from its date on.
 */
export function jobMoveTarget(
  targetDomain: string | null,
  accountByDomain: IdentityLookups['accountByDomain'],
): { domain: string | null; accountId: string | null } {
  const domain = identityKey(targetDomain);
  const accountId = domain && !FREE_MAIL_DOMAINS.has(domain) ? (accountByDomain.get(domain) ?? null) : null;
  return { domain, accountId };
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
