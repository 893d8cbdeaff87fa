import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { parseJsonColumn } from '../../db/json';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import { hashSecret } from './secretHash';
import * as tokensRepo from './apiTokensRepo';
import type { ApiTokenRow } from './apiTokensRepo';
import type { AuthenticatedAgent, Permission } from './permissions';
import { isPermission } from './permissions';

/** Every API token starts with this, so it is told apart from a console session (`kefu_…`) at a glance. */
export const apiTokenPrefix = 'kefupat_';
const tokenPattern = /^kefupat_([0-9a-z]{26})_([A-Za-z0-9_-]{43})$/;
const storedScopesSchema = z.array(z.string());

export interface ApiToken {
  id: string;
  name: string;
  /** The public part of the token, enough to recognise it; the secret is never shown again. */
  prefix: string;
  scopes: Permission[];
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokenInput {
  name: string;
  scopes: Permission[];
  expiresAt: string | null;
}

/** A token that passed its check: who made it and what it may do. */
export interface VerifiedApiToken {
  id: string;
  name: string;
  creatorId: string;
  scopes: ReadonlySet<Permission>;
}

/**
 * Named tokens integrations sign their requests with. The secret (`kefupat_<id>_<random>`) is shown once;
 * only its SHA-256 is stored and compared in constant time. A token acts for its creator with at most the
 * scopes it was given (and never more than the creator still holds); revoking or expiring ends it at once.
 */
export class ApiTokens {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async create(
    input: ApiTokenInput,
    creator: AuthenticatedAgent,
  ): Promise<{ token: ApiToken; secret: string }> {
    const notHeld = input.scopes.filter((scope) => !creator.permissions.has(scope));
    if (notHeld.length > 0) throw new KefuError('api_token_scope_not_held', undefined, { scopes: notHeld });
    const now = this.clock.now();
    if (input.expiresAt !== null && Date.parse(input.expiresAt) <= now.getTime())
      throw new KefuError('validation_failed', 'The expiry must be in the future');
    const id = newId('tok');
    const secret = `${apiTokenPrefix}${publicPartOf(id)}_${randomBytes(32).toString('base64url')}`;
    const row: ApiTokenRow = {
      id,
      name: input.name,
      secret_hash: hashSecret(secret),
      scopes: JSON.stringify([...new Set(input.scopes)].sort()),
      created_by: creator.id,
      created_at: now.toISOString(),
      expires_at: input.expiresAt === null ? null : new Date(input.expiresAt).toISOString(),
      last_used_at: null,
      revoked_at: null,
    };
    await this.db.transaction().execute(async (trx) => {
      await tokensRepo.insertApiToken(trx, row);
      const data = { name: row.name, scopes: toApiToken(row).scopes, expiresAt: row.expires_at };
      await recordAudit(trx, tokenAudit(creator.id, 'api_token.created', id, data), now);
    });
    return { token: toApiToken(row), secret };
  }

  async list(): Promise<ApiToken[]> {
    return (await tokensRepo.listApiTokens(this.db)).map(toApiToken);
  }

  async revoke(tokenId: string, actorId: string): Promise<ApiToken> {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const before = await tokensRepo.findApiToken(trx, tokenId);
      if (!before) throw new KefuError('api_token_not_found');
      if (await tokensRepo.revokeApiToken(trx, tokenId, now.toISOString()))
        await recordAudit(trx, tokenAudit(actorId, 'api_token.revoked', tokenId, { name: before.name }), now);
      const after = await tokensRepo.findApiToken(trx, tokenId);
      return toApiToken(after ?? before);
    });
  }

  /** The live token behind a secret, with its last use stamped; `invalid_token` otherwise. */
  async verify(secret: string): Promise<VerifiedApiToken> {
    const match = tokenPattern.exec(secret);
    const row = match ? await tokensRepo.findApiToken(this.db, `tok_${match[1] ?? ''}`) : undefined;
    const now = this.clock.now();
    if (!row || !sameHash(row.secret_hash, hashSecret(secret))) throw new KefuError('invalid_token');
    if (row.revoked_at !== null) throw new KefuError('invalid_token');
    if (row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime())
      throw new KefuError('invalid_token');
    await tokensRepo.touchApiToken(this.db, row.id, now.toISOString());
    const token = toApiToken(row);
    return { id: token.id, name: token.name, creatorId: token.createdBy, scopes: new Set(token.scopes) };
  }

  /** One audit entry per request made with a token: which token, which route, what it answered. */
  async recordUse(token: { id: string; name: string }, use: Record<string, unknown>): Promise<void> {
    await recordAudit(
      this.db,
      {
        actorType: 'api_token',
        actorId: token.id,
        action: 'api_token.used',
        targetType: 'api_token',
        targetId: token.id,
        data: { name: token.name, ...use },
      },
      this.clock.now(),
    );
  }
}

/** The token id a secret names, for counting its requests before it is checked; null if it is no token. */
export function apiTokenIdOf(secret: string | null): string | null {
  const match = secret ? tokenPattern.exec(secret) : null;
  return match ? `tok_${match[1] ?? ''}` : null;
}

function publicPartOf(tokenId: string): string {
  return tokenId.slice('tok_'.length);
}

function sameHash(storedHex: string, candidateHex: string): boolean {
  const stored = Buffer.from(storedHex, 'hex');
  const candidate = Buffer.from(candidateHex, 'hex');
  return stored.length === candidate.length && timingSafeEqual(stored, candidate);
}

function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: `${apiTokenPrefix}${publicPartOf(row.id)}_`,
    scopes: parseJsonColumn(row.scopes, storedScopesSchema).filter(isPermission),
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

function tokenAudit(actorId: string, action: string, tokenId: string, data: Record<string, unknown>) {
  return { actorType: 'agent' as const, actorId, action, targetType: 'api_token', targetId: tokenId, data };
}
