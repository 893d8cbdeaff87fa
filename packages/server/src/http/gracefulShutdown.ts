import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';

export interface ShutdownSteps {
  /** Periodic checks and sweepers: nothing new starts once shutdown begins. */
  stopTimers(): void;
  /** Running jobs finish within the grace period or are handed back to another process. */
  stopJobs(): Promise<void>;
  /** The realtime gateway's sockets. */
  closeSockets(code: number, reason: string): void;
}

/** 1012 "service restart": clients reconnect, to this process once it is back or to another one. */
const serviceRestart = { code: 1012, reason: 'service restart' };

/**
 * Registers WebSockets with Kefu's shutdown order. `app.close()` first answers new requests with 503, then
 * (here) stops the timers and the job workers and closes every WebSocket with 1012; Fastify then closes the
 * HTTP server once in-flight requests have ended, and the `onClose` hooks close the bus and the database.
 */
export async function registerWebSocketsWithGracefulShutdown(
  app: FastifyInstance,
  steps: ShutdownSteps,
): Promise<void> {
  let shuttingDown = false;
  // A keep-alive connection whose request was in flight when shutdown began would hold the server open.
  app.addHook('onSend', async (_request, reply) => {
    if (shuttingDown) reply.header('connection', 'close');
  });
  await app.register(fastifyWebsocket, {
    options: { maxPayload: 64 * 1024 },
    preClose: async () => {
      shuttingDown = true;
      steps.stopTimers();
      await steps.stopJobs();
      steps.closeSockets(serviceRestart.code, serviceRestart.reason);
      for (const client of app.websocketServer.clients)
        client.close(serviceRestart.code, serviceRestart.reason);
      await new Promise<void>((resolve) => app.websocketServer.close(() => resolve()));
    },
  });
}
