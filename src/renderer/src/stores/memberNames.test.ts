import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/api';
import { askMemberNames, forgetMemberNames, namesOf, whenNamesArrive } from './memberNames';

/** A bridge that names every member "Name of <id>" but m-none, answering when the test says so. */
function fakeBridge(asked: string[][], answers: (() => void)[]) {
  return {
    'data:memberNames': ({ ids }: { ids: string[] }) =>
      new Promise<Envelope<Record<string, string>>>((resolve) => {
        asked.push(ids);
        const names = Object.fromEntries(ids.filter((id) => id !== 'm-none').map((id) => [id, `Name of ${id}`]));
        answers.push(() => resolve({ ok: true, result: names }));
      }),
  };
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('member names', () => {
  let asked: string[][];
  let answers: (() => void)[];

  beforeEach(() => {
    asked = [];
    answers = [];
    forgetMemberNames();
    Object.assign(globalThis, { window: { tributary: fakeBridge(asked, answers) } });
  });

  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'window');
  });

  const answerAll = async () => {
    for (const answer of answers.splice(0)) answer();
    await turn();
  };

  it('asks for the ids of every row drawn in one turn in one request, each id once', async () => {
    let drawn = 0;
    const stop = whenNamesArrive(() => (drawn += 1));
    for (let row = 0; row < 100; row++) askMemberNames([`m-${row}`, `m-${row + 1}`, 'm-none']);
    await turn();
    expect(asked).toHaveLength(1);
    expect(new Set(asked[0])).toEqual(new Set([...Array.from({ length: 101 }, (_, i) => `m-${i}`), 'm-none']));
    expect(asked[0]).toHaveLength(102);

    // Asked again while the request is on its way, or once answered: nothing more is sent.
    askMemberNames(['m-5']);
    await answerAll();
    askMemberNames(['m-5', 'm-none']);
    await turn();
    expect(asked).toHaveLength(1);
    expect(drawn).toBe(1);
    expect([...namesOf(['m-5', 'm-none', 'm-unknown'])]).toEqual([['m-5', 'Name of m-5']]);
    stop();
  });

  it('keeps nothing of an answer for a project that has closed since', async () => {
    askMemberNames(['m-1']);
    await turn();
    forgetMemberNames();
    await answerAll();
    expect(namesOf(['m-1']).size).toBe(0);
    // The next project asks afresh.
    askMemberNames(['m-1']);
    await turn();
    expect(asked).toEqual([['m-1'], ['m-1']]);
  });

  it('asks in requests of at most 2,000 ids, as the API takes', async () => {
    askMemberNames(Array.from({ length: 4500 }, (_, i) => `m-${i}`));
    await turn();
    expect(asked.map((ids) => ids.length)).toEqual([2000, 2000, 500]);
  });
});
