// Helpers for the SDK's own test suites (not exported from the package).

/** Anything with the clients' typed `on(name, listener) → unsubscribe`. */
interface EventSource<Events> {
  on<K extends keyof Events>(name: K, listener: (payload: Events[K]) => void): () => void;
}

/** Resolves on the first `name` event whose payload matches; rejects after 5 s. */
export function waitForClientEvent<Events, K extends keyof Events>(
  client: EventSource<Events>,
  name: K,
  predicate: (payload: Events[K]) => boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${String(name)}`)), 5000);
    const unsubscribe = client.on(name, (payload) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

export async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
