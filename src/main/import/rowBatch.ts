import type { ImportIssue } from '../../shared/importApi';
import type { ImportTarget, StoredValue } from '../store/importWriter';

/**
 * What parsing and converting a file hands to the writer, in file order, as plain data that crosses a worker
 * boundary cheaply (import/pipeline.ts): flat arrays rather than an object per row, so posting a batch of ten
 * thousand rows clones a few arrays.
 */
export interface RowBatch {
  /** Each data row's first line in the file. */
  lines: number[];
  /** 1 for a row to write, 0 for a rejected one. */
  ok: number[];
  /** The stored values of the rows to write, `width` per row, in row order. */
  values: StoredValue[];
  /** Issues of the batch's rows, in the order they were found, each with its row's index in the batch. */
  issues: BatchIssue[];
  /** Bytes of the file read when the batch was cut, for progress. */
  bytesRead: number;
}

export interface BatchIssue extends ImportIssue {
  row: number;
}

/** The file's header, once read: where its rows go and what was said about its columns. */
export interface HeaderInfo {
  target: ImportTarget;
  /** Warnings said once on the header's line (misspelt headers, custom-field notices). */
  issues: ImportIssue[];
}

/** What the parser reports once the file has been read to the end. */
export interface ParseEnd {
  sha256: string;
  /** Custom fields that had a value in a row that was not rejected. */
  filledCustomFields: string[];
}

export function emptyBatch(): RowBatch {
  return { lines: [], ok: [], values: [], issues: [], bytesRead: 0 };
}
