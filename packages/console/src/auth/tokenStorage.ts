// Where the console keeps its sign-in: sessionStorage by default (gone when the tab closes),
// localStorage when the agent chose "keep me signed in".
import type { AgentSummary } from '@kefu/sdk';

const storageKey = 'kefu.console.session';

export interface StoredSession {
  token: string;
  agent: AgentSummary;
}

export function readStoredSession(): StoredSession | null {
  const text = sessionStorage.getItem(storageKey) ?? localStorage.getItem(storageKey);
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isStoredSession(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeSession(session: StoredSession, remember: boolean): void {
  clearStoredSession();
  (remember ? localStorage : sessionStorage).setItem(storageKey, JSON.stringify(session));
}

export function clearStoredSession(): void {
  sessionStorage.removeItem(storageKey);
  localStorage.removeItem(storageKey);
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const token: unknown = Reflect.get(value, 'token');
  const agent: unknown = Reflect.get(value, 'agent');
  if (typeof token !== 'string' || typeof agent !== 'object' || agent === null) return false;
  const role: unknown = Reflect.get(agent, 'role');
  // A session stored before roles had named permissions has none: signing in again fetches them.
  const permissions: unknown = Reflect.get(agent, 'permissions');
  return (
    typeof Reflect.get(agent, 'id') === 'string' &&
    typeof Reflect.get(agent, 'displayName') === 'string' &&
    typeof Reflect.get(agent, 'email') === 'string' &&
    Array.isArray(permissions) &&
    permissions.every((permission) => typeof permission === 'string') &&
    (role === 'admin' || role === 'supervisor' || role === 'agent' || role === 'analyst' || role === 'custom')
  );
}
