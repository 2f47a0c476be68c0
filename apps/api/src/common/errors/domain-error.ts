/** The typed failures a service may raise; the exception filter maps each to HTTP. */
export enum ErrorCode {
  Invalid = 'INVALID',
  Unauthenticated = 'UNAUTHENTICATED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  MfaRequired = 'MFA_REQUIRED',
  AccountLocked = 'ACCOUNT_LOCKED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  StaleVersion = 'STALE_VERSION',
  Unavailable = 'UNAVAILABLE',
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.Invalid]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.MfaRequired]: 401,
  [ErrorCode.AccountLocked]: 423,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.StaleVersion]: 409,
  [ErrorCode.Unavailable]: 503,
};

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Per-field messages for `Invalid`, shown by react-admin under each input. */
    readonly fieldErrors?: Record<string, string>,
    /** Extra properties merged into the response body (e.g. `mfaRequired`). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }

  static notFound(entity: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${entity} not found`);
  }

  static stale(entity: string): DomainError {
    return new DomainError(
      ErrorCode.StaleVersion,
      `${entity} was changed by someone else; reload it and apply your change again`,
    );
  }

  static invalid(fieldErrors: Record<string, string>): DomainError {
    return new DomainError(ErrorCode.Invalid, 'Validation failed', fieldErrors);
  }
}
