import { crc32, gzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useNewProject } from '../../../../test/helpers/projects';
import { APP_VERSION } from '../../../shared/version';
import { generateDemo } from '../../demo/generate';
import { readDataRevision } from '../../store/dataRevision';
import { writeEngineSnapshot } from '../../store/engineSnapshot';
import type { Project } from '../../store/project';
import { churnReduction } from '../models/car/churn';
import { roadmapCar } from '../models/car/roadmap';
import { checkEngineData } from './checkEngineData';
import { checkedMemo } from './checkedMemo';
import { Dictionary } from './dictionary';
import { ENGINE_FILE_FORMAT, encodeEngineData, type EngineFileKey } from './engineFile';
import { decodeEngineData } from './readEngineFile';
import { loadEngineData, type EngineData } from './load';
import { readProjectSnapshot, saveEngineSnapshot, unpackSnapshot } from './projectSnapshot';
import { float64At, int32At } from './read';

const newProject = useNewProject();

function demo(): Project {
  const project = newProject({ name: 'Demo', file: 'demo.sqlite' });
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

  it('keeps each set of roadmap requesters once, the deals that share it sharing it again when read', () => {
    const { db } = demo();
    const arrays = loadEngineData(db);
    const roadmap = roadmapCar(arrays.data, arrays.community, 0.2);
    const lists = new Set(roadmap.opportunities.map((o) => o.members));
    // The demo has deals that share a set of features, so the case is real.
    expect(lists.size).toBeGreaterThan(0);
    expect(lists.size).toBeLessThan(roadmap.opportunities.length);
    expect(saveEngineSnapshot(db, keyOf(db), { arrays, memo: { 'car:roadmap:0.2': roadmap } })).toBe(true);
    const back = read(db)?.memo['car:roadmap:0.2'] as typeof roadmap;
    // The same JSON, key order included: the CLI prints it, and a reopened file must print what a load printed.
    expect(JSON.stringify(back)).toBe(JSON.stringify(roadmap));
    expect(new Set(back.opportunities.map((o) => o.members)).size).toBe(lists.size);
  });

  it('drops a kept roadmap whose deals point past its lists of requesters', () => {
    const forged = {
      attributed: 1,
      influenced: 5,
      memberLists: [['MEM-1']],
      opportunities: [{ opportunityId: 'OPP-1', amount: 5, features: ['F-1'], members: 1 }],
      byMember: [{ memberId: 'MEM-1', attributed: 1 }],
    };
    expect(checkedMemo({ 'car:roadmap:0.2': forged })).toEqual({});
    // The same roadmap pointing at a list it has is taken, whole.
    expect(checkedMemo({ 'car:roadmap:0.2': { ...forged, memberLists: [[], ['MEM-1']] } })).toEqual({
      'car:roadmap:0.2': {
        attributed: 1,
        influenced: 5,
        opportunities: [{ opportunityId: 'OPP-1', amount: 5, features: ['F-1'], members: ['MEM-1'] }],
        byMember: [{ memberId: 'MEM-1', attributed: 1 }],
      },
    });
  });

  it('writes nothing for arrays of a revision the data has moved on from', () => {
    const { db } = demo();
    const key = keyOf(db);
    const arrays = loadEngineData(db);
    db.exec('UPDATE opportunities SET amount = amount + 1 WHERE rowid = 1');
    expect(saveEngineSnapshot(db, key, { arrays, memo: {} })).toBe(false);
    expect(rows(db)).toBe(0);
  });

  it('ignores a snapshot with a missing part, of another app version, or packed zeros past twice the file', () => {
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
    // A few kilobytes that unpack to zeros three times the file's size: never used (the unpack limit itself, which
    // stops them before they are unpacked whole, is tested below, through unpackSnapshot).
    expect(writeEngineSnapshot(db, key.revision, gzipSync(Buffer.alloc(3 * fileBytes)))).toBe(true);
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
      const a = start.findIndex((from, i) => int32At(start, i + 1) - from >= 2);
      data.touches.occurredAt[int32At(start, a)] = Number.MAX_SAFE_INTEGER;
    },
  ],
  ['an opportunity of an unknown type', /opportunities\.type\[0\]/, ({ data }) => (data.opportunities.type[0] = 9)],
  ['an amount that is not a number', /opportunities\.amount\[0\]/, ({ data }) => (data.opportunities.amount[0] = NaN)],
  ['a negative amount', /opportunities\.amount\[0\]/, ({ data }) => (data.opportunities.amount[0] = -5)],
  [
    'a time between milliseconds',
    /touches\.occurredAt\[0\]/,
    ({ data }) => (data.touches.occurredAt[0] = float64At(data.touches.occurredAt, 0) + 0.5),
  ],
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
});

/** A small value the codec writes with every kind of part: plain strings, picks, lists, numbers, maps, dictionaries. */
const SAMPLE = {
  column: ['x', 'x', 'x', 'y', 'x', 'x'],
  lists: [['f1'], ['f2', 'f3'], []],
  numbers: Float64Array.of(1, 2),
  more: Float64Array.of(3),
  weights: new Map([
    ['ab', 1],
    ['c', 2],
  ]),
  names: dictionaryOf(['ab', 'c']),
};

function dictionaryOf(values: string[]): Dictionary {
  const dictionary = new Dictionary();
  for (const value of values) dictionary.id(value);
  return dictionary;
}
const SAMPLE_KEY: EngineFileKey = {
  format: ENGINE_FILE_FORMAT,
  appVersion: 'test',
  schemaVersion: 3,
  revision: 'A'.repeat(32),
};

type Outline = { root: { fields: Record<string, Record<string, unknown>> } };

/**
 * The sample's engine file with its outline or body changed as a forger would, the checksum made to match: what
 * decodeEngineData must refuse on its own, since only the checks that follow would otherwise stand in the way.
 */
function forged(edit: (outline: Outline, body: Buffer) => void): Buffer {
  const bytes = Buffer.concat(encodeEngineData(SAMPLE as unknown as EngineData, SAMPLE_KEY));
  const jsonBytes = bytes.readUInt32LE(8);
  const outline = JSON.parse(bytes.subarray(16, 16 + jsonBytes).toString('utf8')) as Outline;
  const body = Buffer.from(bytes.subarray(Math.ceil((16 + jsonBytes) / 8) * 8));
  edit(outline, body);
  const json = Buffer.from(JSON.stringify(outline), 'utf8');
  const head = Buffer.alloc(Math.ceil((16 + json.length) / 8) * 8);
  bytes.copy(head, 0, 0, 8);
  head.writeUInt32LE(json.length, 8);
  head.writeUInt32LE(crc32(body, crc32(json)), 12);
  json.copy(head, 16);
  return Buffer.concat([head, body]);
}

describe('decoding an engine file from someone else', () => {
  it('reads the sample back as it was', () => {
    expect(
      decodeEngineData(
        forged(() => undefined),
        SAMPLE_KEY,
      )?.arrays,
    ).toEqual(SAMPLE);
  });

  it.each<[string, RegExp, (outline: Outline, body: Buffer) => void]>([
    [
      'a block named twice, for a second copy',
      /out of place/,
      ({ root }) => (root.fields['more'] = { ...root.fields['numbers'] }),
    ],
    ['a block past the end of the body', /out of place/, ({ root }) => (root.fields['more']!['at'] = 1_000_000)],
    [
      'a count of four billion where a list of picks belongs',
      /not a Int32Array/,
      ({ root }) => (root.fields['column']!['picks'] = { fields: { length: 4_000_000_000 } }),
    ],
    [
      'a text in an encoding it does not know',
      /damaged engine file: strings/,
      ({ root }) => ((root.fields['column']!['strings'] as { latin1?: unknown }).latin1 = 'yes'),
    ],
    [
      'list sizes that are negative',
      /do not add up to their items/,
      ({ root }, body) => body.writeInt32LE(-1, (root.fields['lists']!['sizes'] as { at: number }).at),
    ],
    [
      'string lengths longer than their text',
      /do not add up to their text/,
      ({ root }, body) => body.writeInt32LE(100, (root.fields['lists']!['lists'] as { lengths: number }).lengths),
    ],
  ])('refuses %s before allocating for it', (_, message, edit) => {
    expect(() => decodeEngineData(forged(edit), SAMPLE_KEY)).toThrow(message);
  });

  it.each<[string, (outline: Outline) => { lengths: number }]>([
    ['the distinct strings of a column', ({ root }) => root.fields['column']!['strings'] as { lengths: number }],
    ['the items of lists', ({ root }) => root.fields['lists']!['lists'] as { lengths: number }],
    ['the keys of a map', ({ root }) => root.fields['weights']!['map'] as { lengths: number }],
    ['a dictionary', ({ root }) => root.fields['names']!['dictionary'] as { lengths: number }],
  ])('refuses a null among %s, where only strings belong', (_, part) => {
    // The first string's characters move to the second and it becomes a null: the lengths still add up to the text.
    const bytes = forged((outline, body) => {
      const at = part(outline).lengths;
      body.writeInt32LE(body.readInt32LE(at) + body.readInt32LE(at + 4), at + 4);
      body.writeInt32LE(-1, at);
    });
    expect(() => decodeEngineData(bytes, SAMPLE_KEY)).toThrow(/a null where only strings belong/);
  });

  it('refuses an outline bigger than its reader allows, and unpacks no more than the limit', () => {
    expect(() =>
      decodeEngineData(
        forged(() => undefined),
        SAMPLE_KEY,
        64,
      ),
    ).toThrow(/outline too big/);
    const zeros = gzipSync(Buffer.alloc(1024 * 1024));
    expect(unpackSnapshot(zeros, 1024 * 1024)).toHaveLength(1024 * 1024);
    expect(() => unpackSnapshot(zeros, 1024 * 1024 - 1)).toThrow(/larger than|maxOutputLength|too large/i);
    // The size gzip states at its end only sizes the first chunk: a lie either way changes nothing else.
    for (const stated of [0, 1, 4096, 0xffffffff]) {
      const lying = Buffer.from(zeros);
      lying.writeUInt32LE(stated, lying.length - 4);
      expect(() => unpackSnapshot(lying, 1024 * 1024)).toThrow();
    }
    const sample = Buffer.from('the same bytes back '.repeat(1000));
    expect(unpackSnapshot(gzipSync(sample), 1024 * 1024).equals(sample)).toBe(true);
  });

  it('keeps a field named __proto__ a field, never the prototype', () => {
    const planted = { count: 1, values: Float64Array.of(1) };
    Object.defineProperty(planted, '__proto__', { value: { polluted: 1 }, enumerable: true });
    const bytes = Buffer.concat(encodeEngineData(planted as unknown as EngineData, SAMPLE_KEY));
    const decoded = decodeEngineData(bytes, SAMPLE_KEY)?.arrays as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.hasOwn(decoded, '__proto__')).toBe(true);
    expect((decoded as { polluted?: number }).polluted).toBeUndefined();
  });
});
