/**
 * Named errors with stable ids. Each maps to an HTTP status, a CLI exit code and whether it is
 * worth reporting in logs (a user's bad input is not; a broken invariant is).
 *
 * @example
 *   throw inputError('INVALID_DATE', 'date "31/02/2015" is not a calendar date', { file, row: 12, field: 'date' });
 */
export type ErrorId =
  | 'INPUT_INVALID'
  | 'INVALID_DATE'
  | 'NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'VERSION_CONFLICT'
  | 'REASON_REQUIRED'
  | 'DATA_DIR_LOCKED'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'AUDIT_BROKEN'
  | 'BACKUP_INVALID'
  | 'REQUEST_TIMEOUT'
  | 'INTERNAL';

const STATUS: Record<ErrorId, number> = {
  INPUT_INVALID: 400,
  INVALID_DATE: 400,
  REASON_REQUIRED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  DATA_DIR_LOCKED: 503,
  AUDIT_BROKEN: 500,
  BACKUP_INVALID: 400,
  REQUEST_TIMEOUT: 408,
  INTERNAL: 500,
};

/** CLI exit codes: 0 ok, 1 failure, 2 input errors. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INPUT = 2;

/** Where in an input file a problem sits. */
export interface InputLocation {
  file?: string;
  row?: number;
  field?: string;
  value?: string;
}

export class HarmwatchError extends Error {
  readonly id: ErrorId;
  readonly status: number;
  readonly details: Record<string, unknown>;
  constructor(id: ErrorId, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HarmwatchError';
    this.id = id;
    this.status = STATUS[id];
    this.details = details;
  }
  /** Input errors exit 2; everything else 1. */
  get exitCode(): number {
    return this.status >= 400 && this.status < 500 ? EXIT_INPUT : EXIT_FAILURE;
  }
  /** Worth logging as a fault of harmwatch (not of the caller). */
  get isReportable(): boolean {
    return this.status >= 500;
  }
  toJSON(): { error: { id: ErrorId; message: string; details: Record<string, unknown> } } {
    return { error: { id: this.id, message: this.message, details: this.details } };
  }
}

/** Bad input, naming the file, row and field when known. */
export function inputError(id: 'INPUT_INVALID' | 'INVALID_DATE', message: string, where: InputLocation = {}): HarmwatchError {
  const prefix = [where.file, where.row != null ? `row ${where.row}` : undefined, where.field ? `field ${where.field}` : undefined]
    .filter(Boolean)
    .join(', ');
  return new HarmwatchError(id, prefix ? `${prefix}: ${message}` : message, { ...where });
}

export const notFound = (what: string, id: string | number): HarmwatchError =>
  new HarmwatchError('NOT_FOUND', `${what} ${id} not found`, { what, id });
export const unauthorized = (message = 'sign in first'): HarmwatchError => new HarmwatchError('UNAUTHORIZED', message);
export const forbidden = (action: string): HarmwatchError =>
  new HarmwatchError('FORBIDDEN', `not allowed to ${action}`, { action });
export const reasonRequired = (): HarmwatchError =>
  new HarmwatchError('REASON_REQUIRED', 'a reason is required for this change');
export const versionConflict = (what: string, expected: number, actual: number): HarmwatchError =>
  new HarmwatchError('VERSION_CONFLICT', `${what} was changed by someone else (you edited version ${expected}, it is now ${actual})`, {
    what, expected, actual,
  });
export const dataDirLocked = (dir: string, pid: number): HarmwatchError =>
  new HarmwatchError('DATA_DIR_LOCKED', `data folder ${dir} is in use by process ${pid}; stop it first or set DATABASE_URL`, { dir, pid });

/** Wraps anything thrown into a HarmwatchError. */
export function toHarmwatchError(err: unknown): HarmwatchError {
  if (err instanceof HarmwatchError) return err;
  const message = err instanceof Error ? err.message : String(err);
  // PostgreSQL "data exception" (SQLSTATE class 22: a NUL byte in text, a malformed number or
  // date, a value out of range) comes from a value the caller sent: an input error, not a 500.
  const sqlstate = (err as { code?: unknown } | null)?.code;
  if (typeof sqlstate === 'string' && /^22[0-9A-Z]{3}$/.test(sqlstate) && sqlstate !== '22012') {
    return new HarmwatchError('INPUT_INVALID', `a value could not be stored or searched: ${message}`, { sqlstate }, { cause: err });
  }
  return new HarmwatchError('INTERNAL', message, {}, { cause: err });
}
