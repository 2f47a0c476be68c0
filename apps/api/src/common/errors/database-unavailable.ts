/**
 * Whether an error says the database cannot be reached (refused, reset, timed out,
 * shut down, out of connections) rather than that a query was wrong: such a request
 * is answered 503 with Retry-After, never 500 and never 401 "log in again".
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);
/** SQLSTATE: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, database dropped. */
const SERVER_STATES = new Set(['57P01', '57P02', '57P03', '53300', '3D000']);
/** node-postgres's own errors carry no code. */
const PG_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Connection refused/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  // TypeORM wraps the driver's error (driverError); Node wraps socket errors (cause, AggregateError).
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const { code, message, driverError, cause, errors } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_STATES.has(code) || code.startsWith('08')))
      return true;
    if (typeof message === 'string' && PG_MESSAGES.test(message) && !('statusCode' in current)) return true;
    queue.push(driverError, cause, ...(Array.isArray(errors) ? (errors as unknown[]) : []));
  }
  return false;
}
