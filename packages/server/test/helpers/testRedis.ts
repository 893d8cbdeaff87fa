/**
 * The Redis server for the scale-out suites (the full test command starts one on loopback), or null:
 * suites then skip with `{ skip: 'KEFU_TEST_REDIS_URL not set' }`.
 */
export function testRedisUrl(): string | null {
  const url = process.env.KEFU_TEST_REDIS_URL;
  return url ? url : null;
}
