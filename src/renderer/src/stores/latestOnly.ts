/** Whether the answer to a request is still wanted: asked when the answer arrives, before it is shown. */
export type StillWanted = () => boolean;

/**
 * Drops stale answers. A store asks the API and the user moves on (types again, picks other options, closes the
 * project) before the answer comes: an answer that arrives after a newer request, or after the project changed,
 * must not replace what the newer one shows.
 */
export interface LatestOnly {
  /** Starts a request: from now on only its answer is wanted, not those of the requests before it. */
  next(): StillWanted;
  /**
   * Starts a request that runs alongside the others (each answer is the whole new state, so any may be shown): its
   * answer is wanted until `dropAll`, or a `next`.
   */
  alongside(): StillWanted;
  /** No answer to a request made so far is wanted: the project they were for was closed. */
  dropAll(): void;
}

export function latestOnly(): LatestOnly {
  let generation = 0;
  const ticket = (): StillWanted => {
    const mine = generation;
    return () => mine === generation;
  };
  return {
    next: () => {
      generation += 1;
      return ticket();
    },
    alongside: ticket,
    dropAll: () => {
      generation += 1;
    },
  };
}
