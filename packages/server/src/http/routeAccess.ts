import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { KefuError } from '../errors';
import type { Permission } from '../modules/auth';

/** Who may reach a route: decided by the hook that guards it, never by leaving it open by accident. */
export type AccessDecision =
  | { kind: 'public'; reason: string }
  | { kind: 'visitor' }
  /** A signed agent session; `permission` null: every signed-in role (their own profile, sign-out). */
  | { kind: 'agent'; permission: Permission | null }
  /** A request signed by an outside system (webhooks): the signature, not a session, decides. */
  | { kind: 'signed'; reason: string };

declare module 'fastify' {
  interface FastifyRequest {
    accessDecision: AccessDecision | null;
    /** The route the request first matched (a static file missing later answers from the 404 route). */
    accessRoute: RegisteredRoute | null;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
}

/**
 * Deny by default: every request must pass a hook that made an access decision (`requireAgent`,
 * `requireVisitor`, `allowAnyone`, `acceptSigned`) before its handler runs, or it is refused with 403 and
 * logged. Keeps the route table and each route's observed decision for the authorisation-matrix suite.
 */
export class RouteAccess {
  readonly routes: RegisteredRoute[] = [];
  private readonly observed = new Map<string, AccessDecision>();

  install(app: FastifyInstance): void {
    app.decorateRequest('accessDecision', null);
    app.decorateRequest('accessRoute', null);
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) this.routes.push({ method, url: route.url });
      // The CORS plugin's catch-all preflight route takes no hook of ours, and its own hook answers
      // preflights before any route hook runs: decided here, when it is registered.
      if (route.url === '*' && methods.every((method) => method === 'OPTIONS')) {
        const decision: AccessDecision = { kind: 'public', reason: 'CORS preflight' };
        for (const method of methods) this.observed.set(routeKey(method, route.url), decision);
        const hooks = route.onRequest;
        route.onRequest = [
          allowAnyone(decision.reason),
          ...(Array.isArray(hooks) ? hooks : hooks ? [hooks] : []),
        ];
      }
    });
    app.addHook('onRequest', async (request) => {
      const url = request.routeOptions.url;
      if (!request.accessRoute && url) request.accessRoute = { method: request.method, url };
    });
    app.addHook('preHandler', async (request) => {
      if (request.is404 || request.accessDecision) return;
      request.log.error({ route: request.routeOptions.url }, 'route without an access decision refused');
      throw new KefuError('forbidden', 'This route has no access decision');
    });
    app.addHook('onResponse', async (request) => {
      const url = request.routeOptions.url;
      if (url && request.accessDecision)
        this.observed.set(routeKey(request.method, url), request.accessDecision);
    });
  }

  /** The decision a route made for the last request that reached it, if any. */
  decisionOf(route: RegisteredRoute): AccessDecision | undefined {
    return this.observed.get(routeKey(route.method, route.url));
  }
}

/** Decides that anyone may call the route; `reason` says why that is safe. */
export function allowAnyone(reason: string): onRequestHookHandler {
  return async function allowAnyoneHook(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    request.accessDecision = { kind: 'public', reason };
  };
}

/** Decides that the request's own signature (checked by the handler) grants access. */
export function acceptSigned(reason: string): onRequestHookHandler {
  return async function acceptSignedHook(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    request.accessDecision = { kind: 'signed', reason };
  };
}

function routeKey(method: string, url: string): string {
  return `${method} ${url}`;
}
