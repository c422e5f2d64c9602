import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MODEL_NAMES, type ModelName, type PositionWeights } from '../src/shared/modelOptions';
import { anonymiseEmail } from '../src/main/store/anonymise';
import { checkProject } from '../src/main/store/project';
import { useApiSession } from './helpers/api';
import { keepsSnapshot } from './helpers/files';

const apiSession = useApiSession();

/** Every string of `value` (keys included) passed through `rename`. */
function renameStrings(value: unknown, rename: (text: string) => string): unknown {
  if (typeof value === 'string') return rename(value);
  if (Array.isArray(value)) return value.map((item) => renameStrings(item, rename));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [rename(k), renameStrings(v, rename)]));
  }
  return value;
}

/** About `n` of `values`, spread evenly. */
function sample<T>(values: T[], n: number): T[] {
  const step = Math.max(1, Math.floor(values.length / n));
  return values.filter((_, i) => i % step === 0);
}

function optionsOf(model: ModelName): { model: ModelName; weights?: PositionWeights } {
  return model === 'custom' ? { model, weights: { FT: 30, LC: 10, OC: 20, CW: 30, MID: 10 } } : { model };
}

function memberIds(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare('SELECT member_id FROM community_members UNION SELECT member_id FROM community_actions ORDER BY 1')
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

describe('an anonymised copy of the demo', () => {
  it('gives exactly the same attribution and CAR, holds no original email or name, and says it is anonymised', async () => {
    const { dir, call } = await apiSession('Scratch');
    const original = await call('project:openDemo', {});
    const db = new Database(original.path, { readonly: true });
    const emails = db
      .prepare(
        `SELECT email FROM contacts WHERE email IS NOT NULL
         UNION SELECT email FROM community_members WHERE email IS NOT NULL
         UNION SELECT target_email FROM community_actions WHERE target_email IS NOT NULL`,
      )
      .pluck()
      .all() as string[];
    const names = db
      .prepare(
        `SELECT first_name || ' ' || last_name FROM contacts WHERE last_name IS NOT NULL
         UNION SELECT name FROM community_members WHERE name IS NOT NULL
         UNION SELECT name FROM opportunities WHERE name IS NOT NULL`,
      )
      .pluck()
      .all() as string[];
    const titles = db.prepare('SELECT DISTINCT title FROM contacts WHERE title IS NOT NULL').pluck().all() as string[];
    db.close();
    expect(emails.length).toBeGreaterThan(100);
    expect(names.length).toBeGreaterThan(100);

    const before = new Map<string, unknown>();
    for (const model of MODEL_NAMES) {
      const options = { ...optionsOf(model), roadmapShare: 0.2 };
      before.set(model, {
        attribution: (await call('model:run', { options })).attribution,
        car: await call('model:car', { options }),
      });
    }

    // The original keeps the engine's arrays, every name in them, compressed where the byte search below cannot see.
    await expect.poll(() => keepsSnapshot(original.path)).toBe(true);
    const copyPath = join(dir, 'anonymised.sqlite');
    const saved = await call('project:saveAnonymised', { path: copyPath });
    const copy = new Database(copyPath, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM engine_snapshot').pluck().get()).toBe(0);
    // Nor in a free page: the copy was vacuumed after the snapshot's rows were deleted.
    expect(copy.pragma('freelist_count', { simple: true })).toBe(0);
    copy.close();
    expect(saved.path).toBe(copyPath);
    // The open project stays the original.
    expect((await call('project:current', {}))?.path).toBe(original.path);
    expect((await call('project:current', {}))?.meta.anonymisedAt).toBeUndefined();

    // No original email, local part of one, person's name, opportunity name or job title is left in the file.
    const bytes = readFileSync(copyPath).toString('utf8');
    const locals = emails.map((email) => email.split('@')[0] ?? '').filter((local) => local.length >= 6);
    for (const text of sample([...emails, ...names, ...locals], 600)) expect(bytes.includes(text), text).toBe(false);
    // Titles are short common words ("VP"); the longer ones must be gone.
    for (const title of titles.filter((t) => t.length >= 12)) expect(bytes.includes(title), title).toBe(false);

    // Member ids are relabelled in their original order: map the original's results through that relabelling.
    const label = new Map(memberIds(original.path).map((id, i) => [id, memberIds(copyPath)[i] as string]));
    expect(label.size).toBeGreaterThan(100);

    const opened = await call('project:open', { path: copyPath });
    expect(opened.meta.anonymisedAt).toBe(saved.anonymisedAt);
    expect((await call('project:summary', {})).meta.anonymisedAt).toBe(saved.anonymisedAt);
    for (const model of MODEL_NAMES) {
      const options = { ...optionsOf(model), roadmapShare: 0.2 };
      const after = {
        attribution: (await call('model:run', { options })).attribution,
        car: await call('model:car', { options }),
      };
      expect(after, model).toEqual(renameStrings(before.get(model), (text) => label.get(text) ?? text));
    }
    await call('project:close', {});
    expect(checkProject(copyPath)).toMatchObject({
      ok: true,
      contents: { meta: { anonymisedAt: saved.anonymisedAt } },
    });
  }, 300_000);

  it('hashes with a new key per copy and refuses to write over the open project', async () => {
    const { dir, call, session } = await apiSession('Keys');
    const path = session.require().path;
    session.require().db.prepare("INSERT INTO contacts (contact_id, email) VALUES ('C1', 'jane.doe@acme.com')").run();
    const first = await call('project:saveAnonymised', { path: join(dir, 'a.sqlite') });
    const second = await call('project:saveAnonymised', { path: join(dir, 'b.sqlite') });
    const emailOf = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT email FROM contacts').pluck().get() as string;
      } finally {
        db.close();
      }
    };
    expect(emailOf(first.path)).toMatch(/^x[0-9a-f]{24}@acme\.com$/);
    expect(emailOf(second.path)).toMatch(/^x[0-9a-f]{24}@acme\.com$/);
    expect(emailOf(first.path)).not.toBe(emailOf(second.path));
    await expect(call('project:saveAnonymised', { path })).rejects.toThrow(/is the open project/);
    await expect(call('project:saveAnonymised', { path: first.path })).rejects.toThrow(/already exists/);
  });
});

describe('custom fields in an anonymised copy', () => {
  it('keep their names and which rows share a value, but no value', async () => {
    const { dir, call, session } = await apiSession('Custom');
    session
      .require()
      .db.prepare(
        `INSERT INTO accounts (account_id, custom) VALUES
         ('A1', '{"Sales Agent":"Jane Doe","Region":"EMEA"}'), ('A2', '{"Sales Agent":"Jane Doe"}'), ('A3', NULL)`,
      )
      .run();
    const copy = await call('project:saveAnonymised', { path: join(dir, 'copy.sqlite') });
    const db = new Database(copy.path, { readonly: true });
    const rows = db.prepare('SELECT account_id, custom FROM accounts ORDER BY 1').all() as {
      account_id: string;
      custom: string | null;
    }[];
    db.close();
    const [a1, a2] = rows.map((row) =>
      row.custom === null ? null : (JSON.parse(row.custom) as Record<string, string>),
    );
    expect(Object.keys(a1 ?? {})).toEqual(['Sales Agent', 'Region']);
    expect(a1?.['Sales Agent']).toMatch(/^x[0-9a-f]{24}$/);
    expect(a2?.['Sales Agent']).toBe(a1?.['Sales Agent']);
    expect(a1?.['Region']).not.toBe(a1?.['Sales Agent']);
    expect(rows[2]?.custom).toBeNull();
    expect(readFileSync(copy.path).toString('utf8')).not.toContain('Jane Doe');
  });
});

describe('a column no anonymisation rule covers', () => {
  it('stops the copy, so a new migration must say what its columns hold', async () => {
    const { dir, call, session } = await apiSession('Unruled');
    session.require().db.exec('ALTER TABLE contacts ADD COLUMN nickname TEXT');
    const target = join(dir, 'copy.sqlite');
    await expect(call('project:saveAnonymised', { path: target })).rejects.toThrow(
      /cannot anonymise contacts\.nickname/,
    );
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((file) => file.includes('partial'))).toEqual([]);
  });
});

describe('anonymiseEmail', () => {
  const hash = (part: string) => `h${part.length}`;
  const domains = new Set(['acme.com']);
  it('keeps the domain, the equality of normalised emails and whether the value was normalised', () => {
    expect(anonymiseEmail('jane@acme.com', hash, domains)).toBe('xh4@acme.com');
    expect(anonymiseEmail(' Jane@ACME.com ', hash, domains)).toBe(' XH4@ACME.com ');
    expect(anonymiseEmail(' Jane@ACME.com ', hash, domains).trim().toLowerCase()).toBe('xh4@acme.com');
    // Identity resolution takes the domain after the first @, CAR after the last: both survive.
    expect(anonymiseEmail('a@b@gmail.com', hash, domains)).toBe('xh1@b@gmail.com');
    // A bare domain is read as a domain by CAR; an account's stays, anything else is hashed.
    expect(anonymiseEmail('acme.com', hash, domains)).toBe('acme.com');
    expect(anonymiseEmail('jane doe', hash, domains)).toBe('xh8');
    expect(anonymiseEmail('  ', hash, domains)).toBe('  ');
  });
});
