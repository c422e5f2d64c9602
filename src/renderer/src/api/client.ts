import type { Args, Envelope, Method, Results, TributaryBridge } from '../../../shared/api';
import { isErrorCode, TributaryError } from '../../../shared/errors';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    tributary?: TributaryBridge;
    /** Set by the Electron preload: where a dropped file lives on disk. */
    tributaryFiles?: { pathForFile(file: File): string };
  }
}

/** An API failure as the UI sees it: the main process's error, its code to act on and its message to show. */
export class ApiError extends TributaryError {
  override readonly name = 'ApiError';
}

/** Browser mode: the same envelopes over HTTP; the server's cookie carries the session token. */
async function httpCall(method: Method, args: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args ?? {}),
    });
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: 'Tributary is not reachable: is `tributary serve` still running?' },
    };
  }
  if (response.headers.get('content-type')?.startsWith('application/json')) {
    return (await response.json()) as Envelope<unknown>;
  }
  const text = await response.text();
  return { ok: false, error: { code: 'internal', message: `${response.status}: ${text}` } };
}

function callThrough(bridge: TributaryBridge | undefined, method: Method, args: unknown): Promise<Envelope<unknown>> {
  if (!bridge) return httpCall(method, args);
  return (bridge[method] as (a: unknown) => Promise<Envelope<unknown>>)(args);
}

/** Calls one API method through whichever transport this window has, throwing `ApiError` on failure. */
export async function call<M extends Method>(method: M, args: Args<M>): Promise<Results[M]> {
  const envelope = await callThrough(window.tributary, method, args);
  if (envelope.ok) return envelope.result as Results[M];
  const code = isErrorCode(envelope.error.code) ? envelope.error.code : 'internal';
  throw new ApiError(code, envelope.error.message);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A path the engine can import a chosen or dropped file from: the file's own path in the desktop app; in browser
 * mode the page cannot know it, so the file is uploaded to the local server once and imported from there.
 */
export async function pathForFile(file: File): Promise<string> {
  const local = window.tributaryFiles?.pathForFile(file);
  if (local) return local;
  let response: Response;
  try {
    response = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file });
  } catch {
    throw new ApiError('internal', 'Tributary is not reachable: is `tributary serve` still running?');
  }
  const answer = (await response.json()) as { path?: string; error?: string };
  if (!response.ok || !answer.path)
    throw new ApiError('bad_request', answer.error ?? `Upload failed (${response.status}).`);
  return answer.path;
}
