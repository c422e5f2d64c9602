import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { resetOnProjectChange } from './projectStores';

/** Names read so far, by project and member id: a member's name does not change while a project is open. */
const known = new Map<string, string | null>();

/**
 * The names of these community members (issue 17: people, not ids), read once each from the project; an id without
 * a name maps to nothing and is shown as itself.
 */
export function useMemberNames(ids: readonly string[]): ReadonlyMap<string, string> {
  // Bumped when names arrive: what is shown is read from `known` on every render.
  const [, setArrived] = useState(0);
  const key = ids.join('\u0000');
  useEffect(() => {
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length === 0) return;
    let current = true;
    call('data:memberNames', { ids: missing }).then(
      (found) => {
        for (const id of missing) known.set(id, found[id] ?? null);
        if (current) setArrived((count) => count + 1);
      },
      // Without names the ids stay: nothing is lost.
      () => undefined,
    );
    return () => {
      current = false;
    };
    // The ids are compared by value: a new array of the same ids asks nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return namesOf(ids);
}

/** Forgets the names read: another project may use the same ids for other people. */
export function forgetMemberNames(): void {
  known.clear();
}

function namesOf(ids: readonly string[]): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const id of ids) {
    const name = known.get(id);
    if (name) names.set(id, name);
  }
  return names;
}

// Not a zustand store, but project data all the same: another project starts with no names known.
resetOnProjectChange({ getState: () => ({ reset: forgetMemberNames }) });
