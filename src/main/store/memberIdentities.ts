import type Database from 'better-sqlite3';
import { jobMoveTarget, resolveMemberIdentity, type IdentityLookups } from '../domain/identityRules';

/**
 * Recomputes every member's identity (member_identities) and every job move's account (member_moves) from the
 * contacts, accounts, members and actions as they are now, by the rules of domain/identityRules.ts (data.md, identity
 * resolution). Unresolved members keep a row with the reason. Runs inside the caller's transaction: an import, the
 * demo generator.
 */
export function resolveMemberIdentities(db: Database.Database): void {
  const lookups = identityLookups(db);

  db.exec('DELETE FROM member_identities');
  const insert = db.prepare(
    'INSERT INTO member_identities (member_id, contact_id, account_id, method, reason) VALUES (?, ?, ?, ?, ?)',
  );
  const members = db.prepare('SELECT member_id, email, company_domain FROM community_members').all() as {
    member_id: string;
    email: string | null;
    company_domain: string | null;
  }[];
  for (const member of members) {
    const identity = resolveMemberIdentity({ email: member.email, companyDomain: member.company_domain }, lookups);
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
    const { domain, accountId } = jobMoveTarget(move.target_domain, lookups.accountByDomain);
    insertMove.run(move.action_id, move.member_id, move.occurred_at, domain, accountId);
  }
}

/** Read in descending id order, so that of several rows with one email or domain the smallest id is kept. */
function identityLookups(db: Database.Database): IdentityLookups {
  const contactByEmail = new Map<string, { contactId: string; accountId: string | null }>();
  for (const row of db
    .prepare('SELECT contact_id, account_id, email FROM contacts WHERE email IS NOT NULL ORDER BY contact_id DESC')
    .iterate() as IterableIterator<{ contact_id: string; account_id: string | null; email: string }>) {
    contactByEmail.set(row.email, { contactId: row.contact_id, accountId: row.account_id });
  }
  const accountByDomain = new Map<string, string>();
  for (const row of db
    .prepare('SELECT account_id, domain FROM accounts WHERE domain IS NOT NULL ORDER BY account_id DESC')
    .iterate() as IterableIterator<{ account_id: string; domain: string }>) {
    accountByDomain.set(row.domain, row.account_id);
  }
  return { contactByEmail, accountByDomain };
}
