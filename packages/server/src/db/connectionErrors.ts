/**
 * Whether an error means the database cannot be reached right now (down, restarting, connections ended by the
 * server or an administrator), as opposed to a bad query: such requests answer 503 and succeed again once
 * the pool has reconnected.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (unavailableSqlStates.has(code) || code.startsWith('08')) return true;
  if (code === '55000' && /not currently accepting connections/.test(error.message)) return true;
  if (networkErrorCodes.has(code)) return true;
  return unavailableMessages.some((pattern) => pattern.test(error.message));
}

/** SQLSTATE: operator intervention (server shutting down, connection ended, cannot connect now), too many clients. */
const unavailableSqlStates = new Set(['57P01', '57P02', '57P03', '53300']);

const networkErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What node-postgres and pg-pool say when a connection breaks or cannot be opened in time. */
const unavailableMessages = [
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^Connection terminated due to connection timeout/,
];

/**
 * Text the database cannot store, which only the request can have brought: PostgreSQL refuses a NUL character
 * (SQLSTATE 22021) and characters outside its encoding (22P05). The statement and its transaction fail whole,
 * so nothing of the request is stored.
 */
export function isUnstorableTextError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  return code === '22021' || code === '22P05';
}
