// Remembers the visitor across reloads. localStorage can throw (privacy modes, sandboxed iframes):
// the widget then simply works for this page view only.
// What is kept is the token the server issued: the server resumes a conversation only for that proof,
// never for a bare visitor id (which earlier versions kept under `kefu.visitorId`).
const VISITOR_TOKEN_KEY = 'kefu.visitorToken';
const LEGACY_VISITOR_ID_KEY = 'kefu.visitorId';
const LAST_SEEN_KEY = 'kefu.lastSeenAt';

export function readStoredVisitorToken(): string | null {
  return readItem(VISITOR_TOKEN_KEY);
}

/** Keeps the newest token (each session renews it) and forgets the id older versions kept. */
export function storeVisitorToken(token: string): void {
  writeItem(VISITOR_TOKEN_KEY, token);
  removeItem(LEGACY_VISITOR_ID_KEY);
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

function removeItem(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Storage unavailable: nothing was kept.
  }
}

function writeItem(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage unavailable: nothing to remember, nothing to break.
  }
}
