import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { resetOnProjectChange } from './projectStores';

/** Names read so far, by member id: a member's name does not change while a project is open. */
const known = new Map<string, string | null>();
/** Ids asked for and not answered yet, so that a second row naming one does not ask again. */
const asking = new Set<string>();
/** Ids to ask for in the next request, gathered from every row drawn in the same turn. */
let gathered: Set<string> | null = null;
/** The rows to draw again when names arrive. */
const waiting = new Set<() => void>();
/** Counts the projects: names asked for in one are not kept for the next. */
let generation = 0;
/** The most ids the API takes in one request. */
const MOST_IDS = 2000;

/**
 * The names of these community members (issue 17: people, not ids), read once each from the project; an id without
 * a name maps to nothing and is shown as itself. The ids every row asks for in one turn go in one request: a list of
 * a hundred roadmap features once sent a hundred, which in browser mode took the six connections a page has and
 * held back the Model tab's own answer by half a second at a million touches.
 */
export function useMemberNames(ids: readonly string[]): ReadonlyMap<string, string> {
  // Bumped when names arrive: what is shown is read from `known` on every render.
  const [, setArrived] = useState(0);
  const key = ids.join('\u0000');
  useEffect(() => {
    const stop = whenNamesArrive(() => setArrived((count) => count + 1));
    askMemberNames(ids);
    return stop;
    // The ids are compared by value: a new array of the same ids asks nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return namesOf(ids);
}

/** Forgets the names read: another project may use the same ids for other people. */
export function forgetMemberNames(): void {
  generation += 1;
  known.clear();
  asking.clear();
  gathered = null;
}

/** Calls `drawAgain` whenever names arrive, until the returned function is called. */
export function whenNamesArrive(drawAgain: () => void): () => void {
  waiting.add(drawAgain);
  return () => {
    waiting.delete(drawAgain);
  };
}

/** Asks for the names of the ids not known or asked for yet, in the request of this turn. */
export function askMemberNames(ids: readonly string[]): void {
  const missing = ids.filter((id) => !known.has(id) && !asking.has(id));
  if (missing.length === 0) return;
  if (gathered === null) {
    gathered = new Set();
    setTimeout(send, 0);
  }
  for (const id of missing) {
    asking.add(id);
    gathered.add(id);
  }
}

function send(): void {
  if (gathered === null) return;
  const ids = [...gathered];
  gathered = null;
  const asked = generation;
  for (let start = 0; start < ids.length; start += MOST_IDS) {
    const some = ids.slice(start, start + MOST_IDS);
    call('data:memberNames', { ids: some }).then(
      (found) => {
        if (asked !== generation) return;
        for (const id of some) {
          known.set(id, found[id] ?? null);
          asking.delete(id);
        }
        for (const drawAgain of waiting) drawAgain();
      },
      // Without names the ids stay (and are asked for again by the next row that shows them): nothing is lost.
      () => {
        if (asked !== generation) return;
        for (const id of some) asking.delete(id);
      },
    );
  }
}

/** The names known of these ids. */
export function namesOf(ids: readonly string[]): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const id of ids) {
    const name = known.get(id);
    if (name) names.set(id, name);
  }
  return names;
}

// Not a zustand store, but project data all the same: another project starts with no names known.
resetOnProjectChange({ getState: () => ({ reset: forgetMemberNames }) });
