import type { SetupChecklist } from '@kefu/sdk';
import { KefuSetupApi } from '@kefu/sdk';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession } from '../auth/SessionContext';

/** How often an open checklist re-reads the data (a colleague or a shopper may finish a step meanwhile). */
const refreshMs = 5_000;

/** The first-run checklist for admins (null while loading or for other roles), re-read while mounted. */
export function useSetupChecklist(): { checklist: SetupChecklist | null; refresh(): Promise<void> } {
  const { client, agent } = useSession();
  const api = useMemo(() => new KefuSetupApi(client), [client]);
  const mayRead = agent?.permissions.includes('agents:manage') === true;
  const [checklist, setChecklist] = useState<SetupChecklist | null>(null);
  const refresh = useCallback(async () => {
    if (!mayRead) return;
    try {
      setChecklist(await api.getChecklist());
    } catch {
      // keep the last state: the next refresh tries again
    }
  }, [api, mayRead]);
  const complete = checklist?.complete === true;
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (!mayRead || complete) return;
    const timer = window.setInterval(() => void refresh(), refreshMs);
    return () => window.clearInterval(timer);
  }, [refresh, mayRead, complete]);
  return { checklist, refresh };
}
