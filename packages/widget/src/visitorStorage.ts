// Remembers the visitor across reloads. localStorage can throw (privacy modes, sandboxed iframes):
// the widget then simply works for this page view only.
const VISITOR_ID_KEY = 'kefu.visitorId';
const LAST_SEEN_KEY = 'kefu.lastSeenAt';

export function readStoredVisitorId(): string | null {
  return readItem(VISITOR_ID_KEY);
}

export function storeVisitorId(visitorId: string): void {
  writeItem(VISITOR_ID_KEY, visitorId);
}

/** Time of the newest message the shopper has seen, to count unread messages after a reload. */
export function readLastSeenAt(): string | null {
  return readItem(LAST_SEEN_KEY);
}

export function storeLastSeenAt(isoTime: string): void {
  writeItem(LAST_SEEN_KEY, isoTime);
}

function readItem(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeItem(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage unavailable: nothing to remember, nothing to break.
  }
}
