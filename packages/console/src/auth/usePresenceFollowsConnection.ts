// Presence as the agent chose it, kept true: sent again whenever the console socket (re)connects (the server
// takes an agent offline when their last socket is gone past a grace period), and "away" after a while idle.
import type { AgentPresence, KefuAgentClient } from '@kefu/sdk';
import { useEffect, useRef } from 'react';

const idleAfterMs = 5 * 60_000;
const activityEvents = ['pointerdown', 'keydown', 'pointermove', 'wheel'] as const;

export function usePresenceFollowsConnection(
  client: KefuAgentClient,
  answersShoppers: boolean,
  chosen: AgentPresence,
  apply: (presence: AgentPresence) => Promise<void>,
): void {
  const chosenReference = useRef(chosen);
  chosenReference.current = chosen;
  const idleAway = useRef(false);

  useEffect(() => {
    if (!answersShoppers) return;
    return client.on('connection', (state) => {
      const wanted = idleAway.current ? 'away' : chosenReference.current;
      if (state === 'open' && wanted !== 'offline') void apply(wanted).catch(() => undefined);
    });
  }, [client, answersShoppers, apply]);

  useEffect(() => {
    if (!answersShoppers) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const goAway = () => {
      if (chosenReference.current !== 'online') return;
      idleAway.current = true;
      void apply('away').catch(() => undefined);
    };
    const onActivity = () => {
      clearTimeout(timer);
      timer = setTimeout(goAway, idleAfterMs);
      if (!idleAway.current) return;
      idleAway.current = false;
      void apply('online').catch(() => undefined);
    };
    onActivity();
    for (const name of activityEvents) window.addEventListener(name, onActivity, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, onActivity);
    };
  }, [answersShoppers, apply]);
}
