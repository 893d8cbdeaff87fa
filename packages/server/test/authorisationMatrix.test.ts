// Every registered route (Fastify's route table, as the app records it) × every kind of caller: the route
// must have made an access decision, and the answer must follow it — 401 without the right kind of
// credential, 403 for a role without the permission, neither for a role with it, and never a 5xx.
// API tokens (one without scopes, one with a single scope) are callers too. A new route without a decision
// fails here (and is refused at run time).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { AccessDecision, RegisteredRoute } from '../src/http/routeAccess';
import type { Permission } from '../src/modules/auth/permissions';
import { builtInRolePermissions } from '../src/modules/auth/permissions';
import { requestJson } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

interface Caller {
  name: string;
  kind: 'anonymous' | 'visitor' | 'agent' | 'token';
  permissions: ReadonlySet<Permission>;
  token: string | null;
}

const customPermissions: Permission[] = ['conversations:read', 'knowledge:edit'];
/** A file that exists behind a static wildcard route (a missing one is answered by the 404 route instead). */
const wildcardProbes: Record<string, string> = { '/api/docs/static/*': 'swagger-ui.css' };

for (const { dialect } of testDatabaseTargets()) {
  describe(`authorisation matrix (${dialect})`, () => {
    let server: TestServer;
    const callers: Caller[] = [];
    before(async () => {
      server = await startTestServer({ dialect, seedDemo: false });
      callers.push(...(await createCallers(server)));
    });
    after(async () => server.close());

    test('every route × every role: a decision, and answers that follow it', async (context) => {
      // Signing out ends the caller's session: it goes last.
      const routes = [...server.kefu.routeAccess.routes].sort(
        (left, right) => Number(isSignOut(left)) - Number(isSignOut(right)),
      );
      const problems: string[] = [];
      let checks = 0;
      for (const route of routes) {
        for (const caller of callers) {
          const status = await call(server, route, caller);
          checks += 1;
          const decision = server.kefu.routeAccess.decisionOf(route);
          const problem = judge(route, caller, decision, status);
          if (problem) problems.push(problem);
        }
      }
      context.diagnostic(
        `authorisation matrix: ${routes.length} routes × ${callers.length} callers = ${checks} checks, ` +
          `${problems.length} problems`,
      );
      assert.ok(routes.length > 80, `only ${routes.length} routes registered`);
      assert.deepEqual(problems, []);
    });
  });
}

async function createCallers(server: TestServer): Promise<Caller[]> {
  const adminToken = await server.loginAdmin();
  const role = await requestJson<{ role: { id: string } }>(server.baseUrl, 'POST', '/api/v1/admin/roles', {
    token: adminToken,
    body: { name: '知识编辑', permissions: customPermissions },
  });
  assert.equal(role.status, 201);
  const session = await requestJson<{ token: string }>(server.baseUrl, 'POST', '/api/v1/visitor/sessions', {
    body: {},
  });
  const callers: Caller[] = [
    { name: 'anonymous', kind: 'anonymous', permissions: new Set(), token: null },
    { name: 'visitor', kind: 'visitor', permissions: new Set(), token: session.body.token },
    { name: 'admin', kind: 'agent', permissions: new Set(builtInRolePermissions.admin), token: adminToken },
  ];
  for (const name of ['supervisor', 'agent', 'analyst', 'custom'] as const) {
    const email = `${name}@matrix.test`;
    const created = await requestJson(server.baseUrl, 'POST', '/api/v1/admin/agents', {
      token: adminToken,
      body: {
        email,
        displayName: name,
        password: 'password-123',
        role: name,
        ...(name === 'custom' && { customRoleId: role.body.role.id }),
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const permissions = name === 'custom' ? customPermissions : builtInRolePermissions[name];
    callers.push({
      name,
      kind: 'agent',
      permissions: new Set(permissions),
      token: await server.login(email, 'password-123'),
    });
  }
  for (const scopes of [[], ['conversations:read']] satisfies Permission[][]) {
    const created = await requestJson<{ secret: string }>(
      server.baseUrl,
      'POST',
      '/api/v1/admin/api-tokens',
      {
        token: adminToken,
        body: { name: `matrix ${scopes.length}`, scopes },
      },
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const name = `API token (${scopes.join(', ') || 'no scopes'})`;
    callers.push({ name, kind: 'token', permissions: new Set(scopes), token: created.body.secret });
  }
  return callers;
}

async function call(server: TestServer, route: RegisteredRoute, caller: Caller): Promise<number> {
  const url = route.url.replace(/:[A-Za-z]+/g, 'x_1').replace(/\*/g, wildcardProbes[route.url] ?? 'x');
  const hasBody = !['GET', 'HEAD', 'OPTIONS', 'DELETE'].includes(route.method);
  const response = await server.kefu.app.inject({
    method: route.method,
    url,
    headers: {
      ...(caller.token && { authorization: `Bearer ${caller.token}` }),
      ...(hasBody && { 'content-type': 'application/json' }),
    },
    ...(hasBody && { payload: '{}' }),
  });
  return response.statusCode;
}

/** What is wrong with this answer, or null. */
function judge(
  route: RegisteredRoute,
  caller: Caller,
  decision: AccessDecision | undefined,
  status: number,
): string | null {
  const where = `${route.method} ${route.url} as ${caller.name}: ${status}`;
  if (!decision) return `${where}: the route made no access decision`;
  if (status >= 500) return `${where}: server error`;
  const refused = status === 401 || status === 403;
  switch (decision.kind) {
    case 'public':
      return refused ? `${where}: refused on a public route` : null;
    case 'signed':
      return status < 400 ? `${where}: accepted without a signature` : null;
    case 'visitor':
      if (caller.kind === 'visitor') return refused ? `${where}: visitor refused` : null;
      return status === 401 ? null : `${where}: expected 401 without a visitor token`;
    case 'agent': {
      if (caller.kind !== 'agent' && caller.kind !== 'token')
        return status === 401 ? null : `${where}: expected 401 without a session`;
      // A route open to every signed-in role is a person's own: an API token is refused there.
      const allowed =
        decision.permission === null ? caller.kind === 'agent' : caller.permissions.has(decision.permission);
      if (allowed) return refused ? `${where}: refused though the role has ${decision.permission}` : null;
      return status === 403 ? null : `${where}: expected 403 without ${decision.permission ?? 'a session'}`;
    }
  }
}

function isSignOut(route: RegisteredRoute): boolean {
  return route.url === '/api/v1/auth/logout';
}
