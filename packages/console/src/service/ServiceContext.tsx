// Shared state of the human-service screens: the service API, the colleague directory, the live queue
// (with the queue target when the role may read routing settings) and the SLA alerts of the agent WebSocket.
import type { AgentDirectory, AgentServerEvent, KefuAgentClient, QueueListing } from '@kefu/sdk';
import { KefuServiceApi } from '@kefu/sdk';
import { App as AntApp } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useSession, useSignedInAgent } from '../auth/SessionContext';
import { slaTargetLabelKeys } from './serviceLabels';
import './service.css';
import { useServiceText } from './serviceText';

export type SlaAlert = Extract<AgentServerEvent, { type: 'ticket.sla_alert' }> & { receivedAt: number };

interface ServiceValue {
  api: KefuServiceApi;
  /** Supervisors and admins: may override classification, see every ticket, edit service settings. */
  canManage: boolean;
  directory: AgentDirectory;
  reloadDirectory(): void;
  queue: QueueListing;
  /** Minutes a shopper should wait at most; null when the role may not read routing settings. */
  queueTargetMinutes: number | null;
  reloadQueue(): void;
  alerts: SlaAlert[];
  clearAlerts(): void;
}

const ServiceContext = createContext<ServiceValue | null>(null);
const queueRefreshMs = 15_000;
const emptyDirectory: AgentDirectory = { agents: [], teams: [] };

export function ServiceProvider({ children }: { children: ReactNode }) {
  const { client } = useSession();
  const agent = useSignedInAgent();
  const canManage = agent.permissions.includes('routing:manage');
  const api = useMemo(() => new KefuServiceApi(client), [client]);
  const [directory, setDirectory] = useState<AgentDirectory>(emptyDirectory);
  const [queue, setQueue] = useState<QueueListing>({ entries: [], total: 0 });
  const [queueTargetMinutes, setQueueTargetMinutes] = useState<number | null>(null);
  const alerts = useSlaAlerts(client);

  const reloadDirectory = useCallback(() => {
    api.getDirectory().then(setDirectory, () => undefined);
  }, [api]);
  const reloadQueue = useCallback(() => {
    api.listQueue(200).then(setQueue, () => undefined);
  }, [api]);

  const readsQueue = agent.permissions.includes('conversations:read');
  useEffect(() => {
    reloadDirectory();
    if (!readsQueue) return;
    reloadQueue();
    if (canManage)
      api.getRoutingSettings().then(
        (settings) => setQueueTargetMinutes(settings.queueTargetMinutes),
        () => undefined,
      );
    const timer = setInterval(reloadQueue, queueRefreshMs);
    const unsubscribe = client.on('event', (event) => {
      if (event.type === 'conversation.updated' || event.type === 'message.created') reloadQueue();
    });
    const unsubscribeReconnect = client.on('reconnected', reloadQueue);
    return () => {
      clearInterval(timer);
      unsubscribe();
      unsubscribeReconnect();
    };
  }, [api, client, canManage, readsQueue, reloadDirectory, reloadQueue]);

  const value = useMemo<ServiceValue>(
    () => ({
      api,
      canManage,
      directory,
      reloadDirectory,
      queue,
      queueTargetMinutes,
      reloadQueue,
      alerts: alerts.list,
      clearAlerts: alerts.clear,
    }),
    [api, canManage, directory, reloadDirectory, queue, queueTargetMinutes, reloadQueue, alerts],
  );
  return <ServiceContext.Provider value={value}>{children}</ServiceContext.Provider>;
}

export function useService(): ServiceValue {
  const value = useContext(ServiceContext);
  if (!value) throw new Error('useService outside ServiceProvider');
  return value;
}

/** Overdue alerts pushed by the server, each shown once as a notification and kept for the bell. */
function useSlaAlerts(client: KefuAgentClient): { list: SlaAlert[]; clear(): void } {
  const st = useServiceText();
  const { notification } = AntApp.useApp();
  const [list, setList] = useState<SlaAlert[]>([]);
  useEffect(
    () =>
      client.on('event', (event) => {
        if (event.type !== 'ticket.sla_alert') return;
        const breached = event.event === 'ticket.sla_breached';
        setList((previous) => [{ ...event, receivedAt: Date.now() }, ...previous].slice(0, 50));
        notification[breached ? 'error' : 'warning']({
          key: `${event.ticketId}-${event.target}-${event.event}`,
          title: st('slaAlertTitle', {
            state: st(breached ? 'slaAlertBreached' : 'slaAlertWarning'),
            subject: event.subject,
          }),
          description: st('slaAlertBody', {
            target: st(slaTargetLabelKeys[event.target]),
            due: new Date(event.dueAt).toLocaleString(),
          }),
          placement: 'bottomRight',
          duration: 8,
        });
      }),
    [client, notification, st],
  );
  const clear = useCallback(() => setList([]), []);
  return useMemo(() => ({ list, clear }), [list, clear]);
}
