import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Everything that decides whether a request may reach browser mode's API or files. */
export interface Guard {
  token: string;
  port: number;
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function cookieName(port: number): string {
  // Browsers share cookies across ports of one host; naming the cookie by port keeps two servers apart.
  return `tributary_${port}`;
}

function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * A DNS-rebinding page reaches 127.0.0.1 under its own host name, so the Host header must be ours; a cross-site
 * page sends its own Origin, so an Origin, when present, must be ours too.
 */
export function checkHostAndOrigin(request: IncomingMessage, guard: Guard): string | null {
  const host = request.headers.host ?? '';
  if (!allowedHosts(guard.port).includes(host)) return `Host ${JSON.stringify(host)} is not this server`;
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts(guard.port).some((h) => origin === `http://${h}`)) {
    return `Origin ${JSON.stringify(origin)} is not this server`;
  }
  return null;
}

export function presentedToken(request: IncomingMessage, url: URL, port: number): string | null {
  const header = request.headers['x-tributary-token'];
  if (typeof header === 'string') return header;
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const prefix = `${cookieName(port)}=`;
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) return trimmed.slice(prefix.length);
  }
  return null;
}

export function tokenMatches(presented: string | null, token: string): boolean {
  if (presented === null) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
