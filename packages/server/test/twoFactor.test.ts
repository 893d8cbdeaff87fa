// Agents' TOTP two-factor (RFC 6238): the code generator against the RFC's own test vectors, enrolment with a
// QR code and recovery codes, the two-step sign-in, wrong codes counting toward the sign-in lock-out,
// one-time recovery codes, roles that require two-factor, an admin's reset, and the secret sealed at rest.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { z } from 'zod';
import { ManualClock } from '../src/clock';
import { matchTotpStep, totpCodeAt } from '../src/modules/auth/totpCodes';
import { requestJson } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

const appendixB = z
  .object({
    seeds: z.record(z.string(), z.string()),
    vectors: z.array(
      z.object({
        unixSeconds: z.number(),
        totp: z.string(),
        algorithm: z.enum(['SHA1', 'SHA256', 'SHA512']),
      }),
    ),
  })
  .parse(JSON.parse(readFileSync(new URL('./fixtures/rfc6238/appendixB.json', import.meta.url), 'utf8')));

describe('TOTP codes (RFC 6238 appendix B)', () => {
  test('every test vector of the RFC', () => {
    assert.equal(appendixB.vectors.length, 18);
    for (const vector of appendixB.vectors) {
      const secret = Secret.fromLatin1(appendixB.seeds[vector.algorithm] ?? '');
      const code = totpCodeAt(secret, vector.unixSeconds * 1000, { algorithm: vector.algorithm, digits: 8 });
      assert.equal(code, vector.totp, `${vector.algorithm} at ${vector.unixSeconds}`);
    }
  });

  test('a six-digit code is accepted for its step and one step either side, and not beyond', () => {
    const seed = Secret.fromLatin1(appendixB.seeds.SHA1 ?? '').base32;
    for (const vector of appendixB.vectors.filter((candidate) => candidate.algorithm === 'SHA1')) {
      const code = vector.totp.slice(-6);
      const step = Math.floor(vector.unixSeconds / 30);
      assert.equal(matchTotpStep(seed, code, vector.unixSeconds * 1000), step);
      assert.equal(matchTotpStep(seed, code, (vector.unixSeconds + 30) * 1000), step);
      assert.equal(matchTotpStep(seed, code, (vector.unixSeconds + 90) * 1000), null);
    }
  });
});

interface Session {
  token: string;
  agent: { mustEnrolTwoFactor: boolean };
}
interface Challenge {
  challenge: string;
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`two-factor sign-in (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    const clock = new ManualClock('2026-03-02T08:00:00.000Z');
    before(async () => {
      server = await startTestServer({ dialect, seedDemo: false, clock });
      adminToken = await server.loginAdmin();
    });
    after(async () => server.close());

    const call = <Body>(method: string, path: string, token: string | undefined, body?: unknown) =>
      requestJson<Body>(server.baseUrl, method, path, { ...(token && { token }), body });
    const codeOf = (secret: string, offsetMs = 0) =>
      TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: clock.now().getTime() + offsetMs });
    let accounts = 0;
    const createAgent = async (role = 'agent') => {
      accounts += 1;
      const email = `two-factor-${accounts}@kefu.test`;
      const created = await call<{ agent: { id: string } }>('POST', '/api/v1/admin/agents', adminToken, {
        email,
        displayName: `Agent ${accounts}`,
        password: 'password-123',
        role,
      });
      assert.equal(created.status, 201);
      return { id: created.body.agent.id, email, token: await server.login(email, 'password-123') };
    };
    const enrol = async (token: string) => {
      const started = await call<{ secret: string; qrCodeDataUrl: string; otpauthUri: string }>(
        'POST',
        '/api/v1/auth/two-factor/enrol',
        token,
      );
      assert.equal(started.status, 200);
      const wrong = await call('POST', '/api/v1/auth/two-factor/confirm', token, {
        code: codeOf(started.body.secret, 5 * 60_000),
      });
      assert.equal(wrong.status, 401);
      const confirmed = await call<{ recoveryCodes: string[] }>(
        'POST',
        '/api/v1/auth/two-factor/confirm',
        token,
        {
          code: codeOf(started.body.secret),
        },
      );
      assert.equal(confirmed.status, 200);
      clock.advance(30_000); // the code used to confirm cannot sign in again
      return { ...started.body, recoveryCodes: confirmed.body.recoveryCodes };
    };
    const signIn = (email: string) =>
      call<Challenge & Session>('POST', '/api/v1/auth/login', undefined, { email, password: 'password-123' });
    const secondStep = (body: unknown) =>
      call<Session & { error: { code: string } }>('POST', '/api/v1/auth/login/two-factor', undefined, body);
    const auditActions = async (agentId: string) =>
      (
        await server.kefu.services.database.db
          .selectFrom('audit_log')
          .select(['action', 'data'])
          .where('target_id', '=', agentId)
          .orderBy('sequence')
          .execute()
      ).map((entry) => entry.action);

    test('enrol with a QR code, then sign in with the code; a code signs in once', async () => {
      const agent = await createAgent();
      const enrolment = await enrol(agent.token);
      assert.match(enrolment.qrCodeDataUrl, /^data:image\/png;base64,/);
      assert.match(enrolment.otpauthUri, /^otpauth:\/\/totp\/Kefu:two-factor-1%40kefu\.test\?/);
      assert.equal(enrolment.recoveryCodes.length, 10);
      const stored = await server.kefu.services.database.db
        .selectFrom('agent_two_factor')
        .select('secret')
        .where('id', '=', agent.id)
        .executeTakeFirstOrThrow();
      const raw = await server.kefu.services.database.db
        .selectFrom('agent_two_factor')
        .select((eb) => eb.fn.coalesce('secret', eb.val('')).as('sealed'))
        .where('id', '=', agent.id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.secret, enrolment.secret);
      assert.match(String(raw.sealed), /^enc:v1:/);

      const first = await signIn(agent.email);
      assert.equal(first.status, 200);
      assert.equal(typeof first.body.challenge, 'string');
      assert.equal(first.body.token, undefined, 'a password alone gives no session');
      const code = codeOf(enrolment.secret);
      const session = await secondStep({ challenge: first.body.challenge, code });
      assert.equal(session.status, 200, JSON.stringify(session.body));
      assert.equal((await call('GET', '/api/v1/agent/conversations', session.body.token)).status, 200);
      assert.equal((await secondStep({ challenge: first.body.challenge, code })).status, 401);
      const replay = await signIn(agent.email);
      assert.equal((await secondStep({ challenge: replay.body.challenge, code })).status, 401);
      clock.advance(30_000);
      const next = await secondStep({ challenge: replay.body.challenge, code: codeOf(enrolment.secret) });
      assert.equal(next.status, 200);
      const status = await call<{ enabled: boolean; recoveryCodesLeft: number }>(
        'GET',
        '/api/v1/auth/two-factor',
        next.body.token,
      );
      assert.deepEqual(status.body, { enabled: true, required: false, recoveryCodesLeft: 10 });
      assert.ok((await auditActions(agent.id)).includes('auth.two_factor_enabled'));
    });

    test('wrong codes count toward the lock-out, and a challenge expires', async () => {
      const agent = await createAgent();
      const enrolment = await enrol(agent.token);
      const { body } = await signIn(agent.email);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const wrong = await secondStep({ challenge: body.challenge, code: '000000' });
        assert.equal(wrong.status, 401);
      }
      const locked = await secondStep({ challenge: body.challenge, code: codeOf(enrolment.secret) });
      assert.equal(locked.status, 429);
      assert.equal(locked.body.error.code, 'login_locked');
      assert.equal((await signIn(agent.email)).status, 429);
      const actions = await auditActions(agent.id);
      assert.equal(actions.filter((action) => action === 'auth.sign_in_failed').length, 5);
      assert.ok(actions.includes('auth.locked_out'));

      clock.advance(2 * 60_000);
      const again = await signIn(agent.email);
      assert.equal(again.status, 200);
      clock.advance(6 * 60_000);
      const expired = await secondStep({ challenge: again.body.challenge, code: codeOf(enrolment.secret) });
      assert.equal(expired.body.error.code, 'two_factor_challenge_invalid');
    });

    test('a recovery code signs in once', async () => {
      const agent = await createAgent();
      const { recoveryCodes } = await enrol(agent.token);
      const recoveryCode = recoveryCodes[0] ?? '';
      const first = await signIn(agent.email);
      const used = await secondStep({
        challenge: first.body.challenge,
        recoveryCode: recoveryCode.toUpperCase(),
      });
      assert.equal(used.status, 200);
      const second = await signIn(agent.email);
      assert.equal((await secondStep({ challenge: second.body.challenge, recoveryCode })).status, 401);
      const other = await secondStep({
        challenge: second.body.challenge,
        recoveryCode: recoveryCodes[1] ?? '',
      });
      assert.equal(other.status, 200);
      const stored = await server.kefu.services.database.db
        .selectFrom('agent_recovery_codes')
        .select('code_hash')
        .where('agent_id', '=', agent.id)
        .execute();
      assert.ok(stored.every((row) => !recoveryCodes.includes(row.code_hash)));
    });

    test('a role can require two-factor; an admin resets an agent’s', async () => {
      const agent = await createAgent('analyst');
      const required = await call('PUT', '/api/v1/admin/two-factor/required-roles', adminToken, {
        roles: ['analyst'],
      });
      assert.equal(required.status, 200);
      const first = await signIn(agent.email);
      assert.equal(first.body.agent.mustEnrolTwoFactor, true);
      const blocked = await call<{ error: { code: string } }>(
        'GET',
        '/api/v1/reports/dashboard',
        first.body.token,
      );
      assert.equal(blocked.body.error.code, 'two_factor_setup_required');
      const enrolment = await enrol(first.body.token);
      assert.notEqual((await call('GET', '/api/v1/auth/me', first.body.token)).status, 403);
      const overview = await call<{ error: { code: string } }>(
        'GET',
        '/api/v1/reports/dashboard',
        first.body.token,
      );
      assert.notEqual(overview.body.error?.code, 'two_factor_setup_required');
      assert.ok(enrolment.secret);

      const notAllowed = await call('POST', `/api/v1/admin/agents/${agent.id}/two-factor/reset`, agent.token);
      assert.equal(notAllowed.status, 403);
      const reset = await call('POST', `/api/v1/admin/agents/${agent.id}/two-factor/reset`, adminToken);
      assert.equal(reset.status, 204);
      const afterReset = await signIn(agent.email);
      assert.ok(afterReset.body.token, 'password alone signs in after a reset');
      assert.equal(afterReset.body.agent.mustEnrolTwoFactor, true);
      assert.ok((await auditActions(agent.id)).includes('auth.two_factor_reset'));
      await call('PUT', '/api/v1/admin/two-factor/required-roles', adminToken, { roles: [] });
    });
  });
}
