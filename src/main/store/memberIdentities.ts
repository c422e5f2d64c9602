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

/**
 * Looked up member by member through the contacts' and accounts' own indexes (migration 0001: contacts_email,
 * accounts_domain). Reading every contact's email into a Map first held memory in proportion to the contacts
 * (hundreds of MiB at 10M touches) and took longer than the lookups, after every import (issue 16). Of several rows
 * with one email or domain the smallest id is the one kept, as before.
 */
function identityLookups(db: Database.Database): IdentityLookups {
  const contact = db.prepare(
    'SELECT contact_id AS contactId, account_id AS accountId FROM contacts WHERE email = ? ORDER BY contact_id LIMIT 1',
  );
  const account = db.prepare('SELECT account_id FROM accounts WHERE domain = ? ORDER BY account_id LIMIT 1').pluck();
  return {
    contactByEmail: {
      get: (email) => contact.get(email) as { contactId: string; accountId: string | null } | undefined,
    },
    accountByDomain: { get: (domain) => account.get(domain) as string | undefined },
  };
}
