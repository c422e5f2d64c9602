import type { CliIo } from '../io';
import { MODEL_OPTION_HELP } from '../modelArgs';
import { SCOPE_OPTION_HELP } from '../scopeArgs';
import { runAnonymise } from './anonymise';
import { runAttribute } from './attribute';
import { runGroups } from './groups';
import { runCarCommand } from './car';
import { runCheck } from './check';
import { runDemo } from './demo';
import { runImport } from './import';
import { runNew } from './new';
import { runSolve } from './solve';
import { runRestore, runRestorePoints } from './restore';
import { serveCommand } from './serve';
import { runRobustness } from './robustness';
import { runSql, SQL_OPTION_HELP } from './sql';
import { runVelocity } from './velocity';

export interface Command {
  name: string;
  /** What follows `tributary` on the usage line. */
  synopsis: string;
  summary: string;
  /** Extra lines for `tributary <command> --help`. */
  details: string[];
  run: (argv: string[], io: CliIo) => number | Promise<number>;
}

export const COMMANDS: readonly Command[] = [
  {
    name: 'new',
    synopsis: 'new <project> [--name N] [--currency USD]',
    summary: 'create an empty project (refuses to overwrite)',
    details: [
      '--name N        the project name (default: the file name without its extension)',
      '--currency USD  three-letter ISO 4217 code of the amounts (default USD)',
    ],
    run: runNew,
  },
  {
    name: 'demo',
    synopsis: 'demo <project> [--scale N] [--seed N]',
    summary: 'create the demo project; N ~ number of touches (default 20000)',
    details: [
      '--scale N  roughly how many touches to generate, a positive whole number (default 20000)',
      '--seed N   seed of the generator, for a different but repeatable demo',
    ],
    run: runDemo,
  },
  {
    name: 'check',
    synopsis: 'check <project>',
    summary: 'verify a project file without changing it',
    details: ['Prints "ok", the schema version and the rows per kind; exits 1 saying what is wrong otherwise.'],
    run: runCheck,
  },
  {
    name: 'restore-points',
    synopsis: 'restore-points <project>',
    summary: 'list the restore points the app made of a project',
    details: [
      'One line per point, newest first: its id, when it was made, why (auto, import, restore) and its',
      'size. Points live in the user-data folder ($TRIBUTARY_HOME, else $XDG_CONFIG_HOME/Tributary, else',
      '~/.config/Tributary), the newest 10 of each project.',
    ],
    run: runRestorePoints,
  },
  {
    name: 'restore',
    synopsis: 'restore <project> <id>',
    summary: 'put a restore point back in place of the project',
    details: [
      '<id>  as listed by restore-points. The state it replaces becomes a restore point first, so a',
      '      restore can be undone. A project open in the app is refused and left untouched.',
    ],
    run: runRestore,
  },
  {
    name: 'anonymise',
    synopsis: 'anonymise <project> <out>',
    summary: 'write a copy without personal data (refuses to overwrite)',
    details: [
      'Names and job titles are removed; emails keep their domain with the rest replaced by a keyed hash',
      'whose key is never stored; member ids become member-000001...; import file names and quoted values',
      'are replaced. The copy computes the same attribution and CAR, and says it is anonymised when',
      'opened or checked.',
    ],
    run: runAnonymise,
  },
  {
    name: 'serve',
    synopsis: 'serve [<project>] [--port N]',
    summary: 'browser mode on 127.0.0.1',
    details: [
      '--port N  the port to listen on (default: a free one)',
      'Prints the URL to open, with its access token, and runs until Ctrl-C.',
      'Recent projects live in $TRIBUTARY_HOME, else $XDG_CONFIG_HOME/Tributary, else',
      '~/.config/Tributary.',
    ],
    run: serveCommand,
  },
  {
    name: 'import',
    synopsis: 'import <project> <kind> <file.csv> [--mapping <file.json>] [--strict] [--day-first] [--decimal-comma]',
    summary: 'import a CSV into a project (created if missing)',
    details: [
      '<kind>             one of accounts, contacts, opportunities, touchpoints, community_members,',
      '                   community_actions, features, opportunity_features',
      '--mapping F.json   {"columns": {"account_id": "Account ID", ...},',
      '                   "stageValues": {"Signed": "won"}, "typeValues": {"Expansion": "upgrade"}};',
      '                   saved in the project for the next file with the same headers. Without it, a',
      '                   saved mapping or the known export headers are used.',
      '--strict           import nothing when any row is rejected',
      '--day-first        read 01/03/2024 as 1 March (default: decided from the values, else month-first)',
      '--decimal-comma    read 12.500,00 as twelve thousand five hundred',
      'Exits 3 when rows were rejected; each is listed on stderr with its line, column and reason.',
    ],
    run: runImport,
  },
  {
    name: 'attribute',
    synopsis:
      'attribute <project | folder> [model options] [scope options] [--out F.csv] [--paths F.csv] [--engine E] [--json]',
    summary: 'run an attribution model',
    details: [
      ...MODEL_OPTION_HELP,
      ...SCOPE_OPTION_HELP,
      '--out F.csv                one row per credited touch of a won opportunity:',
      '                           opportunity_id,touch_kind,touch_id,channel,channel_group,',
      '                           positions,credit (channel_group: the reported channel, see groups)',
      '--paths F.csv              the path summary data-driven models learn from: one row per distinct',
      '                           channel path (channels joined by " > "): path,conversions,nulls,value',
      '--json                     print one JSON object with the totals, channels and community revenue',
      '--engine duckdb            run the generated SQL in embedded DuckDB, over the project or over a',
      '                           folder of canonical CSV/Parquet files (<kind>.csv, no import); same',
      '                           --json, --out and --paths. Not in the SQL path: --where, --by,',
      '                           --pipeline, --roadmap-share, channel groups, roadmap and churn CAR',
      "--currency USD             with --engine duckdb over a folder: the amounts' currency (default USD)",
    ],
    run: runAttribute,
  },
  {
    name: 'solve',
    synopsis: 'solve markov|shapley <summary.csv> [--order K] [--json]',
    summary: 'channel weights of a path summary (warehouse SQL or --paths)',
    details: [
      '<summary.csv>  one row per distinct path: path (a JSON array of channels, or channels joined by',
      '               " > " as attribute --paths writes them) or channel_set, conversions, nulls',
      '--order K      Markov chain order, 1 to 4 (default 1)',
      '--json         print { model, paths, journeys, removalEffects | shapleyValues }',
      'Without --json, prints channel,weight as CSV: the channel_weights table the SQL spreads.',
    ],
    run: runSolve,
  },
  {
    name: 'groups',
    synopsis: 'groups <project> [--import <rules.json>] [--export <rules.json>] [--preset]',
    summary: 'show, replace or save the channel-group rules',
    details: [
      '--import F.json   replace the rules with the file\'s: { "rules": [{ "group": "Paid search",',
      '                  "conditions": [{ "field": "medium", "operator": "equals", "value": "cpc" }] }] }',
      '                  fields: channel, campaign, source, medium, touch_kind, action_type or a custom',
      '                  field of touchpoints; operators: equals, contains, starts_with, ends_with',
      '--export F.json   write the rules to a file in the same form',
      '--preset          replace the rules with the web-analytics preset (organic and paid search,',
      '                  social, email, referral, display, direct, events, community)',
      'Without options, prints the rules. A touch reports the group of the first rule it matches.',
    ],
    run: runGroups,
  },
  {
    name: 'car',
    synopsis: 'car <project> [model options] [scope options] [--json]',
    summary: 'community-attributed revenue',
    details: [
      ...MODEL_OPTION_HELP,
      ...SCOPE_OPTION_HELP,
      '--json                     print { model, options, revenue, car } as one JSON object',
    ],
    run: runCarCommand,
  },
  {
    name: 'velocity',
    synopsis: 'velocity <project> [scope options] [--type T] [--days D] [--json]',
    summary: 'deal velocity and win rate by community involvement',
    details: [
      'Won and lost deals of one type in three groups: sourced by the community, influenced (a community',
      'touch, not sourced), no community touch; per group deals, won, win rate, won amount, median and',
      'mean days to close and the share of won deals closed within D days.',
      '--type T                   the deal type compared: new_business (default), upgrade or renewal',
      '--days D                   a whole number of days, at least 1 (default 90)',
      '--from DATE, --to DATE, --segment S, --where FIELD=VALUE   the scope, as for attribute',
      '--lookback-days N, --upgrade-policy P, --referral-window-days N   as for attribute',
      '--json                     print { type, days, groups: { sourced, influenced, none } }',
    ],
    run: runVelocity,
  },
  {
    name: 'robustness',
    synopsis: 'robustness <project> [model options] [scope options] [--delta D] [--resamples B] [--seed S] [--json]',
    summary: 'how far each figure moves with the weights, the model and the deals drawn',
    details: [
      ...MODEL_OPTION_HELP,
      ...SCOPE_OPTION_HELP,
      '--delta D                  the neighbourhood of the current weights, in weight points: each',
      '                           weight within ±D, summing to 100 (above 0, at most 100; default 10)',
      '--resamples B              bootstrap resamples of the in-scope won and lost deals (default 200)',
      "--seed S                   the bootstrap's seed, a whole number (default 42): the same seed gives",
      '                           the same intervals',
      '--json                     print { model, options, channels, car } as one JSON object',
      'Per channel, attributed CAR and each category: the value, its range over weightings within ±D',
      'and over all weightings (position models), over the built-in models, and its 95% bootstrap',
      'interval; each extreme names the weights or the model reaching it.',
    ],
    run: runRobustness,
  },
  {
    name: 'sql',
    synopsis: 'sql --dialect duckdb|postgres|sqlite [model, journey and scope options] [--spread M] [--out F.sql]',
    summary: 'print the attribution models as one SQL script for a warehouse',
    details: [
      'The script reads the canonical tables (accounts, contacts, opportunities, touchpoints,',
      'community_members, community_actions; times as UTC milliseconds) and creates the tributary_*',
      'tables: journeys with positions, per-touch credits of each model, won and unattributed revenue,',
      'CAR by category and the path summary. It reads no project; a project file is a valid sqlite input.',
      ...SQL_OPTION_HELP,
    ],
    run: runSql,
  },
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
