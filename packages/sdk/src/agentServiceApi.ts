// Typed calls of the human-service APIs — handoff summary, classification, transfer, queue and pull,
// tickets with SLA, SLA policies, teams and skills, routing and handoff settings, CSAT — over an agent
// client's session: `new KefuServiceApi(agentClient).listQueue()`.
import type { KefuAgentClient } from './agentClient';
import type {
  AgentDirectory,
  AgentSkills,
  ClassificationOverride,
  CsatOverview,
  HandoffSettings,
  HandoffSettingsListing,
  HandoffSummary,
  NewTicketInput,
  QueueListing,
  RoutingCheckReport,
  RoutingProfile,
  RoutingSettings,
  SlaEvaluation,
  SlaPolicy,
  SlaPolicyInput,
  Team,
  TeamInput,
  Ticket,
  TicketDetail,
  TicketFilter,
  TicketLinkKind,
  TicketPatch,
  TransferInput,
} from './agentServiceTypes';
import {
  parseAgentDirectory,
  parseCsatSurvey,
  parseHandoffSettings,
  parseHandoffSummary,
  parseQueueEntry,
  parseRoutingProfile,
  parseRoutingSettings,
  parseSlaPolicy,
  parseTeam,
  parseTicket,
  parseTicketDetail,
  readNullableNumberField,
  readNumberField,
  readStringField,
  readStringList,
} from './agentServiceWire';
import { parseConversation, readField, readList } from './agentWire';
import type { Conversation } from './types';

export type * from './agentServiceTypes';

export class KefuServiceApi {
  constructor(private readonly client: Pick<KefuAgentClient, 'requestJson'>) {}

  async getHandoffSummary(conversationId: string): Promise<HandoffSummary> {
    const body = await this.client.requestJson('GET', `${conversationPath(conversationId)}/summary`);
    return parseHandoffSummary(readField(body, 'summary'));
  }

  /** Supervisors and admins: override the category and/or the priority. */
  async overrideClassification(
    conversationId: string,
    change: ClassificationOverride,
  ): Promise<Conversation> {
    const path = `${conversationPath(conversationId)}/classification`;
    return parseConversation(readField(await this.client.requestJson('PUT', path, change), 'conversation'));
  }

  /** To an agent (assigned at once) or a team (queued for it), with an optional note. */
  async transferConversation(conversationId: string, transfer: TransferInput): Promise<Conversation> {
    const path = `${conversationPath(conversationId)}/transfer`;
    return parseConversation(
      readField(await this.client.requestJson('POST', path, transfer), 'conversation'),
    );
  }

  /** Colleagues (name, role, presence) and teams; every agent may read it. */
  async getDirectory(): Promise<AgentDirectory> {
    return parseAgentDirectory(await this.client.requestJson('GET', '/api/v1/agent/directory'));
  }

  /** Waiting conversations in queue order: priority, then waiting time. */
  async listQueue(limit = 100): Promise<QueueListing> {
    const body = await this.client.requestJson('GET', `/api/v1/agent/queue?limit=${limit}`);
    return { entries: readList(body, 'entries', parseQueueEntry), total: readNumberField(body, 'total') };
  }

  /** Takes the next waiting conversation matching the agent's skills (404 when none). */
  async pullNext(): Promise<Conversation> {
    const body = await this.client.requestJson('POST', '/api/v1/agent/queue/pull');
    return parseConversation(readField(body, 'conversation'));
  }

  async listTickets(filter: TicketFilter = {}): Promise<Ticket[]> {
    const query = new URLSearchParams();
    if (filter.status && filter.status.length > 0) query.set('status', filter.status.join(','));
    if (filter.assignee) query.set('assignee', filter.assignee);
    if (filter.teamId) query.set('teamId', filter.teamId);
    if (filter.customerId) query.set('customerId', filter.customerId);
    if (filter.overdue !== undefined) query.set('overdue', String(filter.overdue));
    if (filter.limit !== undefined) query.set('limit', String(filter.limit));
    const text = query.toString();
    const body = await this.client.requestJson('GET', `/api/v1/agent/tickets${text ? `?${text}` : ''}`);
    return readList(body, 'tickets', parseTicket);
  }

  /** A ticket with links, comments, history and SLA targets. */
  async getTicket(ticketId: string): Promise<TicketDetail> {
    return parseTicketDetail(readField(await this.client.requestJson('GET', ticketPath(ticketId)), 'ticket'));
  }

  async createTicket(input: NewTicketInput): Promise<Ticket> {
    return parseTicket(
      readField(await this.client.requestJson('POST', '/api/v1/agent/tickets', input), 'ticket'),
    );
  }

  /** Status (open → pending → on_hold → solved → closed, reopen), assignee, team, priority, category, subject. */
  async updateTicket(ticketId: string, patch: TicketPatch): Promise<Ticket> {
    return parseTicket(
      readField(await this.client.requestJson('PATCH', ticketPath(ticketId), patch), 'ticket'),
    );
  }

  /** An internal comment, or a public reply (`internal: false`) that also reaches the shopper. */
  async commentOnTicket(ticketId: string, comment: { body: string; internal: boolean }): Promise<Ticket> {
    const body = await this.client.requestJson('POST', `${ticketPath(ticketId)}/comments`, comment);
    return parseTicket(readField(body, 'ticket'));
  }

  async linkTicket(
    ticketId: string,
    link: { kind: TicketLinkKind; targetId: string },
  ): Promise<TicketDetail> {
    const body = await this.client.requestJson('POST', `${ticketPath(ticketId)}/links`, link);
    return parseTicketDetail(readField(body, 'ticket'));
  }

  async listSlaPolicies(): Promise<SlaPolicy[]> {
    return readList(await this.client.requestJson('GET', slaPoliciesPath), 'policies', parseSlaPolicy);
  }

  async createSlaPolicy(input: SlaPolicyInput): Promise<SlaPolicy> {
    const body = await this.client.requestJson('POST', slaPoliciesPath, toSlaPolicyInput(input));
    return parseSlaPolicy(readField(body, 'policy'));
  }

  async updateSlaPolicy(policyId: string, input: SlaPolicyInput): Promise<SlaPolicy> {
    const body = await this.client.requestJson(
      'PUT',
      `${slaPoliciesPath}/${encodeURIComponent(policyId)}`,
      toSlaPolicyInput(input),
    );
    return parseSlaPolicy(readField(body, 'policy'));
  }

  async deleteSlaPolicy(policyId: string): Promise<void> {
    await this.client.requestJson('DELETE', `${slaPoliciesPath}/${encodeURIComponent(policyId)}`);
  }

  /** Runs the SLA evaluator now (the server does it every 15 s). */
  async evaluateSla(): Promise<SlaEvaluation> {
    const body = await this.client.requestJson('POST', '/api/v1/admin/sla/evaluate');
    return { warnings: readNumberField(body, 'warnings'), breaches: readNumberField(body, 'breaches') };
  }

  async listTeams(): Promise<Team[]> {
    return readList(await this.client.requestJson('GET', '/api/v1/admin/teams'), 'teams', parseTeam);
  }

  async createTeam(input: TeamInput): Promise<Team> {
    return parseTeam(readField(await this.client.requestJson('POST', '/api/v1/admin/teams', input), 'team'));
  }

  async updateTeam(teamId: string, input: TeamInput): Promise<Team> {
    const body = await this.client.requestJson(
      'PUT',
      `/api/v1/admin/teams/${encodeURIComponent(teamId)}`,
      input,
    );
    return parseTeam(readField(body, 'team'));
  }

  /** The signed-in agent's own skills, capacity and teams. */
  async getMyRoutingProfile(): Promise<RoutingProfile> {
    const body = await this.client.requestJson('GET', '/api/v1/agent/routing-profile');
    return parseRoutingProfile(readField(body, 'profile'));
  }

  async getAgentRouting(agentId: string): Promise<RoutingProfile> {
    return parseRoutingProfile(
      readField(await this.client.requestJson('GET', agentRoutingPath(agentId)), 'profile'),
    );
  }

  /** Skills (empty = any) and capacity (null = the default) of an agent. */
  async setAgentRouting(
    agentId: string,
    input: { capacity: number | null; skills: AgentSkills },
  ): Promise<RoutingProfile> {
    const body = await this.client.requestJson('PUT', agentRoutingPath(agentId), input);
    return parseRoutingProfile(readField(body, 'profile'));
  }

  async getRoutingSettings(): Promise<RoutingSettings> {
    const body = await this.client.requestJson('GET', routingSettingsPath);
    return parseRoutingSettings(readField(body, 'settings'));
  }

  async updateRoutingSettings(settings: RoutingSettings): Promise<RoutingSettings> {
    const body = await this.client.requestJson('PUT', routingSettingsPath, settings);
    return parseRoutingSettings(readField(body, 'settings'));
  }

  /** The no-orphan check, re-prioritisation and dispatch, now. */
  async runRoutingCheck(): Promise<RoutingCheckReport> {
    const report = readField(await this.client.requestJson('POST', '/api/v1/admin/routing/check'), 'report');
    return {
      checkedAt: readStringField(report, 'checkedAt'),
      staleEntriesRemoved: readNumberField(report, 'staleEntriesRemoved'),
      queuedWithoutEntryRestored: readNumberField(report, 'queuedWithoutEntryRestored'),
      requeuedFromUnavailableAgents: readNumberField(report, 'requeuedFromUnavailableAgents'),
      orphansRemaining: readNumberField(report, 'orphansRemaining'),
    };
  }

  async getHandoffSettings(): Promise<HandoffSettingsListing> {
    const body = await this.client.requestJson('GET', handoffSettingsPath);
    return {
      settings: parseHandoffSettings(readField(body, 'settings')),
      categories: readStringList(body, 'categories'),
    };
  }

  async updateHandoffSettings(settings: HandoffSettings): Promise<HandoffSettings> {
    const body = await this.client.requestJson('PUT', handoffSettingsPath, settings);
    return parseHandoffSettings(readField(body, 'settings'));
  }

  /** Recent satisfaction surveys (answered or not) and the average rating. */
  async getCsatOverview(limit = 100): Promise<CsatOverview> {
    const body = await this.client.requestJson('GET', `/api/v1/admin/csat?limit=${limit}`);
    return {
      surveys: readList(body, 'surveys', parseCsatSurvey),
      averageRating: readNullableNumberField(body, 'averageRating'),
    };
  }
}

const slaPoliciesPath = '/api/v1/admin/sla/policies';
const routingSettingsPath = '/api/v1/admin/routing/settings';
const handoffSettingsPath = '/api/v1/admin/handoff/settings';

/** Only the writable fields, so a listed policy can be edited and sent back as it is. */
function toSlaPolicyInput(policy: SlaPolicyInput): SlaPolicyInput {
  return {
    name: policy.name,
    position: policy.position,
    matchPriority: policy.matchPriority,
    matchCategory: policy.matchCategory,
    matchChannel: policy.matchChannel,
    firstResponseMinutes: policy.firstResponseMinutes,
    nextResponseMinutes: policy.nextResponseMinutes,
    resolutionMinutes: policy.resolutionMinutes,
    warningMinutes: policy.warningMinutes,
    businessHoursOnly: policy.businessHoursOnly,
    enabled: policy.enabled,
  };
}

function conversationPath(conversationId: string): string {
  return `/api/v1/agent/conversations/${encodeURIComponent(conversationId)}`;
}

function ticketPath(ticketId: string): string {
  return `/api/v1/agent/tickets/${encodeURIComponent(ticketId)}`;
}

function agentRoutingPath(agentId: string): string {
  return `/api/v1/admin/agents/${encodeURIComponent(agentId)}/routing`;
}
