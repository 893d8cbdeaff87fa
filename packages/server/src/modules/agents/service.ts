import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { z } from 'zod';
import type { AgentRole } from '@kefu/sdk';
import type { BoundedConcurrency } from '../../boundedConcurrency';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { UnitOfWork } from '../../events/outbox';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import type { CustomRoles } from '../auth';
import * as agentsRepo from './repo';
import type { AgentRow } from './repo';

export const agentRoleSchema = z.enum(['admin', 'supervisor', 'agent', 'analyst', 'custom']);
export const agentPresenceSchema = z.enum(['online', 'busy', 'away', 'offline']);

/** Who an agent is: what a signed-in session and the permission checks need (with the agent's teams). */
export interface AgentIdentity {
  id: string;
  email: string;
  displayName: string;
  role: AgentRole;
  /** The custom role's id when `role` is `custom`. */
  customRoleId: string | null;
}

export interface AgentProfile extends AgentIdentity {
  presence: z.infer<typeof agentPresenceSchema>;
  isActive: boolean;
  createdAt: string;
}

export interface NewAgentInput {
  email: string;
  displayName: string;
  password: string;
  role: AgentRole;
  /** Required when `role` is `custom`. */
  customRoleId?: string | null | undefined;
}

/** Agents of the shop: accounts, roles, presence. */
export class AgentService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
    /** Every argon2 hash and check (64 MiB each) runs through it, so sign-in floods cannot starve shoppers. */
    private readonly passwordWork: BoundedConcurrency,
    private readonly roles: Pick<CustomRoles, 'requireRole'>,
  ) {}

  /**
   * Creates the first admin on an empty install. Returns the generated password when none was configured,
   * so the caller can show it once; it is never stored in clear.
   */
  async ensureFirstAdmin(
    email: string,
    configuredPassword: string | null,
  ): Promise<{ email: string; generatedPassword: string | null } | null> {
    if ((await agentsRepo.countAgents(this.db)) > 0) return null;
    const generatedPassword = configuredPassword ? null : randomBytes(12).toString('base64url');
    await this.createAgent(
      { email, displayName: 'Admin', password: configuredPassword ?? generatedPassword ?? '', role: 'admin' },
      null,
    );
    return { email, generatedPassword };
  }

  async createAgent(input: NewAgentInput, actorId: string | null): Promise<AgentProfile> {
    const email = input.email.toLowerCase();
    const timestamp = this.clock.now().toISOString();
    const row: AgentRow = {
      id: newId('agt'),
      email,
      display_name: input.displayName,
      password_hash: await this.passwordWork.run(() => argon2.hash(input.password, passwordHashOptions)),
      role: input.role,
      custom_role_id:
        input.role === 'custom' ? (await this.roles.requireRole(input.customRoleId ?? '')).id : null,
      presence: 'offline',
      is_active: 1,
      created_at: timestamp,
      updated_at: timestamp,
    };
    await this.db.transaction().execute(async (trx) => {
      if (await agentsRepo.findAgentByEmail(trx, email)) throw new KefuError('email_taken');
      await agentsRepo.insertAgent(trx, row);
      await recordAudit(
        trx,
        {
          actorType: actorId ? 'agent' : 'system',
          actorId,
          action: 'agent.created',
          targetType: 'agent',
          targetId: row.id,
          data: { email, role: input.role, customRoleId: row.custom_role_id },
        },
        this.clock.now(),
      );
    });
    return toAgentProfile(row);
  }

  async listAgents(): Promise<AgentProfile[]> {
    return (await agentsRepo.listAgents(this.db)).map(toAgentProfile);
  }

  async getAgent(agentId: string): Promise<AgentProfile> {
    const row = await agentsRepo.findAgentById(this.db, agentId);
    if (!row) throw new KefuError('agent_not_found');
    return toAgentProfile(row);
  }

  /** Records the presence; a change is an event, on which routing assigns or re-queues conversations. */
  async setPresence(agentId: string, presence: z.infer<typeof agentPresenceSchema>): Promise<AgentProfile> {
    return this.unitOfWork.run(async (context) => {
      const before = await agentsRepo.findAgentById(context.trx, agentId);
      const row = await agentsRepo.updateAgent(context.trx, agentId, {
        presence,
        updated_at: context.now.toISOString(),
      });
      if (!before || !row) throw new KefuError('agent_not_found');
      if (before.presence !== presence)
        await context.emit('agent.presence_changed', {
          agentId,
          presence,
          previousPresence: before.presence,
        });
      return toAgentProfile(row);
    });
  }

  /** The agent with this e-mail (any case), active or not; null when there is none. */
  async findAgentByEmail(email: string): Promise<AgentIdentity | null> {
    const row = await agentsRepo.findAgentByEmail(this.db, email.trim().toLowerCase());
    return row ? toAgentProfile(row) : null;
  }

  /** The agent behind a session, while their account is active; null once deactivated. */
  async findActiveAgent(agentId: string): Promise<AgentIdentity | null> {
    const row = await agentsRepo.findAgentById(this.db, agentId);
    if (!row || row.is_active !== 1) return null;
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: agentRoleSchema.parse(row.role),
      customRoleId: row.custom_role_id,
    };
  }

  /** Checks e-mail and password; the same error for an unknown e-mail and a wrong password. */
  async verifyCredentials(email: string, password: string): Promise<AgentProfile> {
    const row = await agentsRepo.findAgentByEmail(this.db, email.toLowerCase());
    const passwordMatches = await this.passwordWork.run(() =>
      row ? argon2.verify(row.password_hash, password) : burnEquivalentTime(password),
    );
    if (!row || !passwordMatches || row.is_active !== 1) throw new KefuError('invalid_credentials');
    if (argon2.needsRehash(row.password_hash, passwordHashOptions)) {
      // Hashes from before the one-lane setting are replaced while the password is at hand.
      const rehashed = await this.passwordWork.run(() => argon2.hash(password, passwordHashOptions));
      await agentsRepo.updateAgent(this.db, row.id, { password_hash: rehashed });
    }
    return toAgentProfile(row);
  }
}

export function toAgentProfile(row: AgentRow): AgentProfile {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: agentRoleSchema.parse(row.role),
    customRoleId: row.custom_role_id,
    presence: agentPresenceSchema.parse(row.presence),
    isActive: row.is_active === 1,
    createdAt: row.created_at,
  };
}

/**
 * argon2id with 64 MiB and 3 passes (the library's defaults) on one lane: a check then takes one core, so the
 * bounded password work (KEFU_LOGIN_CONCURRENCY) leaves the others to shoppers.
 */
const passwordHashOptions = {
  type: argon2.argon2id,
  memoryCost: 65_536,
  timeCost: 3,
  parallelism: 1,
} as const;

const timingDecoyHash = argon2.hash('kefu-timing-decoy', passwordHashOptions);

/** Hashes anyway when the e-mail is unknown, so response time does not reveal which e-mails exist. */
async function burnEquivalentTime(password: string): Promise<false> {
  await argon2.verify(await timingDecoyHash, password);
  return false;
}
