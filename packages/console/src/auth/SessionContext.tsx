import { KefuAgentClient } from '@kefu/sdk';
import type { AgentPresence, AgentSummary, LoginResponse } from '@kefu/sdk';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { clearStoredSession, readStoredSession, storeSession } from './tokenStorage';
import { usePresenceFollowsConnection } from './usePresenceFollowsConnection';

interface SessionValue {
  client: KefuAgentClient;
  agent: AgentSummary | null;
  presence: AgentPresence;
  /** `challenge`: the password was right and two-step verification asks for a code (`completeSignIn`). */
  signIn(email: string, password: string, remember: boolean): Promise<'signed_in' | 'challenge'>;
  completeSignIn(factor: { code: string } | { recoveryCode: string }): Promise<void>;
  /** Two-step verification was turned on: the session may now use what the role allows. */
  markTwoFactorEnabled(): void;
  signOut(): Promise<void>;
  changePresence(presence: AgentPresence): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Holds the signed-in agent and the one API client of the console (same origin as the page). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored] = useState(readStoredSession);
  const [client] = useState(() => new KefuAgentClient({ baseUrl: '', token: stored?.token ?? null }));
  const [agent, setAgent] = useState<AgentSummary | null>(stored?.agent ?? null);
  const [presence, setPresence] = useState<AgentPresence>('online');

  useEffect(
    () =>
      client.on('unauthorized', () => {
        clearStoredSession();
        client.disconnect();
        setAgent(null);
      }),
    [client],
  );

  const [pending, setPending] = useState<{ challenge: string; remember: boolean } | null>(null);

  const adopt = useCallback(
    async (session: LoginResponse, remember: boolean) => {
      storeSession({ token: session.token, agent: session.agent }, remember);
      // Only roles that answer shoppers go online (and so receive conversations).
      if (session.agent.permissions.includes('conversations:reply') && !session.agent.mustEnrolTwoFactor) {
        const profile = await client.setPresence('online');
        setPresence(profile.presence);
      } else setPresence('offline');
      setAgent(session.agent);
    },
    [client],
  );

  const signIn = useCallback(
    async (email: string, password: string, remember: boolean) => {
      const result = await client.startLogin(email, password);
      if ('challenge' in result) {
        setPending({ challenge: result.challenge, remember });
        return 'challenge' as const;
      }
      await adopt(result, remember);
      return 'signed_in' as const;
    },
    [client, adopt],
  );

  const completeSignIn = useCallback(
    async (factor: { code: string } | { recoveryCode: string }) => {
      if (!pending) throw new Error('no sign-in waiting for a code');
      const session = await client.completeLogin(pending.challenge, factor);
      setPending(null);
      await adopt(session, pending.remember);
    },
    [client, adopt, pending],
  );

  const markTwoFactorEnabled = useCallback(() => {
    setAgent((current) => (current ? { ...current, mustEnrolTwoFactor: false } : current));
  }, []);

  const signOut = useCallback(async () => {
    if (agent?.permissions.includes('conversations:reply'))
      await client.setPresence('offline').catch(() => undefined);
    await client.logout();
    clearStoredSession();
    setAgent(null);
  }, [client, agent]);

  const changePresence = useCallback(
    async (next: AgentPresence) => {
      const profile = await client.setPresence(next);
      setPresence(profile.presence);
    },
    [client],
  );

  usePresenceFollowsConnection(
    client,
    agent?.permissions.includes('conversations:reply') ?? false,
    presence,
    changePresence,
  );

  const value = useMemo(
    () => ({
      client,
      agent,
      presence,
      signIn,
      completeSignIn,
      markTwoFactorEnabled,
      signOut,
      changePresence,
    }),
    [client, agent, presence, signIn, completeSignIn, markTwoFactorEnabled, signOut, changePresence],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** For screens behind the sign-in: the agent is known there. */
export function useSignedInAgent(): AgentSummary {
  const { agent } = useSession();
  if (!agent) throw new Error('useSignedInAgent before sign-in');
  return agent;
}
