import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import type { AuthenticatedAgent } from '../auth';
import { hasPermission } from '../auth';
import * as cannedRepo from './repo';
import type { CannedReplyRow } from './repo';
import type { CannedReply, CannedReplyInput } from './schemas';

/**
 * Canned replies kept on the server: an agent's own (personal) and their teams' (shared with every member).
 * Supervisors and admins see and keep every team's. A shortcut is unique where the reply lives.
 */
export class CannedReplies {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** What the agent may use; `/word` finds shortcuts starting with it, other words search everything. */
  async list(agent: AuthenticatedAgent, query: { q?: string | undefined; category?: string | undefined }) {
    const rows = await cannedRepo.listVisibleReplies(this.db, agent.id, teamsSeenBy(agent));
    return rows
      .filter((row) => !query.category || row.category === query.category)
      .filter((row) => matchesQuery(row, query.q ?? ''))
      .map(toCannedReply);
  }

  async create(agent: AuthenticatedAgent, input: CannedReplyInput): Promise<CannedReply> {
    const place = placeFor(agent, input.scope, input.teamId);
    if (await cannedRepo.findByShortcut(this.db, place, input.shortcut))
      throw new KefuError('canned_reply_shortcut_taken');
    const now = this.clock.now().toISOString();
    const row: CannedReplyRow = {
      id: newId('cnr'),
      scope: place.scope,
      owner_agent_id: place.ownerAgentId,
      team_id: place.teamId,
      category: input.category,
      shortcut: input.shortcut,
      title: input.title,
      text: input.text,
      created_by: agent.id,
      created_at: now,
      updated_at: now,
    };
    await cannedRepo.insertReply(this.db, row);
    return toCannedReply(row);
  }

  async update(
    agent: AuthenticatedAgent,
    id: string,
    patch: Partial<Pick<CannedReplyInput, 'category' | 'shortcut' | 'title' | 'text'>>,
  ): Promise<CannedReply> {
    const existing = await this.requireVisible(agent, id);
    if (patch.shortcut && patch.shortcut !== existing.shortcut) {
      const place = {
        scope: existing.scope,
        ownerAgentId: existing.owner_agent_id,
        teamId: existing.team_id,
      };
      if (await cannedRepo.findByShortcut(this.db, place, patch.shortcut))
        throw new KefuError('canned_reply_shortcut_taken');
    }
    const updated = await cannedRepo.updateReply(this.db, id, {
      ...patch,
      updated_at: this.clock.now().toISOString(),
    });
    if (!updated) throw new KefuError('canned_reply_not_found');
    return toCannedReply(updated);
  }

  async remove(agent: AuthenticatedAgent, id: string): Promise<void> {
    await this.requireVisible(agent, id);
    await cannedRepo.deleteReply(this.db, id);
  }

  /** The reply's text with `{{customer.name}}`, `{{order.number}}`, `{{agent.name}}` filled in. */
  async render(agent: AuthenticatedAgent, id: string, values: Record<string, string | null>) {
    const reply = await this.requireVisible(agent, id);
    const missing: string[] = [];
    const text = reply.text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      if (value === null || value === '') {
        missing.push(name);
        return '';
      }
      return value;
    });
    return { text, missing };
  }

  /** Personal replies only for their owner; team replies for every member (and supervisors), who may edit them. */
  private async requireVisible(agent: AuthenticatedAgent, id: string): Promise<CannedReplyRow> {
    const row = await cannedRepo.findReply(this.db, id);
    if (!row || !canSee(agent, row)) throw new KefuError('canned_reply_not_found');
    return row;
  }
}

export function toCannedReply(row: CannedReplyRow): CannedReply {
  return {
    id: row.id,
    scope: row.scope === 'team' ? 'team' : 'personal',
    teamId: row.team_id,
    ownerAgentId: row.owner_agent_id,
    category: row.category,
    shortcut: row.shortcut,
    title: row.title,
    text: row.text,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

/** Where a new reply goes; a team reply only into a team the agent belongs to (supervisors: any). */
export function placeFor(agent: AuthenticatedAgent, scope: 'personal' | 'team', teamId: string | null) {
  if (scope === 'personal') return { scope, ownerAgentId: agent.id, teamId: null };
  if (!teamId) throw new KefuError('validation_failed', 'A team reply needs its team');
  const teams = teamsSeenBy(agent);
  if (teams !== null && !teams.includes(teamId))
    throw new KefuError('forbidden', 'You can share replies only with your own teams');
  return { scope, ownerAgentId: null, teamId };
}

function teamsSeenBy(agent: AuthenticatedAgent): readonly string[] | null {
  return hasPermission(agent, 'conversations:read_all') ? null : agent.teamIds;
}

function canSee(agent: AuthenticatedAgent, row: CannedReplyRow): boolean {
  if (row.scope === 'personal') return row.owner_agent_id === agent.id;
  const teams = teamsSeenBy(agent);
  return teams === null || (row.team_id !== null && teams.includes(row.team_id));
}

function matchesQuery(row: CannedReplyRow, query: string): boolean {
  const trimmed = query.trim().toLowerCase();
  if (!trimmed) return true;
  if (trimmed.startsWith('/')) return row.shortcut.toLowerCase().startsWith(trimmed.slice(1));
  const haystack = `${row.shortcut} ${row.title} ${row.category} ${row.text}`.toLowerCase();
  return trimmed.split(/\s+/).every((word) => haystack.includes(word));
}
