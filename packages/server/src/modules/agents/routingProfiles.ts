import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { parseJsonColumn } from '../../db/json';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import type { RoutingAgent } from '../routing';
import type { AgentSkills } from '../routing/schemas';
import { agentSkillsSchema } from '../routing/schemas';
import * as agentsRepo from './repo';
import * as routingRepo from './routingRepo';

export interface AgentRoutingProfile {
  agentId: string;
  /** Concurrent conversations; null uses the routing default. */
  capacity: number | null;
  skills: AgentSkills;
  teamIds: string[];
}

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
  createdAt: string;
}

const noSkills: AgentSkills = { categories: [], languages: [], channels: [], productLines: [] };

/** Agents as routing sees them: skills, capacity, teams, and who is online now. */
export class AgentRoutingDirectory {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async getProfile(agentId: string): Promise<AgentRoutingProfile> {
    if (!(await agentsRepo.findAgentById(this.db, agentId))) throw new KefuError('agent_not_found');
    const row = await routingRepo.findProfile(this.db, agentId);
    const memberships = await routingRepo.listMemberships(this.db);
    return {
      agentId,
      capacity: row && row.capacity > 0 ? row.capacity : null,
      skills: row ? parseJsonColumn(row.skills, agentSkillsSchema) : noSkills,
      teamIds: memberships
        .filter((membership) => membership.agent_id === agentId)
        .map((membership) => membership.team_id),
    };
  }

  async setProfile(
    agentId: string,
    input: { capacity: number | null; skills: AgentSkills },
    actorId: string,
  ): Promise<AgentRoutingProfile> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      if (!(await agentsRepo.findAgentById(trx, agentId))) throw new KefuError('agent_not_found');
      await routingRepo.upsertProfile(trx, {
        agent_id: agentId,
        capacity: input.capacity ?? 0,
        skills: JSON.stringify(input.skills),
        updated_at: now.toISOString(),
      });
      await recordAudit(
        trx,
        {
          actorType: 'agent',
          actorId,
          action: 'agent.routing_profile_set',
          targetType: 'agent',
          targetId: agentId,
          data: input,
        },
        now,
      );
    });
    return this.getProfile(agentId);
  }

  async listTeams(): Promise<Team[]> {
    const [teams, memberships] = await Promise.all([
      routingRepo.listTeams(this.db),
      routingRepo.listMemberships(this.db),
    ]);
    return teams.map((team) => ({
      id: team.id,
      name: team.name,
      memberIds: memberships
        .filter((membership) => membership.team_id === team.id)
        .map((membership) => membership.agent_id),
      createdAt: team.created_at,
    }));
  }

  async requireTeam(teamId: string): Promise<Team> {
    const team = (await this.listTeams()).find((candidate) => candidate.id === teamId);
    if (!team) throw new KefuError('team_not_found');
    return team;
  }

  async saveTeam(
    teamId: string | null,
    input: { name: string; memberIds: string[] },
    actorId: string,
  ): Promise<Team> {
    const now = this.clock.now().toISOString();
    const id = teamId ?? newId('team');
    await this.db.transaction().execute(async (trx) => {
      const sameName = await routingRepo.findTeamByName(trx, input.name);
      if (sameName && sameName.id !== id) throw new KefuError('team_name_taken');
      for (const memberId of input.memberIds)
        if (!(await agentsRepo.findAgentById(trx, memberId))) throw new KefuError('agent_not_found');
      if (teamId) {
        if (!(await routingRepo.findTeam(trx, teamId))) throw new KefuError('team_not_found');
        await routingRepo.renameTeam(trx, teamId, input.name, now);
      } else {
        await routingRepo.insertTeam(trx, { id, name: input.name, created_at: now, updated_at: now });
      }
      await routingRepo.replaceTeamMembers(trx, id, [...new Set(input.memberIds)], now);
      await recordAudit(
        trx,
        {
          actorType: 'agent',
          actorId,
          action: teamId ? 'team.updated' : 'team.created',
          targetType: 'team',
          targetId: id,
          data: input,
        },
        this.clock.now(),
      );
    });
    return this.requireTeam(id);
  }

  /** Online agents as routing inputs, with `load` left at 0 for the caller to fill. */
  async loadOnlineAgents(defaultCapacity: number): Promise<RoutingAgent[]> {
    const [rows, memberships] = await Promise.all([
      routingRepo.listAgentsForRouting(this.db, ['online']),
      routingRepo.listMemberships(this.db),
    ]);
    const teamsByAgent = new Map<string, Set<string>>();
    for (const membership of memberships) {
      const teams = teamsByAgent.get(membership.agent_id) ?? new Set<string>();
      teams.add(membership.team_id);
      teamsByAgent.set(membership.agent_id, teams);
    }
    return rows.map((row) => {
      const skills = row.skills ? parseJsonColumn(row.skills, agentSkillsSchema) : noSkills;
      return {
        id: row.id,
        capacity: row.capacity && row.capacity > 0 ? row.capacity : defaultCapacity,
        load: 0,
        categories: new Set(skills.categories),
        languages: new Set(skills.languages),
        channels: new Set<string>(skills.channels),
        productLines: new Set(skills.productLines),
        teamIds: teamsByAgent.get(row.id) ?? new Set<string>(),
        lastAssignedAt: row.last_assigned_at ? Date.parse(row.last_assigned_at) : 0,
      };
    });
  }

  async isOnline(agentId: string): Promise<boolean> {
    const row = await agentsRepo.findAgentById(this.db, agentId);
    return row?.presence === 'online' && row.is_active === 1;
  }
}
