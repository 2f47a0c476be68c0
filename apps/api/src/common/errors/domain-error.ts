import {
  type CodedMessage,
  englishMessage,
  type EntityType,
  type MessageCode,
  type MessageParams,
} from '@qonys/domain';

/** The kinds of failure a service may raise; the exception filter maps each to HTTP. */
export enum ErrorKind {
  Invalid = 'INVALID',
  Unauthenticated = 'UNAUTHENTICATED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  MfaRequired = 'MFA_REQUIRED',
  AccountLocked = 'ACCOUNT_LOCKED',
  /** Too many attempts from one client: 429 with Retry-After (`extra.retryAfterSeconds`). */
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  TooLarge = 'TOO_LARGE',
  StaleVersion = 'STALE_VERSION',
  Unavailable = 'UNAVAILABLE',
}

export const HTTP_STATUS: Record<ErrorKind, number> = {
  [ErrorKind.Invalid]: 400,
  [ErrorKind.Unauthenticated]: 401,
  [ErrorKind.InvalidCredentials]: 401,
  [ErrorKind.MfaRequired]: 401,
  [ErrorKind.AccountLocked]: 423,
  [ErrorKind.TooManyAttempts]: 429,
  [ErrorKind.Forbidden]: 403,
  [ErrorKind.NotFound]: 404,
  [ErrorKind.Conflict]: 409,
  [ErrorKind.TooLarge]: 413,
  [ErrorKind.StaleVersion]: 409,
  [ErrorKind.Unavailable]: 503,
};

/** A field's message: its code alone, or code and parameters. */
export type FieldMessage = MessageCode | CodedMessage;
export type FieldMessages = Record<string, FieldMessage>;

export const coded = (code: MessageCode, params: MessageParams = {}): CodedMessage => ({ code, params });
export const codedOf = (message: FieldMessage): CodedMessage =>
  typeof message === 'string' ? coded(message) : message;

/**
 * A refusal with a catalogue code (libs/domain messages.ts) and its parameters; the
 * English `message` is built from the catalogue, so no free text reaches a reader.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: MessageCode,
    readonly params: MessageParams = {},
    /** Per-field codes for `Invalid` (and conflicts on a field), shown by the admin under each input. */
    readonly fieldErrors?: FieldMessages,
    /** Extra properties merged into the response body (e.g. `mfaRequired`). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(englishMessage(code, params));
  }

  static notFound(entity: EntityType): DomainError {
    return new DomainError(ErrorKind.NotFound, 'record.not_found', { entity });
  }

  static stale(entity: EntityType): DomainError {
    return new DomainError(ErrorKind.StaleVersion, 'record.stale', { entity });
  }

  static invalid(fieldErrors: FieldMessages, extra?: Record<string, unknown>): DomainError {
    return new DomainError(ErrorKind.Invalid, 'validation.failed', {}, fieldErrors, extra);
  }
}
