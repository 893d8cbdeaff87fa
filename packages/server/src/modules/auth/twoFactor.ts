import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { AgentRole } from '@kefu/sdk';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import type { AgentIdentity } from '../agents';
import { matchTotpStep, newTotpSecret, totpUri } from './totpCodes';
import { hashSecret } from './secretHash';
import * as twoFactorRepo from './twoFactorRepo';

const recoveryCodeCount = 10;
const challengeLifetimeMs = 5 * 60_000;
const issuer = 'Kefu';

export interface TwoFactorStatus {
  enabled: boolean;
  /** The agent's role requires two-factor. */
  required: boolean;
  recoveryCodesLeft: number;
}

export interface TwoFactorEnrolment {
  secret: string;
  otpauthUri: string;
  /** The URI as a QR code, a `data:image/png;base64,…` URL the console shows as an image. */
  qrCodeDataUrl: string;
}

export type SecondFactor = { code: string } | { recoveryCode: string };

/**
 * Optional TOTP two-factor (RFC 6238) for agents: enrol with an authenticator app, confirm with a code, keep
 * ten one-time recovery codes (stored hashed). A code is accepted once (its 30-second step is remembered).
 * Admins can require it for a role and reset an agent's; both are audited. The secret is sealed at rest by
 * the privacy module's database plugin (`agent_two_factor.secret`).
 */
export class TwoFactor {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async status(agent: AgentIdentity): Promise<TwoFactorStatus> {
    const row = await twoFactorRepo.findTwoFactor(this.db, agent.id);
    const enabled = Boolean(row?.confirmed_at);
    return {
      enabled,
      required: (await twoFactorRepo.listRequiredRoleKeys(this.db)).includes(roleKeyOf(agent)),
      recoveryCodesLeft: enabled ? await twoFactorRepo.countUnusedRecoveryCodes(this.db, agent.id) : 0,
    };
  }

  async isEnabled(agentId: string): Promise<boolean> {
    return Boolean((await twoFactorRepo.findTwoFactor(this.db, agentId))?.confirmed_at);
  }

  /** Whether a session of this agent may only set two-factor up: the role requires it and it is off. */
  async mustEnrol(agent: AgentIdentity): Promise<boolean> {
    const required = await twoFactorRepo.listRequiredRoleKeys(this.db);
    return required.includes(roleKeyOf(agent)) && !(await this.isEnabled(agent.id));
  }

  async startEnrolment(agent: AgentIdentity): Promise<TwoFactorEnrolment> {
    if (await this.isEnabled(agent.id)) throw new KefuError('two_factor_already_enabled');
    const secret = newTotpSecret();
    await twoFactorRepo.savePendingTwoFactor(this.db, agent.id, secret, this.clock.now().toISOString());
    const otpauthUri = totpUri(secret, agent.email, issuer);
    return {
      secret,
      otpauthUri,
      qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 }),
    };
  }

  /** Turns two-factor on with a first right code; returns the recovery codes, shown this once. */
  async confirmEnrolment(agent: AgentIdentity, code: string): Promise<{ recoveryCodes: string[] }> {
    const row = await twoFactorRepo.findTwoFactor(this.db, agent.id);
    if (!row) throw new KefuError('two_factor_not_enrolled');
    if (row.confirmed_at) throw new KefuError('two_factor_already_enabled');
    const now = this.clock.now();
    const step = matchTotpStep(row.secret, code, now.getTime());
    if (step === null) throw new KefuError('two_factor_invalid_code');
    const recoveryCodes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
    await this.db.transaction().execute(async (trx) => {
      await twoFactorRepo.confirmTwoFactor(trx, agent.id, step, now.toISOString());
      const hashed = recoveryCodes.map((recovery) => ({ id: newId('rcv'), code_hash: hashSecret(recovery) }));
      await twoFactorRepo.replaceRecoveryCodes(trx, agent.id, hashed);
      await recordAudit(trx, twoFactorAudit(agent.id, 'auth.two_factor_enabled', agent.id), now);
    });
    return { recoveryCodes };
  }

  /** A short-lived challenge for the second step of a sign-in whose password was right. */
  async issueChallenge(agentId: string): Promise<{ challenge: string; expiresAt: string }> {
    const challenge = `kefu2fa_${randomBytes(32).toString('base64url')}`;
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + challengeLifetimeMs).toISOString();
    await twoFactorRepo.insertChallenge(this.db, {
      token_hash: hashSecret(challenge),
      agent_id: agentId,
      expires_at: expiresAt,
      used_at: null,
    });
    return { challenge, expiresAt };
  }

  /** The agent a live challenge belongs to; `two_factor_challenge_invalid` when it expired or was used. */
  async agentOfChallenge(challenge: string): Promise<string> {
    const now = this.clock.now().toISOString();
    const row = await twoFactorRepo.findLiveChallenge(this.db, hashSecret(challenge), now);
    if (!row) throw new KefuError('two_factor_challenge_invalid');
    return row.agent_id;
  }

  /** Checks a code or recovery code; true uses it up (and the challenge with it). */
  async passSecondStep(agentId: string, challenge: string, factor: SecondFactor): Promise<boolean> {
    const now = this.clock.now();
    const passed =
      'code' in factor
        ? await this.useTotpCode(agentId, factor.code, now)
        : await twoFactorRepo.useRecoveryCode(
            this.db,
            agentId,
            hashSecret(normaliseRecoveryCode(factor.recoveryCode)),
            now.toISOString(),
          );
    if (!passed) return false;
    if (!(await twoFactorRepo.useChallenge(this.db, hashSecret(challenge), now.toISOString())))
      throw new KefuError('two_factor_challenge_invalid');
    return true;
  }

  async reset(agentId: string, actorId: string): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      await twoFactorRepo.deleteTwoFactor(trx, agentId);
      await recordAudit(trx, twoFactorAudit(actorId, 'auth.two_factor_reset', agentId), now);
    });
  }

  async listEnabledAgentIds(): Promise<string[]> {
    return twoFactorRepo.listConfirmedAgentIds(this.db);
  }

  async requiredRoleKeys(): Promise<string[]> {
    return twoFactorRepo.listRequiredRoleKeys(this.db);
  }

  async setRequiredRoleKeys(roleKeys: string[], actorId: string): Promise<string[]> {
    const now = this.clock.now();
    const after = [...new Set(roleKeys)].sort();
    await this.db.transaction().execute(async (trx) => {
      const before = await twoFactorRepo.listRequiredRoleKeys(trx);
      await twoFactorRepo.replaceRequiredRoleKeys(trx, after, now.toISOString());
      await recordAudit(
        trx,
        { ...twoFactorAudit(actorId, 'auth.two_factor_roles_changed', null), data: { before, after } },
        now,
      );
    });
    return after;
  }

  private async useTotpCode(agentId: string, code: string, now: Date): Promise<boolean> {
    const row = await twoFactorRepo.findTwoFactor(this.db, agentId);
    if (!row?.confirmed_at) return false;
    const step = matchTotpStep(row.secret, code, now.getTime());
    return step !== null && (await twoFactorRepo.claimTotpStep(this.db, agentId, step));
  }
}

/** How a role is named in the list of roles that require two-factor. */
export function roleKeyOf(agent: { role: AgentRole; customRoleId: string | null }): string {
  return agent.role === 'custom' ? `custom:${agent.customRoleId ?? ''}` : agent.role;
}

/** Ten characters in two groups (`k7m2p-x9q4t`), from an alphabet without look-alikes. */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const characters = [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length] ?? 'a');
  return `${characters.slice(0, 5).join('')}-${characters.slice(5).join('')}`;
}

function normaliseRecoveryCode(code: string): string {
  const compact = code
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}

function twoFactorAudit(actorId: string, action: string, agentId: string | null) {
  return { actorType: 'agent' as const, actorId, action, targetType: 'agent', targetId: agentId };
}
