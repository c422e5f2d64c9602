import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Method } from '../../shared/api';
import { METHOD_NAMES } from '../../shared/methods';
import { useTempDir } from '../../../test/helpers/files';
import { EngineClient } from '../engineHost/engineClient';
import { Session } from '../session/session';
import { dispatch } from './dispatch';
import { createHandlers } from './index';

const tempDir = useTempDir();
const sessions: Session[] = [];
const engines: EngineClient[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.stop()));
  sessions.splice(0).forEach((session) => session.close());
});

function setup() {
  const session = new Session({ userDataDir: tempDir() });
  sessions.push(session);
  const engine = new EngineClient();
  engines.push(engine);
  return { session, handlers: createHandlers({ session, mode: 'browser', engine }) };
}

/** For every method, arguments its schema must refuse. A new method without an entry here fails the suite. */
const BAD_ARGS: Record<Method, unknown[]> = {
  'app:info': [{ extra: 1 }, 'text', 42],
  'project:create': [
    {},
    { name: '' },
    { name: 7 },
    { name: 'x', currency: 'usd' },
    { name: 'x', path: '' },
    { name: 'x', extra: true },
  ],
  'project:check': [{ deep: true }, 'text'],
  'project:open': [{}, { path: '' }, { path: 3 }, { path: 'a\0b' }, null],
  'project:openDemo': [{ scale: 10 }],
  'project:current': [{ x: 1 }],
  'project:close': [[]],
  'project:reopenLast': [{ extra: 1 }],
  'prefs:get': [{ theme: 'dark' }],
  'prefs:set': [{}, { theme: 'pink' }, { theme: 'dark', extra: 1 }],
  'project:saveAs': [{}, { path: 'x.sqlite', overwrite: 'yes' }],
  'project:summary': [{ path: 'x' }],
  'recent:list': [{ limit: 3 }],
  'recent:forget': [{}, { path: '' }],
  'dialog:pickProject': [{}, { purpose: 'delete' }],
  'dialog:pickExport': [{}, { format: 'pdf' }, { format: 'csv', suggestedName: 3 }],
  'import:inspect': [{}, { path: '' }, { path: 'a.csv', kind: 'deals' }],
  'import:preview': [{ path: 'a.csv' }, { path: 'a.csv', mapping: { kind: 'accounts', columns: {} } }],
  'import:start': [{ path: 'a.csv' }, { path: 'a.csv', mapping: { kind: 'accounts', columns: { a: 1 } } }],
  'import:status': [{}, { jobId: '' }],
  'import:cancel': [{ jobId: 7 }],
  'import:history': [{ all: true }],
  'import:issues': [{}, { importId: 0 }, { importId: 1, limit: 5000 }, { importId: 1.5 }],
  'import:issuesCsv': [{ importId: -1 }],
  'data:overview': [{ x: 1 }],
  'data:scopeChoices': [{ kind: 'accounts' }],
  'data:dateRange': [{ kind: 'accounts' }],
  'model:series': [{ options: {} }, { options: {}, by: 'week' }],
  'model:pipeline': [{ options: {}, asOf: '2024-13-01' }],
  'data:memberNames': [{ ids: [''] }, { ids: 'M1' }],
  'model:working': [{ options: { model: 'nope' } }],
  'model:robustness': [{}, { options: {}, delta: 0 }, { options: {}, delta: 101 }, { options: {}, extra: 1 }],
  'model:bootstrapStart': [
    {},
    { options: {}, resamples: 0 },
    { options: {}, resamples: 2.5 },
    { options: {}, seed: 0.5 },
  ],
  'model:bootstrapStatus': [{}, { jobId: '' }, { jobId: 3 }],
  'model:bootstrapCancel': [{}, { jobId: '' }],
  'model:velocity': [
    { options: {}, days: 0 },
    { options: {}, days: 1.5 },
    { options: {}, type: 'upgrades' },
  ],
  'groups:get': [{ x: 1 }],
  'groups:set': [{ rules: [{ group: 'Paid', conditions: [{ field: 'medium', operator: 'equals', value: '' }] }] }],
  'groups:preview': [{ rules: [{ group: '', conditions: [] }] }],
  'data:rows': [{}, { kind: 'users' }, { kind: 'accounts', offset: -1 }],
  'data:unresolved': [{ limit: 0 }],
  'model:car': [{ options: { halfLifeDays: 0 } }, { options: { markovOrder: 5 } }],
  'model:run': [
    {},
    { options: { model: 'nope' } },
    { options: { model: 'custom' } },
    { options: {}, flows: 'some' },
    { options: {}, topN: 0 },
    { options: {}, focus: 3 },
    { options: {}, focus: 'x'.repeat(301) },
    { options: {}, extra: true },
  ],
  'journey:list': [
    { stage: 'closed' },
    { limit: 201 },
    { offset: -1 },
    { sort: { column: 'name', direction: 'ascending' } },
    { text: 'x'.repeat(201) },
    { extra: true },
  ],
  'export:credits': [{}, { options: { model: 'nope' } }, { options: {}, path: '' }, { options: {}, path: 'a\0b' }],
  'export:report': [
    {},
    { options: { markovOrder: 9 } },
    { options: {}, path: 'x.html' },
    { options: {}, locale: 'not a locale!' },
  ],
  'journey:detail': [
    {},
    { opportunityId: '' },
    { opportunityId: 'O1' },
    { opportunityId: 'O1', options: { model: 'nope' } },
  ],
  'scenario:list': [{ name: 'x' }],
  'restore:list': [{ path: 'x.sqlite' }],
  'restore:apply': [{}, { id: '' }, { id: '../../etc/passwd' }, { id: 'a/b' }, { id: 3 }],
  'project:saveAnonymised': [{}, { path: '' }, { path: 'a\0b' }, { path: 'x.sqlite', overwrite: 1 }],
  'scenario:save': [{}, { name: '  ', options: {} }, { name: 'x'.repeat(81), options: {} }, { name: 'x' }],
  'scenario:delete': [{}, { name: '' }],
  'model:compare': [
    {},
    { entries: [] },
    { entries: [{ label: '', options: {} }] },
    { entries: Array.from({ length: 9 }, (_, i) => ({ label: `m${i}`, options: {} })) },
  ],
};

describe('dispatch', () => {
  it.each(METHOD_NAMES.flatMap((method) => BAD_ARGS[method].map((args) => [method, args] as const)))(
    '%s refuses %j with a typed bad_request error',
    async (method, args) => {
      const { handlers } = setup();
      const envelope = await dispatch(handlers, method, args);
      expect(envelope).toEqual({
        ok: false,
        error: { code: 'bad_request', message: expect.stringContaining(`Invalid arguments for ${method}`) },
      });
    },
  );

  it('refuses an unknown method', async () => {
    const { handlers } = setup();
    for (const method of ['project:drop', '', 42, '__proto__', 'constructor']) {
      expect(await dispatch(handlers, method, {})).toEqual({
        ok: false,
        error: { code: 'unknown_method', message: expect.stringContaining('Unknown method') },
      });
    }
  });

  it('answers project methods with no_project while none is open', async () => {
    const { handlers } = setup();
    expect(await dispatch(handlers, 'project:summary', {})).toMatchObject({ ok: false, error: { code: 'no_project' } });
    expect(await dispatch(handlers, 'project:current', undefined)).toEqual({ ok: true, result: null });
  });

  it('creates, summarises, closes and reopens a project from the recent list', async () => {
    const { handlers } = setup();
    const created = await dispatch(handlers, 'project:create', { name: 'Northwind' });
    expect(created).toMatchObject({ ok: true, result: { meta: { name: 'Northwind', currency: 'USD' } } });
    const summary = await dispatch(handlers, 'project:summary', {});
    expect(summary).toMatchObject({ ok: true, result: { counts: { accounts: 0 }, wonRevenue: 0 } });
    await dispatch(handlers, 'project:close', {});
    const recent = await dispatch(handlers, 'recent:list', {});
    expect(recent).toMatchObject({ ok: true, result: [{ name: 'Northwind', exists: true }] });
    const path = (recent as { result: { path: string }[] }).result[0]?.path as string;
    expect(await dispatch(handlers, 'project:open', { path })).toMatchObject({ ok: true, result: { path } });
  });

  it('reopens the project open at the last quit, but not one the user closed', async () => {
    const userDataDir = tempDir();
    const first = new Session({ userDataDir });
    sessions.push(first);
    const handlers = createHandlers({ session: first, mode: 'browser' });
    const created = (await dispatch(handlers, 'project:create', { name: 'Last' })) as { result: { path: string } };
    // Quitting closes the session, not the project the user had open.
    first.close();

    const again = new Session({ userDataDir });
    sessions.push(again);
    const next = createHandlers({ session: again, mode: 'browser' });
    expect(await dispatch(next, 'project:reopenLast', {})).toMatchObject({
      ok: true,
      result: { meta: { name: 'Last' } },
    });
    await dispatch(next, 'project:close', {});
    expect(await dispatch(next, 'project:reopenLast', {})).toEqual({ ok: true, result: null });

    // A last project that was deleted meanwhile is not an error: the start screen shows.
    await dispatch(next, 'project:open', { path: created.result.path });
    again.close();
    rmSync(created.result.path);
    expect(await dispatch(next, 'project:reopenLast', {})).toEqual({ ok: true, result: null });
  });

  it('remembers the theme, and reads a damaged preferences file as the defaults', async () => {
    const userDataDir = tempDir();
    const handlers = createHandlers({ session: new Session({ userDataDir }), mode: 'browser' });
    expect(await dispatch(handlers, 'prefs:get', {})).toEqual({ ok: true, result: { theme: 'system' } });
    expect(await dispatch(handlers, 'prefs:set', { theme: 'dark' })).toEqual({ ok: true, result: { theme: 'dark' } });
    const later = createHandlers({ session: new Session({ userDataDir }), mode: 'browser' });
    expect(await dispatch(later, 'prefs:get', {})).toEqual({ ok: true, result: { theme: 'dark' } });
    writeFileSync(join(userDataDir, 'preferences.json'), '{"theme": "neon"');
    expect(await dispatch(later, 'prefs:get', {})).toEqual({ ok: true, result: { theme: 'system' } });
  });

  it('turns a store failure into a typed error and keeps the current project open', async () => {
    const { handlers, session } = setup();
    await dispatch(handlers, 'project:create', { name: 'Keep' });
    const missing = await dispatch(handlers, 'project:open', { path: join(tempDir(), 'nope.sqlite') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(session.info()?.meta.name).toBe('Keep');
  });

  it.each([
    [
      'throws an Error',
      () => {
        throw new Error('disk I/O error');
      },
      'disk I/O error',
    ],
    ['rejects with an Error', () => Promise.reject(new RangeError('Invalid array length')), 'Invalid array length'],
    ['rejects with a string', () => Promise.reject('worker gone'), 'worker gone'],
  ])('answers a handler that %s with an internal error naming the method, and no stack', async (_, fails, reason) => {
    const { handlers } = setup();
    const envelope = await dispatch({ ...handlers, 'project:summary': fails }, 'project:summary', {});
    // Exactly the code and one line of message: nothing of the error object or its stack crosses to the transport.
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'internal', message: `project:summary failed unexpectedly: ${reason}` },
    });
    expect(JSON.parse(JSON.stringify(envelope))).toEqual(envelope);
  });

  it('says file dialogs are desktop-only in browser mode', async () => {
    const { handlers } = setup();
    expect(await dispatch(handlers, 'dialog:pickProject', { purpose: 'open' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('desktop') },
    });
  });
});
