/**
 * Waits until `condition` holds, checking every `intervalMs`; rejects after `timeoutMs` with `description`.
 * Tests wait for conditions, never for a fixed time.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; intervalMs?: number; description?: string } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met in time: ${options.description ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 20));
  }
}
