// The knowledge-base API of the agent console: FAQ entries and articles with their review workflow,
// versions and audit trail, import/export, knowledge gaps, the search test box and conversation suggestions.
// Built on a signed-in KefuAgentClient: `new KefuKnowledgeApi(client)`.
import type { KefuAgentClient } from './agentClient';
import type {
  AnswerCorrectionInput,
  ConversationSuggestions,
  KnowledgeAuditRecord,
  KnowledgeContentInput,
  KnowledgeEntry,
  KnowledgeEntryFilter,
  KnowledgeEntryKind,
  KnowledgeExportRequest,
  KnowledgeGap,
  KnowledgeImportJob,
  KnowledgeImportRequest,
  KnowledgeSearchRequest,
  KnowledgeSearchResult,
  KnowledgeVersion,
} from './agentKnowledgeTypes';
import {
  parseAuditRecord,
  parseConversationSuggestions,
  parseImportJob,
  parseKnowledgeEntry,
  parseKnowledgeGap,
  parseKnowledgeVersion,
  parseSearchResult,
} from './agentKnowledgeWire';
import { readField, readList, readString, requireRecord } from './agentWire';

export type * from './agentKnowledgeTypes';

/** Review steps: submit (knowledge:edit); approve, reject, archive (knowledge:review, not by the author). */
export type KnowledgeWorkflowAction = 'submit' | 'approve' | 'reject' | 'archive';

const entriesPath = '/api/v1/admin/knowledge/entries';

export class KefuKnowledgeApi {
  constructor(private readonly client: KefuAgentClient) {}

  async listEntries(filter: KnowledgeEntryFilter = {}): Promise<KnowledgeEntry[]> {
    const query = toQueryString({ ...filter });
    const body = await this.client.requestJson('GET', `${entriesPath}${query}`);
    return readList(body, 'entries', parseKnowledgeEntry);
  }

  async getEntry(entryId: string): Promise<KnowledgeEntry> {
    return readEntry(await this.client.requestJson('GET', entryPath(entryId)));
  }

  /** A new entry is a draft (version 1) authored by the signed-in agent. */
  async createEntry(kind: KnowledgeEntryKind, content: KnowledgeContentInput): Promise<KnowledgeEntry> {
    return readEntry(await this.client.requestJson('POST', entriesPath, { kind, content }));
  }

  /**
   * Saves content: edits the pending draft, or starts a new draft after the published version. With
   * `baseVersion` (the version the editor loaded) a newer version on the server answers 409 `conflict`.
   */
  async updateEntry(
    entryId: string,
    content: KnowledgeContentInput,
    baseVersion?: number,
  ): Promise<KnowledgeEntry> {
    const body = await this.client.requestJson('PUT', entryPath(entryId), { content, baseVersion });
    return readEntry(body);
  }

  /** Moves the latest version through review; a reviewer approving their own version gets 403 `knowledge_self_review`. */
  async runWorkflow(
    entryId: string,
    action: KnowledgeWorkflowAction,
    note?: string,
  ): Promise<KnowledgeEntry> {
    const payload = note?.trim() ? { note: note.trim() } : {};
    return readEntry(await this.client.requestJson('POST', `${entryPath(entryId)}/${action}`, payload));
  }

  /** Publishes a copy of an earlier version as the newest version. */
  async rollback(entryId: string, version: number): Promise<KnowledgeEntry> {
    const body = await this.client.requestJson('POST', `${entryPath(entryId)}/rollback`, { version });
    return readEntry(body);
  }

  /** Every version, oldest first. */
  async listVersions(entryId: string): Promise<KnowledgeVersion[]> {
    const body = await this.client.requestJson('GET', `${entryPath(entryId)}/versions`);
    return readList(body, 'versions', parseKnowledgeVersion);
  }

  /** The audit trail: who changed what, when. */
  async listHistory(entryId: string): Promise<KnowledgeAuditRecord[]> {
    const body = await this.client.requestJson('GET', `${entryPath(entryId)}/history`);
    return readList(body, 'history', parseAuditRecord);
  }

  async startImport(request: KnowledgeImportRequest): Promise<KnowledgeImportJob> {
    const body = await this.client.requestJson('POST', '/api/v1/admin/knowledge/imports', request);
    return parseImportJob(readField(body, 'job'));
  }

  async getImport(jobId: string): Promise<KnowledgeImportJob> {
    const body = await this.client.requestJson(
      'GET',
      `/api/v1/admin/knowledge/imports/${encodeURIComponent(jobId)}`,
    );
    return parseImportJob(readField(body, 'job'));
  }

  /** Polls a job until it completes or fails, reporting each state (for a progress bar). */
  async waitForImport(
    jobId: string,
    onProgress: (job: KnowledgeImportJob) => void = () => undefined,
    intervalMs = 250,
  ): Promise<KnowledgeImportJob> {
    for (;;) {
      const job = await this.getImport(jobId);
      onProgress(job);
      if (job.status === 'completed' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  /** The export file's text, in a format the importer reads back. */
  exportEntries(request: KnowledgeExportRequest = {}): Promise<string> {
    const query = toQueryString({ format: request.format, status: request.status });
    return this.client.requestText('GET', `/api/v1/admin/knowledge/export${query}`);
  }

  async listGaps(): Promise<KnowledgeGap[]> {
    return readList(
      await this.client.requestJson('GET', '/api/v1/admin/knowledge/gaps'),
      'gaps',
      parseKnowledgeGap,
    );
  }

  /** Turns a gap topic into an FAQ draft (its questions as similar questions, a correction as the answer). */
  async draftFromGap(gapId: string): Promise<KnowledgeEntry> {
    const path = `/api/v1/admin/knowledge/gaps/${encodeURIComponent(gapId)}/draft`;
    return readEntry(await this.client.requestJson('POST', path));
  }

  /** Searches the published knowledge as the bot does, and what it would reply. */
  async search(request: KnowledgeSearchRequest): Promise<KnowledgeSearchResult> {
    const query = toQueryString({ ...request });
    return parseSearchResult(await this.client.requestJson('GET', `/api/v1/admin/knowledge/search${query}`));
  }

  /** Suggested answers to the shopper's latest message in a conversation. */
  async suggestAnswers(conversationId: string): Promise<ConversationSuggestions> {
    const path = `/api/v1/agent/conversations/${encodeURIComponent(conversationId)}/suggestions`;
    return parseConversationSuggestions(await this.client.requestJson('GET', path));
  }

  /** Corrects a bot answer; the correction feeds the knowledge gaps and FAQ drafts. */
  async correctBotAnswer(
    conversationId: string,
    messageId: string,
    correction: AnswerCorrectionInput,
  ): Promise<{ queryId: string }> {
    const path = `/api/v1/agent/conversations/${encodeURIComponent(conversationId)}/messages/${encodeURIComponent(messageId)}/correction`;
    const body = await this.client.requestJson('POST', path, correction);
    return { queryId: readString(requireRecord(body), 'queryId') };
  }
}

function readEntry(body: unknown): KnowledgeEntry {
  return parseKnowledgeEntry(readField(body, 'entry'));
}

function entryPath(entryId: string): string {
  return `${entriesPath}/${encodeURIComponent(entryId)}`;
}

export function toQueryString(parameters: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
