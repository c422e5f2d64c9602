import { describe, expect, it } from 'vitest';
import { useNewProject } from '../../../test/helpers/projects';
import type { Project } from './project';
import { resolveMemberIdentities } from './memberIdentities';

const newProject = useNewProject();

function project(sql: string): Project {
  const created = newProject({ name: 'Identity' });
  created.db.exec(sql);
  created.db.transaction(() => resolveMemberIdentities(created.db))();
  return created;
}

describe('resolveMemberIdentities (data.md, identity resolution)', () => {
  const base = `
    INSERT INTO accounts (account_id, domain) VALUES ('A1', 'acme.com'), ('A2', 'globex.com'), ('A0', 'acme.com'),
      ('AG', 'gmail.com');
    INSERT INTO contacts (contact_id, account_id, email) VALUES ('C2', 'A1', 'jo@acme.com'), ('C1', 'A2', 'jo@acme.com');`;

  it('prefers a contact by email (smallest contact id), then company domain, then email domain', () => {
    const p = project(`${base}
      INSERT INTO community_members (member_id, email, company_domain) VALUES
        ('M1', ' JO@ACME.COM ', 'globex.com'),
        ('M2', 'sam@gmail.com', 'globex.com'),
        ('M3', 'kim@acme.com', NULL),
        ('M4', 'lee@gmail.com', 'gmail.com'),
        ('M5', NULL, 'initech.com');`);
    expect(
      p.db.prepare('SELECT member_id, contact_id, account_id, method, reason FROM member_identities ORDER BY 1').all(),
    ).toEqual([
      { member_id: 'M1', contact_id: 'C1', account_id: 'A2', method: 'email', reason: null },
      { member_id: 'M2', contact_id: null, account_id: 'A2', method: 'company_domain', reason: null },
      { member_id: 'M3', contact_id: null, account_id: 'A0', method: 'email_domain', reason: null },
      {
        member_id: 'M4',
        contact_id: null,
        account_id: null,
        method: 'unresolved',
        reason: 'no contact has the email lee@gmail.com; gmail.com is a free-mail domain',
      },
      {
        member_id: 'M5',
        contact_id: null,
        account_id: null,
        method: 'unresolved',
        reason: 'no email; no account has the domain initech.com',
      },
    ]);
  });

  it('resolves job moves to the account of their target domain, never a free-mail one', () => {
    const p = project(`${base}
      INSERT INTO community_members (member_id, email) VALUES ('M1', 'jo@acme.com');
      INSERT INTO community_actions (action_id, member_id, occurred_at, action_type, target_domain) VALUES
        ('X1', 'M1', 1000, 'job_move', 'GLOBEX.com'),
        ('X2', 'M1', 2000, 'job_move', 'gmail.com'),
        ('X3', 'M1', 3000, 'job_move', 'nowhere.io'),
        ('X4', 'M1', 4000, 'post', 'globex.com');`);
    expect(
      p.db.prepare('SELECT action_id, moved_at, to_domain, to_account_id FROM member_moves ORDER BY 1').all(),
    ).toEqual([
      { action_id: 'X1', moved_at: 1000, to_domain: 'globex.com', to_account_id: 'A2' },
      { action_id: 'X2', moved_at: 2000, to_domain: 'gmail.com', to_account_id: null },
      { action_id: 'X3', moved_at: 3000, to_domain: 'nowhere.io', to_account_id: null },
    ]);
  });

  it('gives the same result whatever order the rows were inserted in', () => {
    const forward = project(`${base} INSERT INTO community_members (member_id, email) VALUES ('M1', 'x@acme.com');`);
    const reversed = project(`
      INSERT INTO accounts (account_id, domain) VALUES ('AG', 'gmail.com'), ('A0', 'acme.com'), ('A2', 'globex.com'),
        ('A1', 'acme.com');
      INSERT INTO community_members (member_id, email) VALUES ('M1', 'x@acme.com');`);
    const read = (p: Project) => p.db.prepare('SELECT * FROM member_identities').all();
    expect(read(reversed)).toEqual(read(forward));
  });
});
