import { join } from 'node:path';
import { crc32, gzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/files';
import { APP_VERSION } from '../../shared/version';
import { generateDemo } from '../demo/generate';
import { readDataRevision } from '../store/dataRevision';
import { writeEngineSnapshot } from '../store/engineSnapshot';
import { createProject, type Project } from '../store/project';
import { churnReduction } from './car/churn';
import { roadmapCar } from './car/roadmap';
import { checkEngineData } from './checkEngineData';
import { decodeEngineData, ENGINE_FILE_FORMAT, encodeEngineData, type EngineFileKey } from './engineFile';
import { loadEngineData, type EngineData } from './load';
import { readProjectSnapshot, saveEngineSnapshot } from './projectSnapshot';

const tempDir = useTempDir();
const opened: Project[] = [];
afterEach(() => opened.splice(0).forEach((project) => project.close()));

function demo(): Project {
  const project = createProject(join(tempDir(), 'demo.sqlite'), { name: 'Demo', currency: 'USD' });
  opened.push(project);
  generateDemo(project.db, { scale: 2000, seed: 4 });
  return project;
}

function keyOf(db: Database.Database): EngineFileKey {
  return {
    format: ENGINE_FILE_FORMAT,
    appVersion: APP_VERSION,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    revision: readDataRevision(db) as string,
  };
}

const read = (db: Database.Database, key = keyOf(db)) => db.transaction(() => readProjectSnapshot(db, key))();
const rows = (db: Database.Database): number =>
  db.prepare('SELECT count(*) FROM engine_snapshot').pluck().get() as number;

describe('the engine snapshot kept in a project', () => {
  it('gives back the arrays and the memoised results of a shape it knows, and drops the others', () => {
    const { db } = demo();
    const arrays = loadEngineData(db);
    const memo = {
      'car:churn:1': churnReduction(arrays.data, 1),
      'car:roadmap:0.2': roadmapCar(arrays.data, arrays.community, 0.2),
      'car:churn:2': { retained: 'a lot' },
      'car:sourcing': 1,
    };
    expect(saveEngineSnapshot(db, keyOf(db), { arrays, memo })).toBe(true);
    const back = read(db);
    expect(back?.arrays).toEqual(arrays);
    expect(back?.memo).toEqual({ 'car:churn:1': memo['car:churn:1'], 'car:roadmap:0.2': memo['car:roadmap:0.2'] });
    // Written for one revision; a change to the data leaves it stale, and it is no longer read.
    db.exec('UPDATE opportunities SET amount = amount + 1 WHERE rowid = 1');
    expect(read(db)).toBeNull();
  });

  it('writes nothing for arrays of a revision the data has moved on from', () => {
    const { db } = demo();
    const key = keyOf(db);
    const arrays = loadEngineData(db);
    db.exec('UPDATE opportunities SET amount = amount + 1 WHERE rowid = 1');
    expect(saveEngineSnapshot(db, key, { arrays, memo: {} })).toBe(false);
    expect(rows(db)).toBe(0);
  });

  it('ignores a snapshot with a missing part, of another app version, or that would unpack past four times the file', () => {
    const { db } = demo();
    const key = keyOf(db);
    expect(saveEngineSnapshot(db, key, { arrays: loadEngineData(db), memo: {} })).toBe(true);
    db.exec('UPDATE engine_snapshot SET part = part + 1');
    expect(read(db)).toBeNull();
    db.exec('UPDATE engine_snapshot SET part = part - 1');
    expect(read(db)).not.toBeNull();
    expect(read(db, { ...key, appVersion: '0.0.0-other' })).toBeNull();

    const fileBytes =
      (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
    // A few kilobytes that unpack to zeros five times the file's size: refused before they are unpacked whole.
    expect(writeEngineSnapshot(db, key.revision, gzipSync(Buffer.alloc(5 * fileBytes)))).toBe(true);
    expect(read(db)).toBeNull();
  });
});

/** Changes made to sound arrays, each of which the check must refuse, with the field it must name. */
const TAMPERINGS: [string, RegExp, (arrays: EngineData) => void][] = [
  [
    'a touch of an account past the last',
    /touches\.account\[0\]/,
    ({ data }) => (data.touches.account[0] = data.accounts.size),
  ],
  ['a touch of no channel', /touches\.channel\[0\]/, ({ data }) => (data.touches.channel[0] = -1)],
  ['a touch of an unknown kind', /touches\.kind\[0\]/, ({ data }) => (data.touches.kind[0] = 7)],
  [
    'a community touch without a member',
    /touches\[\d+\]/,
    ({ data }) => (data.touches.member[data.touches.kind.indexOf(0)] = -1),
  ],
  ['account ranges that go backwards', /touches\.accountStart/, ({ data }) => (data.touches.accountStart[1] = -5)],
  [
    "an account's touches out of time order",
    /touches\.occurredAt\[\d+\]/,
    ({ data }) => {
      const start = data.touches.accountStart;
      const a = start.findIndex((from, i) => (start[i + 1] as number) - from >= 2);
      data.touches.occurredAt[start[a] as number] = Number.MAX_SAFE_INTEGER;
    },
  ],
  ['an opportunity of an unknown type', /opportunities\.type\[0\]/, ({ data }) => (data.opportunities.type[0] = 9)],
  ['an amount that is not a number', /opportunities\.amount\[0\]/, ({ data }) => (data.opportunities.amount[0] = NaN)],
  [
    'an action naming an opportunity past the last',
    /actions\.opportunity\[0\]/,
    ({ data, community }) => (community.actions.opportunity[0] = data.opportunities.count),
  ],
  [
    'a domain mapped to an account past the last',
    /accountByDomain/,
    ({ data, community }) => community.accountByDomain.set('planted.example', data.accounts.size + 3),
  ],
  ['a column of the wrong length', /leadCreatedAt/, ({ data }) => (data.leadCreatedAt = new Float64Array(1))],
  ['a missing field', /fields/, ({ data }) => delete (data as Partial<typeof data>).accountSegment],
  ['a field the engine does not know', /fields/, ({ data }) => Object.assign(data.touches, { extra: 1 })],
  [
    'an id that is missing',
    /opportunities\.id\[0\]/,
    ({ data }) => ((data.opportunities.id as (string | null)[])[0] = null),
  ],
];

describe('checking arrays that come with a file', () => {
  it('accepts the arrays a load makes', () => {
    expect(() => checkEngineData(loadEngineData(demo().db))).not.toThrow();
  });

  it.each(TAMPERINGS)('refuses %s, naming it, and the project reads its tables instead', (_, field, tamper) => {
    const { db } = demo();
    const arrays = loadEngineData(db);
    tamper(arrays);
    expect(() => checkEngineData(arrays)).toThrow(field);
    // Written as a snapshot of the current data, it is never used.
    const packed = gzipSync(Buffer.concat(encodeEngineData(arrays, keyOf(db))));
    expect(writeEngineSnapshot(db, keyOf(db).revision, packed)).toBe(true);
    expect(read(db)).toBeNull();
  });

  it('reads a block placed outside the file as damage, and a field named __proto__ as a field', () => {
    const key = keyOf(demo().db);
    const planted = { count: 1, values: Float64Array.of(1) };
    Object.defineProperty(planted, '__proto__', { value: { polluted: 1 }, enumerable: true });
    const bytes = Buffer.concat(encodeEngineData(planted as unknown as EngineData, key));
    const decoded = decodeEngineData(bytes, key)?.arrays as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.hasOwn(decoded, '__proto__')).toBe(true);
    expect((decoded as { polluted?: number }).polluted).toBeUndefined();

    // The outline says the 8-byte block runs past the body's end (its checksum made to match, as a forger would).
    const forged = Buffer.from(bytes.toString('latin1').replace('"at":0,"length":1', '"at":9,"length":1'), 'latin1');
    expect(forged.equals(bytes)).toBe(false);
    const jsonBytes = forged.readUInt32LE(8);
    const bodyStart = Math.ceil((16 + jsonBytes) / 8) * 8;
    forged.writeUInt32LE(crc32(forged.subarray(bodyStart), crc32(forged.subarray(16, 16 + jsonBytes))), 12);
    expect(() => decodeEngineData(forged, key)).toThrow(/outside the body/);
  });
});
