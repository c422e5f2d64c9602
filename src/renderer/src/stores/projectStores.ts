/** A store whose state belongs to the open project; `reset` puts it back as it was before any project was shown. */
export interface ProjectStore {
  getState(): { reset(): void };
}

const registered = new Set<ProjectStore>();

/**
 * Registers a store of project data, so it starts afresh when another project opens (or this one closes): call it
 * right where the store is created. A store whose module was never loaded (a tab not yet opened) holds nothing to
 * reset.
 */
export function resetOnProjectChange(store: ProjectStore): void {
  registered.add(store);
}

/** Starts every store of project data afresh: the dashboard calls this when the project it shows goes. */
export function resetProjectStores(): void {
  for (const store of registered) store.getState().reset();
}

/** The registered stores, for the test that every store of project data is one. */
export function projectStores(): ReadonlySet<ProjectStore> {
  return registered;
}
