/**
 * Errors that cross the API boundary. Every failure a user can meet has a code the UI and the CLI can act on and a
 * message that says what went wrong and where, in plain words.
 */
export const ERROR_CODES = [
  'bad_request',
  'unknown_method',
  'no_project',
  'not_found',
  'already_exists',
  'not_tributary',
  'newer_version',
  'damaged',
  'locked',
  'cancelled',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
}

export class TributaryError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'TributaryError';
    this.code = code;
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
