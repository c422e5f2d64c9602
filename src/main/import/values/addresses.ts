import { fail, ok, quote } from '../../../shared/values/parsed';
import type { Parsed } from '../../../shared/values/parsed';

// RFC 5322's unquoted local part ("dot-atom"); quoted local parts never appear in CRM exports.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
// A host label: letters (any script, for internationalised names), digits, inner hyphens.
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
// A top-level domain is letters, or punycode; an all-digit one would be an IP address.
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;
const MAX_EMAIL_LENGTH = 254;
const MAX_HOST_LENGTH = 253;

/** Why `host` is not a host name with a dot, or null when it is one. */
function hostProblem(host: string): string | null {
  if (!host.includes('.')) return 'no dot';
  if (host.length > MAX_HOST_LENGTH) return 'too long';
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) return 'not a host name';
  if (!TOP_LEVEL.test(labels[labels.length - 1] ?? '')) return 'no top-level domain';
  return null;
}

/** data.md identity resolution matches emails case-insensitively and trimmed: the stored form is that key. */
export function normalizeEmail(raw: string): Parsed<string> {
  let text = raw.trim();
  if (text === '') return fail('the email address is blank');
  const shown = quote(text);
  const bracketed = /^<(.*)>$/s.exec(text);
  if (bracketed?.[1] !== undefined) text = bracketed[1].trim();
  text = text.replace(/^mailto:/i, '').toLowerCase();
  const not = (why: string): Parsed<string> => fail(`${shown} is not an email address (${why})`);
  if (/\s/.test(text)) return not('it has spaces');
  const at = text.split('@');
  if (at.length < 2) return not('no @');
  if (at.length > 2) return not('more than one @');
  const [local = '', domain = ''] = at;
  if (!LOCAL_PART.test(local)) return not(local === '' ? 'nothing before the @' : 'bad name before the @');
  const problem = hostProblem(domain.replace(/\.$/, ''));
  if (problem !== null) return not(`domain: ${problem}`);
  if (text.length > MAX_EMAIL_LENGTH) return not('too long');
  return ok(`${local}@${domain.replace(/\.$/, '')}`);
}

/**
 * An account's or member's company domain, as the key email domains are matched against (data.md): lower-cased,
 * without `www.`; a URL gives its host and an email address its domain.
 */
export function normalizeDomain(raw: string): Parsed<string> {
  const text = raw.trim();
  if (text === '') return fail('the domain is blank');
  const shown = quote(text);
  const not = (why: string): Parsed<string> => fail(`${shown} is not a domain (${why})`);
  if (/\s/.test(text)) return not('it has spaces');
  let host = text.toLowerCase().replace(/^mailto:/, '');
  const scheme = /^(?:[a-z][a-z0-9+.-]*:)?\/\//.exec(host);
  if (scheme !== null) {
    host = host.slice(scheme[0].length).split(/[/?#]/)[0] ?? '';
    host = host.slice(host.lastIndexOf('@') + 1); // user:password@
  } else {
    host = host.split(/[/?#]/)[0] ?? '';
    host = host.slice(host.lastIndexOf('@') + 1); // an email address: its domain
  }
  host = host.replace(/:\d*$/, '').replace(/\.$/, '');
  // `www.` is a web host, not the company's domain; `www.com` itself stays.
  if (host.startsWith('www.') && host.indexOf('.', 4) !== -1) host = host.slice(4);
  if (host === '') return not('no host');
  const problem = hostProblem(host);
  return problem === null ? ok(host) : not(problem);
}
