import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/main/store/project';
import { useApiSession } from './helpers/api';
import { execAsAnotherProgram, keepsSnapshot } from './helpers/files';
import { HUBSPOT_DEALS, writeFixture } from './import/fixtures';

const apiSession = useApiSession();

describe('restore points through the API', () => {
  it('makes a point before an import and restores the state before it', async () => {
    const { dir, call, jobs } = await apiSession('Restore');
    const file = writeFixture(dir, 'deals.csv', HUBSPOT_DEALS);
    const { mapping } = await call('import:inspect', { path: file });

    const dry = await call('import:start', { path: file, mapping, dryRun: true });
    await jobs.settled(dry.jobId);
    expect(await call('restore:list', {})).toEqual([]);

    const run = await call('import:start', { path: file, mapping });
    await jobs.settled(run.jobId);
    expect((await call('data:overview', {})).counts.opportunities).toBe(4);
    const points = await call('restore:list', {});
    expect(points).toMatchObject([{ reason: 'import' }]);

    const info = await call('restore:apply', { id: points[0]?.id });
    expect(info.meta.name).toBe('Restore');
    expect((await call('data:overview', {})).counts.opportunities).toBe(0);
    expect(await call('import:history', {})).toEqual([]);
    // The replaced state is a point of its own, so the restore can be undone.
    const after = await call('restore:list', {});
    expect(after.map((point) => point.reason)).toEqual(['restore', 'import']);
    await call('restore:apply', { id: after[0]?.id });
    expect((await call('data:overview', {})).counts.opportunities).toBe(4);
  });

  it('makes a periodic point only when the data changed since the last one', async () => {
    const { dir, call, jobs, session } = await apiSession('Periodic');
    expect(await session.periodicRestorePoint()).toBeNull();
    await call('scenario:save', { name: 'Mine', options: { model: 'linear' } });
    expect(await session.periodicRestorePoint()).toMatchObject({ reason: 'auto' });
    expect(await session.periodicRestorePoint()).toBeNull();
    // The engine keeping its arrays in the project is a write, but no change a restore would bring back: opened
    // without its snapshot (deleted by another program meanwhile), the project is read from its tables and keeps
    // a new one, in the background, after the open.
    const path = session.current?.path as string;
    await call('project:close', {});
    execAsAnotherProgram(path, 'DELETE FROM engine_snapshot');
    await call('project:open', { path });
    await call('model:run', { options: { model: 'linear' } });
    await expect.poll(() => keepsSnapshot(path)).toBe(true);
    expect(await session.periodicRestorePoint()).toBeNull();
    // A write by another connection (the import worker) counts as a change too.
    const file = writeFixture(dir, 'deals.csv', HUBSPOT_DEALS);
    const { mapping } = await call('import:inspect', { path: file });
    const run = await call('import:start', { path: file, mapping });
    await jobs.settled(run.jobId);
    expect(await session.periodicRestorePoint()).toMatchObject({ reason: 'auto' });
    expect((await call('restore:list', {})).map((point) => point.reason)).toEqual(['auto', 'import', 'auto']);
  });

  it('lets nothing open, create or use a project while a restore runs, then reopens the restored one', async () => {
    const { dir, call, session } = await apiSession('Guarded');
    await call('scenario:save', { name: 'Mine', options: { model: 'linear' } });
    const point = await session.makeRestorePoint('auto');
    let release = (): void => undefined;
    const gate = new Promise<void>((done) => (release = done));
    const restoring = session.restore(point.id, async (path) => {
      await gate;
      return checkProject(path);
    });
    const locked = /^locked: A restore is in progress; try again once it has finished\.$/;
    await expect(call('project:create', { name: 'Other', currency: 'EUR' })).rejects.toThrow(locked);
    await expect(call('project:open', { path: join(dir, 'Guarded.sqlite') })).rejects.toThrow(locked);
    await expect(call('project:openDemo', {})).rejects.toThrow(locked);
    await expect(call('project:summary', {})).rejects.toThrow(locked);
    release();
    expect((await restoring).meta.name).toBe('Guarded');
    expect(await call('project:summary', {})).toMatchObject({ meta: { name: 'Guarded' } });
  });

  it('answers an unknown restore point without closing the project', async () => {
    const { call } = await apiSession('Unknown');
    await expect(call('restore:apply', { id: '2026-01-01T00-00-00.000Z_auto' })).rejects.toThrow(
      /not_found: No restore point/,
    );
    expect(await call('project:current', {})).toMatchObject({ meta: { name: 'Unknown' } });
  });
});
