import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/files';
import { ExportDownloads } from '../export/downloads';
import { createHandlers } from '../handlers/index';
import { EngineClient } from '../engineHost/engineClient';
import { Session } from '../session/session';
import { startServer, type RunningServer } from './server';

const tempDir = useTempDir();
/** A PNG's signature and a little more: the server only passes the bytes on. */
const FAVICON = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10, 0x80]);
const running: { server: RunningServer; session: Session; engine: EngineClient }[] = [];
afterEach(async () => {
  for (const { server, session, engine } of running.splice(0)) {
    await server.close();
    await engine.stop();
    session.close();
  }
});

async function start(): Promise<RunningServer> {
  return (await startWithDownloads()).server;
}

async function startWithDownloads(): Promise<{ server: RunningServer; downloads: ExportDownloads }> {
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Tributary</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, '..', 'secret.txt'), 'outside');
  writeFileSync(join(rendererDir, 'icon.png'), FAVICON);
  const userDataDir = tempDir();
  const session = new Session({ userDataDir });
  const downloads = new ExportDownloads(join(userDataDir, 'exports'));
  const engine = new EngineClient();
  const server = await startServer({
    handlers: createHandlers({ session, mode: 'browser', engine, downloads }),
    rendererDir,
    uploadsDir: join(userDataDir, 'uploads'),
    downloads,
  });
  running.push({ server, session, engine });
  return { server, downloads };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  bytes: Buffer;
}

function send(
  server: RunningServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString(), bytes });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (server: RunningServer, method: string, body = '{}', headers: Record<string, string> = {}) =>
  send(server, `/api/${method}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-tributary-token': server.token, ...headers },
  });

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL with its token', async () => {
    const server = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses requests without the token, for files and for the API', async () => {
    const server = await start();
    expect((await send(server, '/')).status).toBe(401);
    expect((await send(server, '/assets/app.js')).status).toBe(401);
    const noToken = await send(server, '/api/app:info', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(noToken.status).toBe(401);
    expect((await send(server, `/?token=${server.token.slice(1)}x`)).status).toBe(401);
  });

  it('serves the app icon at /favicon.ico without the token, and nothing else without it', async () => {
    // Browsers ask for /favicon.ico on their own, with no query string (and on the 401 page, with no cookie).
    const server = await start();
    const icon = await send(server, '/favicon.ico');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/png');
    expect(icon.bytes.equals(FAVICON)).toBe(true);
    expect(icon.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(server, '/favicon.ico', { method: 'HEAD' })).status).toBe(200);
    for (const path of ['/icon.png', '/favicon.ico/', '/favicon.ico/../index.html', '/%66avicon.ico', '/']) {
      expect((await send(server, path)).status, path).toBe(401);
    }
    expect((await send(server, '/favicon.ico', { method: 'POST', body: 'x' })).status).toBe(401);
    const foreign = await send(server, '/favicon.ico', { headers: { host: `evil.example:${server.port}` } });
    expect(foreign.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const server = await start();
    const answer = await send(server, `/?token=${server.token}`, { headers: { host: `evil.example:${server.port}` } });
    expect(answer.status).toBe(403);
    const apiAnswer = await api(server, 'app:info', '{}', { host: 'evil.example' });
    expect(apiAnswer.status).toBe(403);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const server = await start();
    const answer = await api(server, 'app:info', '{}', { origin: 'http://evil.example' });
    expect(answer.status).toBe(403);
    const ours = await api(server, 'app:info', '{}', { origin: `http://127.0.0.1:${server.port}` });
    expect(ours.status).toBe(200);
  });

  it('trades the URL token for a same-site cookie and a clean URL', async () => {
    const server = await start();
    const first = await send(server, `/?token=${server.token}`);
    expect(first.status).toBe(303);
    expect(first.headers['location']).toBe('/');
    const cookie = String(first.headers['set-cookie']).split(';')[0] as string;
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await send(server, '/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Tributary</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const asset = await send(server, '/assets/app.js', { headers: { cookie } });
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('answers API calls with envelopes, typed errors included', async () => {
    const server = await start();
    const info = await api(server, 'app:info');
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, result: { mode: 'browser' } });
    const unknown = await api(server, 'project:drop');
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const bad = await api(server, 'project:open', '{"path": 5}');
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const notJson = await api(server, 'project:open', '{path');
    expect(notJson.status).toBe(400);
    expect((await api(server, '%E0%A4%A')).status).toBe(400);
  });

  it('lists no directories and serves nothing outside the renderer', async () => {
    const server = await start();
    const headers = { 'x-tributary-token': server.token };
    expect((await send(server, '/assets/', { headers })).status).toBe(404);
    expect((await send(server, '/../secret.txt', { headers })).status).toBe(404);
    expect((await send(server, '/%2e%2e/secret.txt', { headers })).status).toBe(404);
    expect((await send(server, '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', { headers })).status).toBe(404);
  });

  it('stores an uploaded file under a safe name and answers its path, with the token only', async () => {
    const server = await start();
    const body = 'account_id,name\nA1,Acme\n';
    const refused = await send(server, '/upload?name=a.csv', { method: 'POST', body });
    expect(refused.status).toBe(401);
    const answer = await send(server, '/upload?name=../../etc/passwd%00.csv', {
      method: 'POST',
      body,
      headers: { 'x-tributary-token': server.token, 'content-length': String(Buffer.byteLength(body)) },
    });
    expect(answer.status).toBe(200);
    const { path } = JSON.parse(answer.body) as { path: string };
    expect(path).toMatch(/[/\\]uploads[/\\][0-9a-f-]{36}[/\\]passwd_\.csv$/);
    expect(readFileSync(path, 'utf8')).toBe(body);
  });

  it('answers no CORS preflight and grants no cross-origin access on any answer', async () => {
    const server = await start();
    const preflight = (origin: string) =>
      send(server, '/api/project:open', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-tributary-token',
        },
      });
    for (const answer of [
      await preflight('http://evil.example'),
      await preflight(`http://127.0.0.1:${server.port}`),
      await api(server, 'app:info'),
      await api(server, 'app:info', '{}', { origin: 'http://evil.example' }),
      await send(server, '/', { headers: { 'x-tributary-token': server.token } }),
    ]) {
      expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
    expect((await preflight('http://evil.example')).status).toBeGreaterThanOrEqual(400);
    expect((await preflight(`http://127.0.0.1:${server.port}`)).status).toBeGreaterThanOrEqual(400);
  });

  it('limits request bodies and methods', async () => {
    const server = await start();
    const huge = JSON.stringify({ path: 'x'.repeat(2 * 1024 * 1024) });
    expect((await api(server, 'project:open', huge)).status).toBe(413);
    const get = await send(server, '/api/app:info', { headers: { 'x-tributary-token': server.token } });
    expect(get.status).toBe(405);
    const form = await api(server, 'app:info', '{}', { 'content-type': 'text/plain' });
    expect(form.status).toBe(415);
  });

  it('serves an export by the id it issued, as an attachment, with the token only', async () => {
    const { server, downloads } = await startWithDownloads();
    const file = downloads.reserve('credits-full-path.csv');
    writeFileSync(file.path, 'opportunity_id,credit\r\nO1,5\r\n');
    const auth = { 'x-tributary-token': server.token };
    const answer = await send(server, `/download/${file.id}`, { headers: auth });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe(
      `attachment; filename="credits-full-path.csv"; filename*=UTF-8''credits-full-path.csv`,
    );
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toBe('opportunity_id,credit\r\nO1,5\r\n');
    expect((await send(server, `/download/${file.id}`)).status).toBe(401);
    expect((await send(server, `/download/${file.id}`, { method: 'POST', headers: auth })).status).toBe(405);
    const foreign = { ...auth, host: 'evil.example' };
    expect((await send(server, `/download/${file.id}`, { headers: foreign })).status).toBe(403);
  });

  it('knows no download it did not issue, and no path reaches the disk', async () => {
    const { server, downloads } = await startWithDownloads();
    const file = downloads.reserve('report.html');
    writeFileSync(file.path, '<p>x</p>');
    const auth = { 'x-tributary-token': server.token };
    for (const path of [
      '/download/00000000-0000-4000-8000-000000000000',
      '/download/',
      `/download/${file.id}/report.html`,
      `/download/${file.id}%2F..%2F..%2Fsecret.txt`,
      '/download/..%2F..%2F..%2Fsecret.txt',
      `/download/${encodeURIComponent(file.path)}`,
      '/download/../../secret.txt',
    ]) {
      const answer = await send(server, path, { headers: auth });
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('outside');
    }
    downloads.drop(file.id);
    expect((await send(server, `/download/${file.id}`, { headers: auth })).status).toBe(404);
  });

  it('hands a credits export written by the API to GET /download', async () => {
    const server = await start();
    expect((await api(server, 'project:create', JSON.stringify({ name: 'Empty' }))).status).toBe(200);
    const answer = JSON.parse((await api(server, 'export:credits', '{"options":{}}')).body) as {
      ok: boolean;
      result: { rows: number; downloadId: string };
    };
    expect(answer.ok).toBe(true);
    expect(answer.result.rows).toBe(0);
    const download = await send(server, `/download/${answer.result.downloadId}`, {
      headers: { 'x-tributary-token': server.token },
    });
    expect(download.status).toBe(200);
    expect(download.body).toBe('opportunity_id,touch_kind,touch_id,channel,channel_group,positions,credit\r\n');
  });
});
