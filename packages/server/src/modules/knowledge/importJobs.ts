import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { parseJsonColumn } from '../../db/json';
import { KefuError } from '../../errors';
import type { UnitOfWork } from '../../events/outbox';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import type { ExportedEntry } from './exportFormats';
import { parseContent } from './entryMappers';
import type { ImportItem } from './importFormats';
import { parseImport } from './importFormats';
import * as knowledgeRepo from './repo';
import type { ImportJobRow } from './repo';
import type { ImportFormat, ImportJob } from './schemas';
import { entryKindSchema, importFormatSchema, importJobSchema } from './schemas';
import type { KnowledgeActor, KnowledgeService } from './service';

const errorListSchema = z.array(z.object({ row: z.number(), message: z.string() }));
const idListSchema = z.array(z.string());
/** A job whose runner has not written for this long is taken over (the process died mid-import). */
const staleRunnerMs = 60_000;

/**
 * Imports run as jobs polled by id. Each row commits in its own transaction together with the job's
 * counters, so a good row is imported whole, a bad row is reported, and a job cut off by a crash resumes
 * after the last committed row without importing anything twice.
 */
export class KnowledgeImportService {
  private readonly running = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly unitOfWork: UnitOfWork,
    private readonly knowledge: KnowledgeService,
    private readonly clock: Clock,
    private readonly logger: FastifyBaseLogger,
  ) {}

  async startImport(
    actor: KnowledgeActor,
    input: { format: ImportFormat; content: string; submitForReview: boolean },
  ): Promise<ImportJob> {
    const timestamp = this.clock.now().toISOString();
    const row: ImportJobRow = {
      id: newId('kbi'),
      format: input.format,
      status: 'pending',
      payload: input.content,
      submit_for_review: input.submitForReview ? 1 : 0,
      total_rows: 0,
      processed_rows: 0,
      imported_count: 0,
      failed_count: 0,
      errors: '[]',
      entry_ids: '[]',
      created_by: actor.id,
      created_at: timestamp,
      updated_at: timestamp,
      finished_at: null,
    };
    await knowledgeRepo.insertImportJob(this.db, row);
    this.runInBackground(row.id);
    return toImportJob(row);
  }

  async getJob(jobId: string): Promise<ImportJob> {
    const row = await knowledgeRepo.findImportJob(this.db, jobId);
    if (!row) throw new KefuError('knowledge_import_not_found');
    return toImportJob(row);
  }

  /** Picks up jobs a previous process left unfinished. */
  async resumeUnfinished(): Promise<void> {
    for (const row of await knowledgeRepo.listUnfinishedImportJobs(this.db)) this.runInBackground(row.id);
  }

  async exportEntries(status: 'published' | 'all'): Promise<ExportedEntry[]> {
    if (status === 'published') {
      const rows = await knowledgeRepo.listPublishedVersions(this.db);
      return rows.map((row) => ({
        id: row.entry_id,
        kind: entryKindSchema.parse(row.kind),
        content: parseContent(row.content),
      }));
    }
    const entries = await this.knowledge.listEntries({ limit: 100_000, offset: 0 });
    return entries.map((entry) => ({ id: entry.id, kind: entry.kind, content: entry.latest.content }));
  }

  /** Resolves when the job has finished; used by the runner and by tests that need not poll. */
  async runJob(jobId: string): Promise<void> {
    if (this.running.has(jobId) || !(await this.claim(jobId))) return;
    this.running.add(jobId);
    try {
      const job = await knowledgeRepo.findImportJob(this.db, jobId);
      if (!job) return;
      const items = parseImport(importFormatSchema.parse(job.format), job.payload);
      await knowledgeRepo.updateImportJob(this.db, jobId, { total_rows: items.length });
      const importedIds: string[] = [];
      for (const item of items.slice(job.processed_rows)) {
        const entryId = await this.importRow(job, item);
        if (entryId) importedIds.push(entryId);
      }
      await this.knowledge.refreshIndex(importedIds);
      const now = this.clock.now().toISOString();
      await knowledgeRepo.updateImportJob(this.db, jobId, {
        status: 'completed',
        updated_at: now,
        finished_at: now,
      });
    } catch (error) {
      this.logger.error({ err: error, jobId }, 'knowledge import failed');
      const now = this.clock.now().toISOString();
      await knowledgeRepo.updateImportJob(this.db, jobId, {
        status: 'failed',
        updated_at: now,
        finished_at: now,
      });
    } finally {
      this.running.delete(jobId);
    }
  }

  private runInBackground(jobId: string): void {
    setImmediate(() => {
      this.runJob(jobId).catch((error: unknown) =>
        this.logger.error({ err: error, jobId }, 'knowledge import crashed'),
      );
    });
  }

  /** Only one runner holds a job: pending, or running but silent for a minute (its process died). */
  private async claim(jobId: string): Promise<boolean> {
    const now = this.clock.now();
    const staleBefore = new Date(now.getTime() - staleRunnerMs).toISOString();
    const claimed = await this.db
      .updateTable('knowledge_import_jobs')
      .set({ status: 'running', updated_at: now.toISOString() })
      .where('id', '=', jobId)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([eb('status', '=', 'running'), eb('updated_at', '<', staleBefore)]),
        ]),
      )
      .executeTakeFirst();
    return Number(claimed.numUpdatedRows) === 1;
  }

  /** One row, one transaction: the entry and the job's counters commit together or not at all. */
  private async importRow(job: ImportJobRow, item: ImportItem): Promise<string | null> {
    const actor: KnowledgeActor = { id: job.created_by };
    const status = job.submit_for_review === 1 ? 'in_review' : 'draft';
    try {
      return await this.unitOfWork.run(async (context) => {
        const current = await knowledgeRepo.findImportJob(context.trx, job.id);
        if (!current) throw new KefuError('knowledge_import_not_found');
        if (!item.ok) throw new RowError(item.message);
        const entry = item.id
          ? await this.knowledge.updateEntryIn(context, actor, item.id, item.content, status)
          : await this.knowledge.createEntryIn(context, actor, item.kind, item.content, status);
        await knowledgeRepo.updateImportJob(context.trx, job.id, {
          processed_rows: current.processed_rows + 1,
          imported_count: current.imported_count + 1,
          entry_ids: JSON.stringify([...parseJsonColumn(current.entry_ids, idListSchema), entry.id]),
          updated_at: context.now.toISOString(),
        });
        await recordAudit(
          context.trx,
          {
            actorType: actor.id ? 'agent' : 'system',
            actorId: actor.id,
            action: 'knowledge.imported',
            targetType: 'knowledge_entry',
            targetId: entry.id,
            data: { jobId: job.id, row: item.row },
          },
          context.now,
        );
        return entry.id;
      });
    } catch (error) {
      if (!(error instanceof RowError) && !(error instanceof KefuError)) throw error;
      await this.recordRowFailure(job.id, item.row, error.message);
      return null;
    }
  }

  private async recordRowFailure(jobId: string, row: number, message: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const current = await knowledgeRepo.findImportJob(trx, jobId);
      if (!current) return;
      const errors = [...parseJsonColumn(current.errors, errorListSchema), { row, message }];
      await knowledgeRepo.updateImportJob(trx, jobId, {
        processed_rows: current.processed_rows + 1,
        failed_count: current.failed_count + 1,
        errors: JSON.stringify(errors),
        updated_at: this.clock.now().toISOString(),
      });
    });
  }
}

class RowError extends Error {}

function toImportJob(row: ImportJobRow): ImportJob {
  return importJobSchema.parse({
    id: row.id,
    format: row.format,
    status: row.status,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    importedCount: row.imported_count,
    failedCount: row.failed_count,
    progress:
      row.total_rows === 0 ? (row.status === 'completed' ? 1 : 0) : row.processed_rows / row.total_rows,
    errors: parseJsonColumn(row.errors, errorListSchema),
    entryIds: parseJsonColumn(row.entry_ids, idListSchema),
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  });
}
