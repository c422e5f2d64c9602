/**
 * How a data-driven model reached its weights (spec 6), for the Model tab: what users of Markov tools ask for most
 * after stable results.
 */

/** Markov (order 1): observed transitions between the top states, and the conversion odds with each channel removed. */
export interface MarkovWorking {
  kind: 'markov';
  /** Rows: `start`, then the channels with the most visits; columns: those channels, then `other`, `conversion`, `null`. */
  rows: string[];
  columns: string[];
  /** counts[r][c]: observed transitions from row r to column c; probabilities: counts over the row's total. */
  counts: number[][];
  probabilities: number[][];
  /** P(conversion) from start, and with each channel removed (entering it means null), largest effect first. */
  conversionProbability: number;
  removals: { channel: string; conversionProbability: number; removalEffect: number }[];
  /** Channels past the top ones, summed into `other`. */
  otherChannels: number;
}

/** Shapley: the observed channel sets (most journeys first), each with its journeys and conversion rate. */
export interface ShapleyWorking {
  kind: 'shapley';
  sets: { channels: string[]; journeys: number; won: number; conversionRate: number }[];
  /** How many sets there are; `sets` lists the first ones. */
  setCount: number;
}

export type ModelWorking = MarkovWorking | ShapleyWorking;
