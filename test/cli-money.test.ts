import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './helpers/cliIo';
import { writeProjectFile } from './engine/build';
import { action, touchpoint, wonDeal } from './engine/rows';
import { useTempDir } from './helpers/files';

/**
 * Issue 13: money in the CLI's text and JSON is rounded to the currency's minor unit (cents for USD, whole yen for
 * JPY) and text always shows those digits; the credits CSV keeps full precision, and shares and removal effects
 * are not money.
 */

const tempDir = useTempDir();

/** A deal split three ways (thirds of 1000 do not add up in floating point), and one of 20.50. */
function project(currency: string): string {
  return writeProjectFile(
    join(tempDir(), 'p.sqlite'),
    { name: 'Money', currency },
    {
      accounts: [{ account_id: 'A1', domain: 'acme.com' }, { account_id: 'A2' }],
      contacts: [
        { contact_id: 'C1', account_id: 'A1', email: 'ada@acme.com' },
        { contact_id: 'C2', account_id: 'A2' },
      ],
      community_members: [{ member_id: 'M1', email: 'ada@acme.com' }],
      community_actions: [action({ id: 'X1', member: 'M1', when: '2024-01-10', type: 'post' })],
      touchpoints: [
        touchpoint({ id: 'T1', contact: 'C1', when: '2024-02-10' }),
        touchpoint({ id: 'T2', contact: 'C1', when: '2024-03-20', channel: 'ads' }),
        touchpoint({ id: 'T3', contact: 'C2', when: '2024-03-20', channel: 'events' }),
      ],
      opportunities: [
        wonDeal({ id: 'O1', account: 'A1', amount: 1000, created: '2024-03-01', closed: '2024-03-31' }),
        wonDeal({ id: 'O2', account: 'A2', amount: 20.5, created: '2024-03-01', closed: '2024-03-31' }),
      ],
    },
  );
}

async function cli(args: string[]): Promise<string> {
  const run = await runCliCaptured(args);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  return run.out;
}

/** Every number at a money key of the JSON has at most `digits` decimals. */
function expectMinorUnits(value: unknown, digits: number, path = ''): void {
  if (Array.isArray(value)) value.forEach((item, i) => expectMinorUnits(item, digits, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (['options', 'removalEffects', 'shapleyValues', 'communityTouchesPerWonDeal'].includes(key)) continue;
      if (['retention', 'renewals', 'won', 'resamples', 'at'].includes(key)) continue;
      expectMinorUnits(item, digits, `${path}.${key}`);
    }
  } else if (typeof value === 'number') {
    expect(Number(value.toFixed(digits)), path).toBe(value);
  }
}

describe('money in attribute and car', () => {
  it('rounds --json money to cents for USD and leaves no float noise', async () => {
    const path = project('USD');
    const json = JSON.parse(await cli(['attribute', path, '--model', 'linear', '--json']));
    expect(json).toMatchObject({ revenue: 1020.5, attributed: 1020.5, unattributed: 0 });
    expect(json.byChannel).toEqual(
      expect.arrayContaining([
        { channel: 'email', credit: 333.33 },
        { channel: 'ads', credit: 333.33 },
        { channel: 'community:post', credit: 333.33 },
        { channel: 'events', credit: 20.5 },
      ]),
    );
    expect(json.car.attributed).toBe(333.33);
    expectMinorUnits(json, 2);

    const car = JSON.parse(await cli(['car', path, '--model', 'linear', '--json']));
    expect(car.car).toEqual(json.car);
    expectMinorUnits(car, 2);
  });

  it('rounds to whole yen for JPY', async () => {
    const path = project('JPY');
    const json = JSON.parse(await cli(['attribute', path, '--model', 'linear', '--json']));
    expect(json.byChannel).toEqual(expect.arrayContaining([{ channel: 'email', credit: 333 }]));
    expectMinorUnits(json, 0);
    const text = await cli(['attribute', path, '--model', 'linear']);
    expect(text).toMatch(/^ {4}email +333$/m);
  });

  it('shows the minor unit digits in text, every time', async () => {
    const path = project('USD');
    const text = await cli(['attribute', path, '--model', 'linear']);
    expect(text).toMatch(/^ {2}won revenue +1,020\.50$/m);
    expect(text).toMatch(/^ {2}attributed +1,020\.50$/m);
    expect(text).toMatch(/^ {2}unattributed +0\.00 /m);
    expect(text).toMatch(/^ {4}email +333\.33$/m);
    expect(text).toMatch(/^ {4}events +20\.50$/m);

    const car = await cli(['car', path, '--model', 'linear']);
    expect(car).toMatch(/^ {2}attributed +333\.33 \(32\.7% of won revenue\)$/m);
    expect(car).toMatch(/^ {2}influenced +1,000\.00 /m);

    const check = await cli(['check', path]);
    expect(check).toMatch(/^ {2}won revenue: +1,020\.50 USD$/m);
  });

  it('keeps full precision in the credits CSV', async () => {
    const path = project('USD');
    const out = join(tempDir(), 'credits.csv');
    await cli(['attribute', path, '--model', 'linear', '--out', out]);
    expect(readFileSync(out, 'utf8')).toContain(`O1,marketing,T1,email,email,,${1000 / 3}\r\n`);
  });

  it('leaves removal effects and Shapley values as they are: they are not money', async () => {
    const path = join(tempDir(), 'demo.sqlite');
    await cli(['demo', path, '--scale', '300', '--seed', '1']);
    const unrounded = (values: Record<string, number>) =>
      Object.values(values).some((value) => Number(value.toFixed(2)) !== value);
    const markov = JSON.parse(await cli(['attribute', path, '--model', 'markov', '--json']));
    expect(unrounded(markov.removalEffects)).toBe(true);
    expectMinorUnits(markov, 2);
    const shapley = JSON.parse(await cli(['attribute', path, '--model', 'shapley', '--json']));
    expect(unrounded(shapley.shapleyValues)).toBe(true);
    expectMinorUnits(shapley, 2);
  });
});
