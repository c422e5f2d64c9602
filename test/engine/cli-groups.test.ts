import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runTributary } from '../helpers/cli';
import { useTempDir } from '../helpers/files';
import { writeProjectFile } from './build';
import { touchpoint, wonDeal } from './rows';

const tempDir = useTempDir();
const tributary = (args: string[], dir: string) => runTributary(args, { ...process.env, TRIBUTARY_HOME: dir });

function project(dir: string): string {
  return writeProjectFile(
    join(dir, 'p.sqlite'),
    { name: 'Groups', currency: 'USD' },
    {
      accounts: [{ account_id: 'A1' }],
      opportunities: [wonDeal({ id: 'O1', account: 'A1', amount: 1000, created: '2024-03-01', closed: '2024-03-31' })],
      touchpoints: [
        { ...touchpoint({ id: 'T1', account: 'A1', when: '2024-01-10', channel: 'google' }), medium: 'cpc' },
        { ...touchpoint({ id: 'T2', account: 'A1', when: '2024-02-10', channel: 'newsletter' }), medium: 'email' },
      ],
    },
  );
}

describe('tributary groups (cli.md) and the credits CSV’s channel_group', () => {
  it('imports rules, reports by group everywhere, keeps the raw channel in the credits CSV, and exports the rules', async () => {
    const dir = tempDir();
    const path = project(dir);
    const empty = await tributary(['groups', path], dir);
    expect(empty.stdout).toBe('No channel-group rules: every touch reports its own channel.\n');
    const rules = join(dir, 'rules.json');
    const given = {
      rules: [{ group: 'Paid search', conditions: [{ field: 'medium', operator: 'equals', value: 'CPC' }] }],
    };
    writeFileSync(rules, JSON.stringify(given));
    const saved = await tributary(['groups', path, '--import', rules], dir);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('Saved 1 channel-group rule');

    const json = JSON.parse((await tributary(['attribute', path, '--model', 'linear', '--json'], dir)).stdout) as {
      byChannel: unknown;
    };
    expect(json.byChannel).toEqual([
      { channel: 'Paid search', credit: 500 },
      { channel: 'newsletter', credit: 500 },
    ]);
    const out = join(dir, 'credits.csv');
    await tributary(['attribute', path, '--model', 'linear', '--out', out], dir);
    expect(Papa.parse<string[]>(readFileSync(out, 'utf8').trim()).data).toEqual([
      ['opportunity_id', 'touch_kind', 'touch_id', 'channel', 'channel_group', 'positions', 'credit'],
      ['O1', 'marketing', 'T1', 'google', 'Paid search', '', '500'],
      ['O1', 'marketing', 'T2', 'newsletter', 'newsletter', '', '500'],
    ]);

    const exported = join(dir, 'out.json');
    await tributary(['groups', path, '--export', exported], dir);
    expect(JSON.parse(readFileSync(exported, 'utf8'))).toEqual(given);
    const preset = await tributary(['groups', path, '--preset'], dir);
    expect(preset.stdout).toMatch(/Saved \d+ channel-group rules/);
    const listed = await tributary(['groups', path], dir);
    expect(listed.stdout).toContain('Paid search <- medium equals "cpc"');
  });

  it('refuses a rule with an empty value or an unknown field, saying where, and changes nothing', async () => {
    const dir = tempDir();
    const path = project(dir);
    const rules = join(dir, 'rules.json');
    writeFileSync(
      rules,
      JSON.stringify({
        rules: [
          { group: 'Paid', conditions: [{ field: 'medium', operator: 'equals', value: 'cpc' }] },
          { group: 'Mail', conditions: [{ field: 'medium', operator: 'equals', value: ' ' }] },
        ],
      }),
    );
    const blank = await tributary(['groups', path, '--import', rules], dir);
    expect(blank.code).toBe(1);
    expect(blank.stderr).toContain('rule 2, condition 1 (value): a condition needs a value to compare with');
    writeFileSync(
      rules,
      JSON.stringify({
        rules: [{ group: 'Paid', conditions: [{ field: 'mediun', operator: 'equals', value: 'cpc' }] }],
      }),
    );
    const unknown = await tributary(['groups', path, '--import', rules], dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('rule 1 (Paid), condition 1: no field "mediun"');
    expect((await tributary(['groups', path], dir)).stdout).toContain('No channel-group rules');
  });
});
