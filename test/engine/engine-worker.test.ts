import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/main/demo/generate';
import { argSchemas } from '../../src/shared/api';
import { createProject } from '../../src/main/store/project';
import { useApiSession } from '../helpers/api';
import { useEngineGate } from '../helpers/engineGate';
import { damageRootPage, execAsAnotherProgram, hasZeroSnapshot, keepsSnapshot, sha256OfFile } from '../helpers/files';
import { HUBSPOT_DEALS, writeFixture } from '../import/fixtures';

const apiSession = useApiSession();
const engineGate = useEngineGate();
/** Long enough for a request on the main thread, however loaded the machine; only a failing test waits for it. */
const ANSWERS_MEANWHILE = { timeout: 20_000 };
/**
 * Tests over a 200,000-touch demo, which takes seconds to generate on an idle machine and several times that on a
 * busy one: the suite's 30 s bound is no measure of them, only a guard against a hang.
 */
const BIG_PROJECT = { timeout: 120_000 };

/** Demo files made once per scale for this file's tests: generating 200,000 touches four times took 15 s of the suite. */
const demoSources = new Map<number, string>();
let demoDir = '';
afterAll(() => {
  if (demoDir) rmSync(demoDir, { recursive: true, force: true });
});

/** A demo project file of `scale` touches in `dir`, made apart from the session (a copy of one made before), to open. */
function demoFile(dir: string, scale: number): string {
  let source = demoSources.get(scale);
  if (!source) {
    demoDir ||= mkdtempSync(join(tmpdir(), 'tributary-worker-demos-'));
    source = join(demoDir, `Demo ${scale}.sqlite`);
    const project = createProject(source, { name: `Demo ${scale}`, currency: 'USD' });
    generateDemo(project.db, { scale, seed: 5 });
    project.close();
    demoSources.set(scale, source);
  }
  const path = join(dir, `Demo ${scale}.sqlite`);
  copyFileSync(source, path);
  return path;
}

describe('the engine worker', () => {
  it(
    'answers the overview while it loads a big project, and loads it once for the request that waits',
    BIG_PROJECT,
    async () => {
      // The worker is held as it starts reading the project ahead, so the load lasts until the test lets it go on.
      const gate = engineGate({ type: 'readAhead' });
      const { dir, call, engine } = await apiSession('Small', { workerEntry: gate.workerEntry });
      const path = demoFile(dir, 200_000);

      await call('project:open', { path });
      await gate.held;
      const order: string[] = [];
      const run = call('model:run', { options: { model: 'full-path' } }).then((result) => {
        order.push('model:run');
        return result;
      });
      // The data health's whole-table checks run in a thread of their own, beside the worker: on the main thread
      // they held up every answer, and in the worker's queue the model's.
      const health = call('data:overview', {}).then((result) => {
        order.push('data:overview');
        return result;
      });
      const span = call('data:dateRange', {}).then((result) => {
        order.push('data:dateRange');
        return result;
      });
      const summary = call('project:summary', {}).then((result) => {
        order.push('project:summary');
        return result;
      });
      await expect
        .poll(() => [...order].sort(), ANSWERS_MEANWHILE)
        .toEqual(['data:dateRange', 'data:overview', 'project:summary']);
      gate.release();
      const [ran, summarized, checked, dates] = await Promise.all([run, summary, health, span]);
      // The demo's two years, 2024 and 2025.
      expect([dates?.first, dates?.last].map((time) => new Date(time ?? 0).getUTCFullYear())).toEqual([2024, 2025]);

      expect(order.at(-1)).toBe('model:run');
      expect(checked.counts).toEqual(summarized.counts);
      expect(ran.attribution.revenue).toBeCloseTo(summarized.wonRevenue, 6);
      // One load, read from the tables while the session checked the file, serves the prewarm and the request
      // queued behind it (of a worker started for this project).
      expect(await engine.status()).toEqual({
        project: { path, generation: expect.any(Number) },
        loads: 1,
        reads: { project: 1, snapshot: 0, ahead: 1 },
        prewarms: expect.any(Number),
      });
    },
  );

  it('answers a model run before the panels around it that were sent first', async () => {
    // The worker is held as the velocity arrives, so the series and the run wait with it.
    const gate = engineGate({ type: 'call', method: 'model:velocity' });
    const { dir, call, engine } = await apiSession('Small', { workerEntry: gate.workerEntry });
    const path = demoFile(dir, 3000);
    await call('project:open', { path });
    await engine.warm;
    const order: string[] = [];
    const asked = (method: string, answer: Promise<unknown>) => answer.then(() => order.push(method));
    const velocity = asked('model:velocity', call('model:velocity', { options: {} }));
    await gate.held;
    const series = asked('model:series', call('model:series', { options: {}, by: 'quarter' }));
    const run = asked('model:run', call('model:run', { options: {} }));
    await expect.poll(() => engine.waiting, ANSWERS_MEANWHILE).toBe(3);
    gate.release();
    await Promise.all([velocity, series, run]);
    expect(order).toEqual(['model:run', 'model:velocity', 'model:series']);
  });

  it('starts loading a project as soon as it opens, and drops it when it closes', async () => {
    const { dir, call, engine } = await apiSession('Small');
    const path = demoFile(dir, 5000);
    await call('project:open', { path });
    await engine.warm;
    const warm = await engine.status();
    expect(warm.project?.path).toBe(path);

    // The first model request after the prewarm reads no data: the arrays are there.
    const run = await call('model:run', { options: { model: 'linear' } });
    expect(run.attribution.revenue).toBeGreaterThan(0);
    expect((await engine.status()).loads).toBe(warm.loads);

    // Saving a scenario writes to the project but changes no data: the arrays stay, and the scenario is there.
    await call('scenario:save', {
      name: 'Heavy OC',
      options: { model: 'custom', weights: { FT: 10, LC: 10, OC: 60, CW: 10, MID: 10 } },
    });
    const again = await call('model:run', { options: { model: 'linear' } });
    expect(again.attribution).toEqual(run.attribution);
    expect((await engine.status()).loads).toBe(warm.loads);
    expect((await call('scenario:list', {})).map((scenario) => scenario.name)).toEqual(['Heavy OC']);

    // Closed while the worker may still be busy: what it was doing answers or is cancelled, never left waiting,
    // and the close waits for the worker to let go of the file.
    const busy = call('model:run', { options: { model: 'markov' } }).then(
      () => 'answered',
      (error: Error) => error.message,
    );
    const checking = call('data:overview', {}).then(
      () => 'answered',
      (error: Error) => error.message,
    );
    await call('project:close', {});
    expect(await busy).toMatch(/^(answered|cancelled: The project closed before the engine answered\.)$/);
    expect(await checking).toMatch(/^(answered|cancelled: The engine was stopped before it answered\.)$/);
    expect(await engine.status()).toEqual({
      project: null,
      loads: 0,
      reads: { project: 0, snapshot: 0, ahead: 0 },
      prewarms: 0,
    });
    // The worker let go before the session closed, so the session's close checkpointed and removed the WAL.
    expect([existsSync(`${path}-wal`), existsSync(`${path}-shm`)]).toEqual([false, false]);
  });

  it('reads a reopened project from the snapshot it keeps, unless its data changed, even by another program', async () => {
    const { dir, call, engine } = await apiSession('Small');
    const path = demoFile(dir, 5000);
    const options = { options: { model: 'w-shaped' } };
    expect(keepsSnapshot(path)).toBe(false);
    await call('project:open', { path });
    const first = await call('model:run', options);
    expect((await engine.status()).reads).toEqual({ project: 1, snapshot: 0, ahead: 1 });
    // Written when the worker has nothing else to do.
    await expect.poll(() => keepsSnapshot(path)).toBe(true);

    // Read ahead while the session checked the file, then found to be of the data the opened file holds.
    await call('project:close', {});
    await call('project:open', { path });
    expect(await call('model:run', options)).toEqual(first);
    expect((await engine.status()).reads).toEqual({ project: 0, snapshot: 1, ahead: 1 });

    // Another program doubles every deal while the project is closed: the snapshot no longer holds.
    await call('project:close', {});
    execAsAnotherProgram(path, 'UPDATE opportunities SET amount = amount * 2');
    await call('project:open', { path });
    const doubled = await call('model:run', options);
    expect((await engine.status()).reads).toEqual({ project: 1, snapshot: 0, ahead: 1 });
    expect(doubled.attribution.revenue).toBeCloseTo(2 * first.attribution.revenue, 6);
    expect(doubled.car.attributed).toBeCloseTo(2 * first.car.attributed, 6);
  });

  it('keeps what an import changed, so a reopen reads the imported data', async () => {
    const { dir, call, jobs, engine } = await apiSession('Small');
    const path = demoFile(dir, 3000);
    const options = { options: { model: 'full-path' } };
    await call('project:open', { path });
    const before = await call('model:run', options);
    const file = writeFixture(dir, 'deals.csv', HUBSPOT_DEALS);
    const { mapping } = await call('import:inspect', { path: file });
    const run = await call('import:start', { path: file, mapping });
    await jobs.settled(run.jobId);
    const imported = await call('model:run', options);
    // Two won deals, 4500 and 1200.50, joined the revenue.
    expect(imported.attribution.revenue - before.attribution.revenue).toBeCloseTo(5700.5, 6);
    await expect.poll(() => keepsSnapshot(path)).toBe(true);

    await call('project:close', {});
    await call('project:open', { path });
    expect(await call('model:run', options)).toEqual(imported);
    expect((await engine.status()).reads).toEqual({ project: 0, snapshot: 1, ahead: 1 });
  });

  it('reads the tables instead of a damaged snapshot, and keeps a sound one again', async () => {
    const { dir, call, engine } = await apiSession('Small');
    const path = demoFile(dir, 2000);
    await call('project:open', { path });
    const first = await call('model:run', { options: { model: 'linear' } });
    await expect.poll(() => keepsSnapshot(path)).toBe(true);
    await call('project:close', {});
    // Another program overwrites the snapshot with zeros, leaving its revision as it was.
    execAsAnotherProgram(path, 'UPDATE engine_snapshot SET bytes = zeroblob(length(bytes))');

    await call('project:open', { path });
    expect(await call('model:run', { options: { model: 'linear' } })).toEqual(first);
    expect((await engine.status()).reads).toEqual({ project: 1, snapshot: 0, ahead: 1 });
    await expect.poll(() => keepsSnapshot(path) && !hasZeroSnapshot(path)).toBe(true);
    await call('project:close', {});
    await call('project:open', { path });
    expect(await call('model:run', { options: { model: 'linear' } })).toEqual(first);
    expect((await engine.status()).reads).toEqual({ project: 0, snapshot: 1, ahead: 1 });
  });

  it('runs the full check of a big project in the worker, so the overview answers meanwhile', BIG_PROJECT, async () => {
    const gate = engineGate({ type: 'call', method: 'project:check' });
    const { dir, call } = await apiSession('Small', { workerEntry: gate.workerEntry });
    const path = demoFile(dir, 200_000);
    await call('project:open', { path });
    const order: string[] = [];
    const check = call('project:check', {}).then((report) => {
      order.push('project:check');
      return report;
    });
    // The worker has the check and is busy with it until released.
    await gate.held;
    const summary = call('project:summary', {}).then(() => order.push('project:summary'));
    await expect.poll(() => order, ANSWERS_MEANWHILE).toEqual(['project:summary']);
    gate.release();
    const [report] = await Promise.all([check, summary]);
    expect(report).toMatchObject({ path, ok: true, problems: [] });
    expect(order).toEqual(['project:summary', 'project:check']);
  });

  it(
    'anonymises a copy of a big project in a thread of its own, so the overview and the model answer meanwhile',
    BIG_PROJECT,
    async () => {
      const gate = engineGate({ type: 'anonymise' });
      const { dir, call, engine } = await apiSession('Small', { workerEntry: gate.workerEntry });
      const path = demoFile(dir, 200_000);
      await call('project:open', { path });
      const options = { options: { model: 'linear' } };
      const first = await call('model:run', options);
      await engine.warm;
      const order: string[] = [];
      const copyPath = join(dir, 'shared.sqlite');
      const saved = call('project:saveAnonymised', { path: copyPath }).then((result) => {
        order.push('project:saveAnonymised');
        return result;
      });
      // Sent once the copy is made and its own thread has started anonymising it (held there until released).
      await gate.held;
      const summary = call('project:summary', {}).then(() => order.push('project:summary'));
      const run = call('model:run', options).then((result) => {
        order.push('model:run');
        return result;
      });
      await expect.poll(() => [...order].sort(), ANSWERS_MEANWHILE).toEqual(['model:run', 'project:summary']);
      gate.release();
      const [copy, , again] = await Promise.all([saved, summary, run]);
      expect(order.at(-1)).toBe('project:saveAnonymised');
      expect(again).toEqual(first);
      expect(copy).toEqual({ path: copyPath, anonymisedAt: expect.any(String) });
      // The anonymised copy has every contact relabelled.
      const db = new Database(copyPath, { readonly: true });
      expect(db.prepare("SELECT count(*) FROM contacts WHERE contact_id NOT LIKE 'contact-%'").pluck().get()).toBe(0);
      db.close();
    },
  );

  it(
    'ends the thread anonymising a copy when it stops (the app quits), and leaves no copy anywhere',
    BIG_PROJECT,
    async () => {
      const { dir, call, engine } = await apiSession('Small');
      const path = demoFile(dir, 200_000);
      await call('project:open', { path });
      const copyPath = join(dir, 'shared.sqlite');
      const staging = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`tributary-copy-${process.pid}-`));
      const saved = call('project:saveAnonymised', { path: copyPath }).then(
        () => 'saved',
        (error: Error) => error.message,
      );
      // Stopped once the copy is made and its thread anonymises it.
      await expect.poll(() => engine.helpersRunning, { timeout: 10_000 }).toBe(1);
      await engine.stop();
      expect(engine.helpersRunning).toBe(0);
      expect(await saved).toMatch(/^cancelled: /);
      expect(staging()).toEqual([]);
      expect(readdirSync(dir).filter((name) => name.includes('shared'))).toEqual([]);
    },
  );

  it('checks another file in a thread of its own, leaving the open project loaded', async () => {
    const { dir, call, engine } = await apiSession('Small');
    const path = demoFile(dir, 2000);
    const other = demoFile(dir, 1000);
    await call('project:open', { path });
    await call('model:run', { options: { model: 'linear' } });
    // What the worker holds (the prewarm may still finish meanwhile, which counts nothing it holds).
    const holds = async () => {
      const { project, loads, reads } = await engine.status();
      return { project, loads, reads };
    };
    const loaded = await holds();
    expect(await engine.checkFile(other)).toMatchObject({ path: other, ok: true, problems: [] });
    execAsAnotherProgram(other, 'CREATE TRIGGER lurk AFTER INSERT ON accounts BEGIN DELETE FROM scenarios; END');
    expect(await engine.checkFile(other)).toMatchObject({
      ok: false,
      problems: ['has a trigger `lurk` on `accounts` that Tributary does not create'],
    });
    expect(await holds()).toEqual(loaded);
  });

  it('drops what it read ahead of a file that quick_check then finds damaged, and leaves the file as it was', async () => {
    const { dir, call, engine } = await apiSession('Small');
    const path = demoFile(dir, 3000);
    // Damage the first page of the touchpoints table: schema, ledger and metadata still read, so the worker reads
    // ahead (or fails to) while quick_check runs, and then the open is refused.
    damageRootPage(path, 'touchpoints');
    const before = sha256OfFile(path);

    const unchanged = () => {
      expect(sha256OfFile(path)).toBe(before);
      expect([existsSync(`${path}-wal`), existsSync(`${path}-shm`)]).toEqual([false, false]);
    };
    // Whether the read-ahead started before quick_check failed is a race: the open is refused either way.
    await expect(call('project:open', { path })).rejects.toThrow(/Demo 3000\.sqlite is damaged/);
    unchanged();

    // The same without the race, and with the worker's connection the last to close (as when the session's
    // connection is closed by the failed open before the worker ends): it reads the damaged file to the end (a
    // status request waits behind it) and, closing, removes the -wal and -shm it made, as a read-only one could not.
    engine.readAhead(path);
    await engine.status();
    await engine.closeProject();
    unchanged();
  });

  it('computes the default model on what it read ahead, and writes nothing to the file until the open confirms it', async () => {
    const { dir, call, engine } = await apiSession('Small');
    await call('project:close', {}); // a new worker, with nothing counted yet
    const path = demoFile(dir, 3000);
    expect(keepsSnapshot(path)).toBe(false);
    const before = sha256OfFile(path);

    // The session is still checking the file: the worker reads it and computes the default model meanwhile, but keeps
    // the arrays it read from the tables to itself (its connection refuses writes).
    engine.readAhead(path);
    await expect.poll(async () => (await engine.status()).prewarms).toBe(1);
    expect(await engine.status()).toMatchObject({ loads: 1, reads: { project: 1, snapshot: 0, ahead: 1 } });
    expect(keepsSnapshot(path)).toBe(false);
    expect(sha256OfFile(path)).toBe(before);

    // The open confirms the project: the arrays and the model computed on them serve it, and are now kept in the file.
    engine.openProject(path);
    await engine.warm;
    const run = await engine.call('model:run', argSchemas['model:run'].parse({ options: {} }), path);
    expect(run.attribution.revenue).toBeGreaterThan(0);
    expect(await engine.status()).toMatchObject({ loads: 1, reads: { project: 1, snapshot: 0, ahead: 1 } });
    await expect.poll(() => keepsSnapshot(path)).toBe(true);
  });

  it('keeps the error codes of what fails in the worker', async () => {
    const { session, call } = await apiSession('Models');
    generateDemo(session.require().db, { scale: 2000, seed: 3 });
    await expect(call('journey:detail', { opportunityId: 'OPP-none', options: {} })).rejects.toThrow(
      'not_found: No opportunity has the id OPP-none.',
    );
    await call('project:close', {});
    await expect(call('model:run', { options: {} })).rejects.toThrow(/^no_project: /);
    await expect(call('journey:list', {})).rejects.toThrow(/^no_project: /);
  });

  it('fails what a dead worker was doing with a clear error, and starts a new one for the next request', async () => {
    const { dir, call, engine } = await apiSession('Small');
    const path = demoFile(dir, 50_000);
    await call('project:open', { path });
    const expected = await call('model:run', { options: { model: 'u-shaped' } });

    // Killed while it surely works on the request: a reopen makes the worker load the project again first (from
    // its tables: the snapshot is dropped once the worker has kept it, with the project closed).
    await expect.poll(() => keepsSnapshot(path)).toBe(true);
    await call('project:close', {});
    execAsAnotherProgram(path, 'DELETE FROM engine_snapshot');
    await call('project:open', { path });
    const cut = call('model:run', { options: { model: 'u-shaped' } });
    await expect.poll(() => engine.waiting).toBeGreaterThan(1);
    await engine.kill();
    await expect(cut).rejects.toThrow(/^internal: The engine stopped unexpectedly \(.*\); try again\.$/);

    expect(await call('model:run', { options: { model: 'u-shaped' } })).toEqual(expected);
  });
});
