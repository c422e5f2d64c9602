import { describe, expect, it } from 'vitest';
import { latestOnly } from './latestOnly';

describe('latestOnly', () => {
  it('wants only the answer to the newest request', () => {
    const requests = latestOnly();
    const first = requests.next();
    expect(first()).toBe(true);
    const second = requests.next();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });

  it('wants every answer to requests alongside each other, until a newer request or a drop', () => {
    const requests = latestOnly();
    const a = requests.alongside();
    const b = requests.alongside();
    expect([a(), b()]).toEqual([true, true]);
    const newest = requests.next();
    expect([a(), b(), newest()]).toEqual([false, false, true]);
    const c = requests.alongside();
    expect(c()).toBe(true);
    requests.dropAll();
    expect([newest(), c(), requests.alongside()()]).toEqual([false, false, true]);
  });

  it('drops every answer on its way, and wants those of requests made afterwards', () => {
    const requests = latestOnly();
    const before = requests.next();
    requests.dropAll();
    expect(before()).toBe(false);
    expect(requests.next()()).toBe(true);
  });

  it('keeps the requests of one guard apart from another', () => {
    const searches = latestOnly();
    const details = latestOnly();
    const search = searches.next();
    details.next();
    expect(search()).toBe(true);
  });
});
