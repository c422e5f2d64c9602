import { describe, expect, it } from 'vitest';
import { normalizeDomain, normalizeEmail } from './addresses';
import { reasonOf, valueOf } from '../../../shared/values/testing';

describe('normalizeEmail', () => {
  it.each<[string, string]>([
    ['jo@acme.com', 'jo@acme.com'],
    ['  Jo.Smith@ACME.com ', 'jo.smith@acme.com'],
    ['mailto:jo@acme.com', 'jo@acme.com'],
    ['MAILTO:Jo@Acme.Com', 'jo@acme.com'],
    ['<jo@acme.com>', 'jo@acme.com'],
    ['jo+crm@mail.acme.co.uk', 'jo+crm@mail.acme.co.uk'],
    ["o'brien@acme.io", "o'brien@acme.io"],
  ])('normalizes %s', (raw, expected) => {
    expect(valueOf(normalizeEmail(raw))).toBe(expected);
  });

  it.each<[string, string]>([
    ['jo', '"jo" is not an email address (no @)'],
    ['jo@acme', '"jo@acme" is not an email address (domain: no dot)'],
    ['jo@@acme.com', '(more than one @)'],
    ['jo @acme.com', '(it has spaces)'],
    ['@acme.com', '(nothing before the @)'],
    ['jo..smith@acme.com', '(bad name before the @)'],
    ['.jo@acme.com', '(bad name before the @)'],
    ['jo@-acme.com', '(domain: not a host name)'],
    ['jo@acme.c0m', '(domain: no top-level domain)'],
    ['jo@10.0.0.1', '(domain: no top-level domain)'],
  ])('rejects %s', (raw, expected) => {
    expect(reasonOf(normalizeEmail(raw))).toContain(expected);
  });
});

describe('normalizeDomain', () => {
  it.each<[string, string]>([
    ['acme.com', 'acme.com'],
    ['ACME.COM', 'acme.com'],
    ['www.acme.com', 'acme.com'],
    ['https://www.acme.com/path?q=1#top', 'acme.com'],
    ['http://acme.com:8080', 'acme.com'],
    ['//acme.com', 'acme.com'],
    ['acme.com/about', 'acme.com'],
    ['acme.com.', 'acme.com'],
    ['jo@acme.com', 'acme.com'],
    ['mailto:jo@Acme.com', 'acme.com'],
    ['eu.acme.co.uk', 'eu.acme.co.uk'],
    ['www.com', 'www.com'],
    ['münchen.de', 'münchen.de'],
  ])('normalizes %s', (raw, expected) => {
    expect(valueOf(normalizeDomain(raw))).toBe(expected);
  });

  it.each<[string, string]>([
    ['acme', '"acme" is not a domain (no dot)'],
    ['acme .com', '"acme .com" is not a domain (it has spaces)'],
    ['Acme Inc', '(it has spaces)'],
    ['acme..com', '(not a host name)'],
    ['https://', '(no host)'],
    ['10.0.0.1', '(no top-level domain)'],
    ['acme_corp.com', '(not a host name)'],
  ])('rejects %s', (raw, expected) => {
    expect(reasonOf(normalizeDomain(raw))).toContain(expected);
  });
});
