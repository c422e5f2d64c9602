import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../../test/helpers/files';
import { generateDemo } from '../../demo/generate';
import { createProject } from '../../store/project';
import { encodeEngineData, type EngineFileKey, type MemoEntries } from './engineFile';
import { decodeEngineData } from './readEngineFile';
import { checkEngineData } from './checkEngineData';
import { loadEngineData, type EngineData } from './load';
import { packedField, stringAt } from './packed';

const tempDir = useTempDir();

/** The file's bytes, whole. */
const encoded = (data: EngineData, fileKey: EngineFileKey, memo?: MemoEntries): Buffer =>
  Buffer.concat(encodeEngineData(data, fileKey, memo));
const key: EngineFileKey = { format: 1, appVersion: '1.2.3', schemaVersion: 2, revision: 'AB'.repeat(16) };

function demoData(): EngineData {
  const project = createProject(join(tempDir(), 'demo.sqlite'), { name: 'Demo', currency: 'USD' });
  generateDemo(project.db, { scale: 4000 });
  const data = loadEngineData(project.db);
  project.close();
  return data;
}

describe('engine file', () => {
  it('gives back every field of a loaded project exactly, class, type and NaN included', () => {
    const data = demoData();
    // Strings no SQLite text can hold, and the empty string, must come back as they went.
    data.data.touches.id[0] = 'lone \uD800 surrogate, 🙂, é';
    data.data.touches.id[1] = '';
    const decoded = decodeEngineData(encoded(data, key), key)?.arrays;
    expect(decoded).toStrictEqual(data);
    expect(decoded?.data.accounts.find(data.data.accounts.values[3] as string)).toBe(3);
    expect(Number.isNaN(decoded?.data.leadCreatedAt.find((x) => Number.isNaN(x)))).toBe(true);
    expect(decoded?.community.opportunityFeatures.some((list) => list.length > 0)).toBe(true);
  });

  it('keeps columns of strings packed until they are read, checked and read item by item all the same', () => {
    const data = demoData();
    const decoded = decodeEngineData(encoded(data, key), key)?.arrays as EngineData;
    const { touches, opportunities, accounts } = decoded.data;
    const packedNow = () =>
      [
        packedField(touches, 'id'),
        packedField(opportunities, 'name'),
        packedField(decoded.community, 'accountByDomain'),
        packedField(decoded.community, 'opportunityFeatures'),
        packedField(accounts, 'values'),
      ].map((field) => field?.kind);
    expect(packedNow()).toEqual(['strings', 'strings', 'map', 'lists', 'strings']);
    expect(() => checkEngineData(decoded)).not.toThrow();
    expect(accounts.size).toBe(data.data.accounts.size);
    const last = touches.count - 1;
    expect(stringAt(touches, 'id', last)).toBe(data.data.touches.id[last]);
    expect(stringAt(opportunities, 'name', 0)).toBe(data.data.opportunities.name[0]);
    expect(stringAt(decoded.community.actions, 'member', 3)).toBe(data.community.actions.member[3]);
    // None of that made the columns.
    expect(packedNow()).toEqual(['strings', 'strings', 'map', 'lists', 'strings']);
    expect(accounts.find(data.data.accounts.values[7] as string)).toBe(7);
    expect(touches.id).toEqual(data.data.touches.id);
    expect(packedField(touches, 'id')).toBeUndefined();
    expect(decoded).toStrictEqual(data);
    expect(packedNow()).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('loads the touch ids packed and writes them as they are packed: the same file as from the strings', () => {
    const data = demoData();
    const { touches } = data.data;
    expect(packedField(touches, 'id')?.kind).toBe('strings');
    const fromPacked = encoded(data, key);
    // Written without making the ids.
    expect(packedField(touches, 'id')?.kind).toBe('strings');
    const ids = touches.id;
    expect(packedField(touches, 'id')).toBeUndefined();
    expect(ids).toHaveLength(touches.count);
    expect(new Set(ids).size).toBe(touches.count);
    expect(encoded(data, key).equals(fromPacked)).toBe(true);
    // A snapshot read and written again copies its packed columns the same way.
    const decoded = decodeEngineData(fromPacked, key)?.arrays as EngineData;
    expect(encoded(decoded, key).equals(fromPacked)).toBe(true);
    expect(packedField(decoded.data.touches, 'id')?.kind).toBe('strings');
  });

  it('keeps the memoised results JSON gives back exactly, and leaves out the others', () => {
    const memo = {
      plain: { retained: 1.5, interval: [0, 3], segment: null, note: 'é 🙂' },
      notANumber: { retained: Number.NaN },
      infinite: [Infinity],
      aMap: new Map([['a', 1]]),
    };
    const decoded = decodeEngineData(encoded(demoData(), key, memo), key);
    expect(decoded?.memo).toStrictEqual({ plain: memo.plain });
  });

  it('reads nothing from a file of another key, and refuses a damaged one or a cut one', () => {
    const data = demoData();
    const bytes = encoded(data, key);
    expect(decodeEngineData(bytes, { ...key, revision: 'CD'.repeat(16) })).toBeNull();
    expect(decodeEngineData(bytes, { ...key, appVersion: '1.2.4' })).toBeNull();
    expect(decodeEngineData(bytes, { ...key, schemaVersion: 3 })).toBeNull();
    expect(decodeEngineData(bytes, { ...key, format: 2 })).toBeNull();
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 100] = (flipped[flipped.length - 100] as number) ^ 1;
    expect(() => decodeEngineData(flipped, key)).toThrow(/damaged engine file: checksum/);
    // The outline says where every array is: the checksum covers it too.
    const outline = Buffer.from(bytes);
    const digit = outline.indexOf('"at":') + 5;
    outline[digit] = outline[digit] === 0x31 ? 0x32 : 0x31;
    expect(() => decodeEngineData(outline, key)).toThrow(/damaged engine file: checksum/);
    expect(() => decodeEngineData(bytes.subarray(0, bytes.length - 8), key)).toThrow(/damaged engine file/);
    expect(() => decodeEngineData(bytes.subarray(0, 20), key)).toThrow(/damaged engine file: cut short/);
    expect(() => decodeEngineData(Buffer.from('not a cache file at all'), key)).toThrow(/no header/);
    expect(decodeEngineData(bytes, key)).not.toBeNull();
  });

  it('reads back what it wrote when a column is empty (a project without features or community)', () => {
    // An empty list's lengths are an array over an ArrayBuffer of no bytes: zlib's crc32 of it returned 0, not the
    // running checksum, so such a file always failed its own checksum and the tables were read on every open.
    const data = demoData();
    data.community.featureShippedAt = new Map();
    data.community.actions.featureId = data.community.actions.featureId.map(() => null);
    const withEmpty = { ...data, extra: { none: [] as string[], nothing: new Float64Array(new ArrayBuffer(0)) } };
    const decoded = decodeEngineData(encoded(withEmpty as unknown as EngineData, key), key)?.arrays;
    expect(decoded).toStrictEqual(withEmpty);
  });

  it('refuses to write a field of a kind it cannot give back', () => {
    const data = demoData();
    const withSet = { ...data, community: { ...data.community, extra: new Set(['x']) } } as unknown as EngineData;
    expect(() => encoded(withSet, key)).toThrow(/data\.community\.extra: a value of this kind is not held/);
    const withNaN = { ...data, data: { ...data.data, touches: { ...data.data.touches, count: Number.NaN } } };
    expect(() => encoded(withNaN, key)).toThrow(/data\.data\.touches\.count: NaN has no JSON form/);
  });
});
