/**
 * The studio at 1,000,000 touches in browser mode, timed in Debian's Chromium (issue 6, speed): opening the project
 * from the start screen to the Overview's answer (its cards, top channels and small Sankey; issue 17) and to the
 * first dashboard (the Model tab's cards and Sankey), for a file that keeps the engine's
 * arrays (its snapshot, as the CLI's demo and import and the app write it) and for one that does not (made by an
 * older build: its tables are read), and a weight change to updated
 * cards and Sankey, as a single move and at the end of a drag. Times are taken inside the page, from the input event
 * to the DOM showing the new results, so the browser's own work (JSON, React, the chart) is counted. The baseline
 * is the engine's share of a move: one `model:run` called in-process on the same project.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { chromium, type Page } from 'playwright-core';
import { generateDemo } from '../../src/main/demo/generate';
import { argSchemas } from '../../src/shared/api';
import { CHANNEL_GROUP_PRESET, type GroupRule } from '../../src/shared/channelGroups';
import { EngineCache } from '../../src/main/engine/cache/cache';
import { createEngineHandlers } from '../../src/main/engineHost/handlers/engineHandlers';
import { Session } from '../../src/main/session/session';
import { createProject } from '../../src/main/store/project';
import { CHROMIUM_LAUNCH } from '../../test/chromium';
import { emit, peakRssMiB } from '../measure';
import { waitForOverviewAnswer } from '../overviewAnswer';

const ROOT = resolve(import.meta.dirname, '../..');
const scale = Number(process.env['BENCH_SCALE'] ?? 1_000_000);
const MOVES = 7;

/**
 * Runs in the page: changes the OC weight (one value, or a drag of several 16 ms apart), and resolves with the
 * milliseconds from the last input event to the cards showing current results for it, and to the Sankey drawn for
 * them. One observer sees the page's mutations in commit order: the cards are current in the commit where the results
 * become current (data-current, set only for the newest request), and the Sankey in the first commit from then on
 * that changes it. A commit that leaves the chart as it was (its flows equal to those drawn for an earlier value of
 * the drag) counts as the chart drawn with the cards, after 30 frames without a change. A string, because the bench
 * is typed for Node, not the DOM.
 */
const MOVE_IN_PAGE = `async ({ values }) => {
  const input = document.querySelector('input[aria-label="OC weight value"]');
  const body = () => document.querySelector('.results-body');
  const card = () => document.querySelector('[aria-label="Attributed CAR"] .card-value')?.textContent;
  const before = card();
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  let last = 0;
  let cardsAt = null;
  let sankeyAt = null;
  // The chart's container, not its svg: a resize may draw a new svg element.
  const inChart = (node) => (node.nodeType === 1 ? node : node.parentElement)?.closest('.sankey') != null;
  const current = () => body()?.getAttribute('data-current') === 'true' && card() !== before;
  const observer = new MutationObserver((records) => {
    if (last === 0) return;
    if (cardsAt === null && current()) cardsAt = performance.now();
    if (cardsAt !== null && sankeyAt === null && records.some((record) => inChart(record.target))) sankeyAt = performance.now();
  });
  observer.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
  for (const [i, value] of values.entries()) {
    setValue.call(input, String(value));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    if (i === values.length - 1) last = performance.now();
    else await new Promise((r) => setTimeout(r, 16));
  }
  return await new Promise((done, fail) => {
    const timeout = setTimeout(() => {
      observer.disconnect();
      const seen = { before, card: card(), current: body()?.getAttribute('data-current'), cardsAt, sankeyAt };
      fail(new Error('no update within 30 s of the weights ' + values.join(', ') + ': ' + JSON.stringify(seen)));
    }, 30000);
    let still = 0;
    const check = () => {
      if (cardsAt === null && current()) cardsAt = performance.now();
      if (cardsAt === null || (sankeyAt === null && ++still < 30)) return requestAnimationFrame(check);
      clearTimeout(timeout);
      observer.disconnect();
      done({ cards: cardsAt - last, sankey: (sankeyAt ?? cardsAt) - last });
    };
    check();
  });
}`;

/**
 * Runs in the page: picks a period preset in the scope bar, and resolves with the milliseconds from the change event
 * to the Model tab showing current results for the new scope (its scope line changed), one frame later so the
 * cards, the Sankey and the tables React drew with it are on screen.
 */
const SCOPE_IN_PAGE = `async ({ preset }) => {
  const select = document.querySelector('[aria-label="Report scope"] select');
  const line = () => document.querySelector('.scope-line')?.textContent;
  const body = () => document.querySelector('.results-body');
  const before = line();
  const setValue = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set;
  setValue.call(select, preset);
  const start = performance.now();
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return await new Promise((done, fail) => {
    const timeout = setTimeout(() => fail(new Error('no update within 30 s')), 30000);
    const check = () => {
      if (body()?.getAttribute('data-current') !== 'true' || line() === before) return requestAnimationFrame(check);
      requestAnimationFrame(() => {
        clearTimeout(timeout);
        done(performance.now() - start);
      });
    };
    check();
  });
}`;

/**
 * Runs in the page: saves a channel-group rule set through the API and asks for the Model tab's run, as the page's
 * own client does (HTTP and JSON included, no drawing); resolves with the milliseconds both took.
 */
const GROUPS_IN_PAGE = `async ({ rules }) => {
  const call = async (method, args) => {
    const response = await fetch('/api/' + encodeURIComponent(method), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    const envelope = await response.json();
    if (!envelope.ok) throw new Error(method + ': ' + envelope.error.message);
    return envelope.result;
  };
  const start = performance.now();
  await call('groups:set', { rules });
  await call('model:run', { options: { model: 'full-path' }, flows: 'community' });
  return performance.now() - start;
}`;

/** Channel-group rule sets that differ from each other: the preset without its i-th rule (none kept by the engine). */
function ruleSets(count: number): GroupRule[][] {
  return Array.from({ length: count }, (_, i) =>
    CHANNEL_GROUP_PRESET.filter((_, r) => r !== i % CHANNEL_GROUP_PRESET.length),
  );
}

async function serve(home: string, project: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/tributary.mjs'), 'serve', project], {
    cwd: ROOT,
    env: { ...process.env, TRIBUTARY_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((done, fail) => {
    lines.on('line', (line) => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line);
      if (match) done(match[1] as string);
    });
    child.once('exit', (code) => fail(new Error(`tributary serve exited with ${code}`)));
  });
  return { url, child };
}

async function waitForCurrentResults(page: Page): Promise<void> {
  await page.locator('.results-body[data-current="true"]').waitFor({ timeout: 120_000 });
  await page.locator('.sankey svg path').first().waitFor({ timeout: 120_000 });
}

/** The browser-mode server's peak memory (Linux), where the engine runs: the bench's own process is not it. */
function serverRss(): number {
  try {
    const status = readFileSync(`/proc/${server?.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** The engine's share of a move: model:run in-process (no worker), median of MOVES runs after the first. */
async function engineMoveSeconds(project: string, home: string): Promise<number> {
  const session = new Session({ userDataDir: home });
  const handlers = createEngineHandlers(session, new EngineCache());
  session.open(project);
  const times: number[] = [];
  for (let i = 0; i <= MOVES; i++) {
    const weights = { FT: 22.5, LC: 22.5, OC: 22.5 + i, CW: 22.5, MID: 10 };
    const start = performance.now();
    const args = argSchemas['model:run'].parse({ options: { model: 'custom', weights }, flows: 'community' });
    await handlers['model:run'](args);
    if (i > 0) times.push(performance.now() - start);
  }
  session.close();
  return median(times) / 1000;
}

type ScopeFigure = 'change' | 'move' | 'field' | 'byField' | 'groups';

/**
 * A report scope's cost in the engine (spec 9), as a browser-mode request pays it on top of the weight move's UI
 * time: model:run (cards, CAR, Sankey, breakdowns) for a scope not asked before, each a different period and a
 * segment, then weight moves inside one scope. Medians of MOVES runs.
 */
async function engineScopeSeconds(project: string, home: string): Promise<Record<ScopeFigure, number>> {
  const session = new Session({ userDataDir: home });
  const handlers = createEngineHandlers(session, new EngineCache());
  session.open(project);
  const run = async (weights: Record<string, number>, scope: Record<string, unknown>): Promise<number> => {
    const start = performance.now();
    await handlers['model:run'](
      argSchemas['model:run'].parse({ options: { model: 'custom', weights, scope }, flows: 'community' }),
    );
    return performance.now() - start;
  };
  const weights = { FT: 22.5, LC: 22.5, OC: 22.5, CW: 22.5, MID: 10 };
  await run(weights, {}); // loads the project
  const changes: number[] = [];
  for (let i = 1; i <= MOVES; i++) {
    const from = `2025-${String(((i - 1) % 9) + 1).padStart(2, '0')}-01`;
    changes.push(await run(weights, { from, segments: i % 2 ? ['Enterprise'] : ['SMB', 'Mid-Market'] }));
  }
  const scope = { from: '2025-01-01', segments: ['Enterprise'] };
  const moves: number[] = [];
  for (let i = 0; i <= MOVES; i++) {
    const time = await run({ ...weights, OC: 22.5 + i }, scope);
    if (i > 0) moves.push(time);
  }
  // A custom field of the account, then of the deal: the first filter by a field reads its values from the project.
  const fieldChanges: number[] = [];
  const regions = ['North America', 'EMEA', 'APAC', 'LATAM'];
  const sources = ['Event', 'Inbound', 'Outbound', 'Partner'];
  for (let i = 0; i < MOVES; i++) {
    const field =
      i % 2 ? { field: 'Lead Source', values: [sources[i % 4]] } : { field: 'Region', values: [regions[i % 4]] };
    fieldChanges.push(await run(weights, { fields: [field] }));
  }
  // The credit broken down by a custom field too, on a weight move (the field's values are read once, then kept).
  const byField: number[] = [];
  for (let i = 0; i <= MOVES; i++) {
    const start = performance.now();
    await handlers['model:run'](
      argSchemas['model:run'].parse({
        options: { model: 'custom', weights: { ...weights, OC: 30 + i } },
        flows: 'community',
        breakdownField: 'Region',
      }),
    );
    if (i > 0) byField.push(performance.now() - start);
  }
  // A channel-group change: the rules saved, then every view of the Model tab for them.
  const groupChanges: number[] = [];
  for (const rules of ruleSets(MOVES)) {
    const start = performance.now();
    await handlers['groups:set'](argSchemas['groups:set'].parse({ rules }));
    await run(weights, {});
    groupChanges.push(performance.now() - start);
  }
  await handlers['groups:set']({ rules: [] });
  session.close();
  return {
    change: median(changes) / 1000,
    move: median(moves) / 1000,
    field: median(fieldChanges) / 1000,
    byField: median(byField) / 1000,
    groups: median(groupChanges) / 1000,
  };
}

if (!existsSync(join(ROOT, 'out/renderer/index.html'))) {
  throw new Error('The renderer is not built: run `npm run build` before `npm run bench`.');
}
/** Runs `sql` on the project through a connection of the bench's own (the project is closed in the app). */
function snapshotParts(sql: string): number {
  const db = new Database(path);
  try {
    const statement = db.prepare(sql);
    return statement.reader ? (statement.pluck().get() as number) : statement.run().changes;
  } finally {
    db.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tributary-bench-studio-'));
const home = join(dir, 'home');
const path = join(dir, 'Studio bench.sqlite');
let server: ChildProcess | null = null;
try {
  const project = createProject(path, { name: 'Studio bench', currency: 'USD' });
  generateDemo(project.db, { scale });
  project.close();
  const baselineSeconds = await engineMoveSeconds(path, join(dir, 'engine-home'));
  const baseline = 'model:run in-process (engine only)';
  const scoped = await engineScopeSeconds(path, join(dir, 'engine-scope-home'));
  const engineDetail = `${scale.toLocaleString('en-US')}-touch demo, in-process`;
  emit({
    name: 'engine: scope change to every view (median)',
    detail: `${engineDetail}, a new period and segment each time (target 500 ms)`,
    seconds: scoped.change,
    baseline,
    baselineSeconds,
    peakRssMiB: peakRssMiB(),
  });
  emit({
    name: 'engine: weight move inside a scope (median)',
    detail: `${engineDetail}, 2025 Enterprise deals (as fast as without a scope)`,
    seconds: scoped.move,
    baseline,
    baselineSeconds,
    peakRssMiB: peakRssMiB(),
  });
  emit({
    name: 'engine: custom-field filter change to every view (median)',
    detail: `${engineDetail}, Region or Lead Source = one value each time (target 500 ms)`,
    seconds: scoped.field,
    baseline,
    baselineSeconds,
    peakRssMiB: peakRssMiB(),
  });
  emit({
    name: 'engine: weight move with credit by a custom field (median)',
    detail: `${engineDetail}, breakdown by the accounts' Region`,
    seconds: scoped.byField,
    baseline,
    baselineSeconds,
    peakRssMiB: peakRssMiB(),
  });
  emit({
    name: 'engine: channel-group change to every view (median)',
    detail: `${engineDetail}, a new rule set saved each time, then model:run (target 500 ms)`,
    seconds: scoped.groups,
    baseline,
    baselineSeconds,
    peakRssMiB: peakRssMiB(),
  });

  const started = await serve(home, path);
  server = started.child;
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(started.url);
    await page.getByRole('heading', { level: 1, name: 'Studio bench' }).waitFor();
    const detail = `${scale.toLocaleString('en-US')}-touch demo, Chromium 1280x800`;
    const common = { baseline, baselineSeconds };

    // Opened as a user would: from the start screen's recent projects, then the Model tab at once. First without a
    // snapshot in the file, then with the one that open kept. Nothing else carries over from one open to the next:
    // closing ends the worker, and the arrays live nowhere but in the file, so the second open is what a colleague
    // who receives the file sees on a first open.
    const openTimes = async (
      whileClosed = (): void => undefined,
    ): Promise<{ overview: number; answer: number; dashboard: number }> => {
      await page.getByRole('button', { name: 'Close project' }).click();
      const recent = page
        .getByRole('region', { name: 'Recent projects' })
        .getByRole('button', { name: 'Studio bench', exact: true });
      await recent.waitFor();
      whileClosed();
      const openedAt = performance.now();
      await recent.click();
      await page.getByRole('heading', { level: 1, name: 'Studio bench' }).waitFor();
      const overview = (performance.now() - openedAt) / 1000;
      // The project opens on the Overview: its answer first, then the Model tab, which shows the same run.
      await waitForOverviewAnswer(page);
      const answer = (performance.now() - openedAt) / 1000;
      await page.getByRole('tab', { name: 'Model' }).click();
      await waitForCurrentResults(page);
      return { overview, answer, dashboard: (performance.now() - openedAt) / 1000 };
    };
    // Closing ended the worker that loaded the project at start, and whatever it was writing.
    const cold = await openTimes(() => snapshotParts('DELETE FROM engine_snapshot'));
    // The first open keeps the arrays once its answers are sent: wait for them before reopening.
    const snapshotKept = async (): Promise<void> => {
      for (let waited = 0; waited < 60_000; waited += 100) {
        if (snapshotParts('SELECT count(*) FROM engine_snapshot') > 0) return;
        await new Promise((done) => setTimeout(done, 100));
      }
      throw new Error('the engine never kept its arrays in the project');
    };
    await snapshotKept();
    const warm = await openTimes();
    emit({
      name: 'studio: open project to overview',
      detail,
      seconds: warm.overview,
      ...common,
      peakRssMiB: serverRss(),
    });
    emit({
      name: 'studio: open project to the Overview’s answer (target 2 s)',
      detail: `${detail}, from the recent project's click to the Overview's CAR cards, top channels and small Sankey drawn`,
      seconds: warm.answer,
      ...common,
      peakRssMiB: serverRss(),
    });
    emit({
      name: 'studio: open project to model cards and Sankey',
      detail: `${detail}, a first open or a reopen: the file keeps its snapshot (target 2 s)`,
      seconds: warm.dashboard,
      ...common,
      peakRssMiB: serverRss(),
    });
    emit({
      name: 'studio: open a file without a snapshot to model cards and Sankey',
      detail: `${detail}, made by an older build: every table is read`,
      seconds: cold.dashboard,
      ...common,
      peakRssMiB: serverRss(),
    });

    const single: { cards: number; sankey: number }[] = [];
    for (let i = 1; i <= MOVES; i++) {
      single.push(await page.evaluate(`(${MOVE_IN_PAGE})({ values: [${30 + i}] })`));
    }
    const drags: { cards: number; sankey: number }[] = [];
    for (let i = 1; i <= 3; i++) {
      const values = Array.from({ length: 12 }, (_, step) => 40 + i * 12 + step);
      drags.push(await page.evaluate(`(${MOVE_IN_PAGE})({ values: ${JSON.stringify(values)} })`));
    }
    // Scope changes: a period preset not asked before each time (the engine keeps a few recent scopes).
    // Seven presets with different dates on the demo (its data ends on 2025-12-31, so this year and the last 12
    // months are the same period: only one of them is here).
    const presets = [
      'last-12-months',
      'last-quarter',
      'this-quarter',
      'last-month',
      'this-month',
      'last-year',
      'all-time',
    ];
    const scopeTimes: number[] = [];
    for (const preset of presets) scopeTimes.push(await page.evaluate(`(${SCOPE_IN_PAGE})({ preset: '${preset}' })`));
    emit({
      name: 'studio: scope change to every view (median)',
      detail: `${detail}, a period preset not asked before each time, to the results drawn (target 500 ms)`,
      seconds: median(scopeTimes) / 1000,
      ...common,
      peakRssMiB: serverRss(),
    });
    const groupTimes: number[] = [];
    for (const rules of ruleSets(MOVES)) {
      groupTimes.push(await page.evaluate(`(${GROUPS_IN_PAGE})({ rules: ${JSON.stringify(rules)} })`));
    }
    await page.evaluate(`(${GROUPS_IN_PAGE})({ rules: [] })`);
    emit({
      name: 'studio: channel-group change to the Model tab’s answer (median)',
      detail: `${detail}, groups:set then model:run over HTTP from the page, a new rule set each time (target 500 ms)`,
      seconds: median(groupTimes) / 1000,
      ...common,
      peakRssMiB: serverRss(),
    });

    const rss = serverRss();
    const rows: [string, number][] = [
      ['studio: weight move to updated cards (median)', median(single.map((s) => s.cards))],
      ['studio: weight move to updated Sankey (median)', median(single.map((s) => s.sankey))],
      ['studio: end of a drag to updated cards and Sankey (median)', median(drags.map((s) => s.sankey))],
    ];
    for (const [name, ms] of rows) {
      emit({ name, detail: `${detail} (target 150 ms)`, seconds: ms / 1000, ...common, peakRssMiB: rss });
    }
  } finally {
    await browser.close();
  }
} finally {
  if (server) {
    const exited = new Promise((done) => server?.once('exit', done));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}
