import { z } from 'zod';
import type { Clock } from '../../clock';
import type { Db, DbExecutor } from '../../db/database';
import { parseJsonColumn } from '../../db/json';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import * as experimentsRepo from './repo';
import type { ExperimentRow } from './repo';
import { summariseExperimentResults } from './results';
import type {
  Experiment,
  ExperimentInput,
  ExperimentPatch,
  ExperimentResults,
  ExperimentScript,
  ExperimentVariant,
} from './schemas';
import { experimentSchema, storedVariantSchema } from './schemas';

/**
 * The scripts an experiment may target, as the modules that own them describe them, and the one write an
 * experiment makes to them: promoting a winning text. Implemented in the composition root over those modules'
 * public services, so this module never reads their tables.
 */
export interface ExperimentScriptCatalog {
  listScripts(): Promise<ExperimentScript[]>;
  promote(scriptKey: string, texts: { zh: string; en: string }, actorId: string): Promise<void>;
}

const variantKeys = ['A', 'B', 'C', 'D'];

/** A/B tests of the bot's reply scripts: drafts, start and stop, results, promotion of the winner. */
export class ExperimentService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly scripts: ExperimentScriptCatalog,
  ) {}

  async listScripts(): Promise<ExperimentScript[]> {
    return this.scripts.listScripts();
  }

  async list(): Promise<Experiment[]> {
    return (await experimentsRepo.listExperimentRows(this.db)).map(toExperiment);
  }

  async get(experimentId: string): Promise<Experiment> {
    return toExperiment(await requireExperimentRow(this.db, experimentId));
  }

  async create(input: ExperimentInput, actorId: string): Promise<Experiment> {
    await this.requireScript(input.scriptKey);
    const variants = buildVariants(input.variants);
    const timestamp = this.clock.now().toISOString();
    const row: ExperimentRow = {
      id: newId('exp'),
      name: input.name,
      script_key: input.scriptKey,
      metric: input.metric,
      status: 'draft',
      variants: JSON.stringify(variants),
      winner_key: null,
      created_by: actorId,
      created_at: timestamp,
      updated_at: timestamp,
      started_at: null,
      stopped_at: null,
      promoted_at: null,
    };
    await this.db.transaction().execute(async (trx) => {
      await experimentsRepo.insertExperimentRow(trx, row);
      await this.audit(trx, actorId, 'experiment.created', row.id, {
        name: input.name,
        scriptKey: input.scriptKey,
      });
    });
    return toExperiment(row);
  }

  /** A draft's name, script, metric and variants; a started experiment keeps what its shoppers saw. */
  async update(experimentId: string, patch: ExperimentPatch, actorId: string): Promise<Experiment> {
    if (patch.scriptKey !== undefined) await this.requireScript(patch.scriptKey);
    const variants = patch.variants === undefined ? undefined : buildVariants(patch.variants);
    const updated = await this.db.transaction().execute(async (trx) => {
      const existing = await requireExperimentRow(trx, experimentId);
      if (existing.status !== 'draft') throw new KefuError('experiment_not_editable');
      const row = await experimentsRepo.updateExperimentRow(trx, experimentId, {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.scriptKey !== undefined && { script_key: patch.scriptKey }),
        ...(patch.metric !== undefined && { metric: patch.metric }),
        ...(variants !== undefined && { variants: JSON.stringify(variants) }),
        updated_at: this.clock.now().toISOString(),
      });
      if (!row) throw new KefuError('experiment_not_found');
      await this.audit(trx, actorId, 'experiment.updated', experimentId, { changes: patch });
      return row;
    });
    return toExperiment(updated);
  }

  /** Draft → running; refused while another experiment runs on the same script (the unique index decides). */
  async start(experimentId: string, actorId: string): Promise<Experiment> {
    const existing = await requireExperimentRow(this.db, experimentId);
    if (existing.status !== 'draft') throw new KefuError('experiment_invalid_transition');
    await this.requireScript(existing.script_key);
    if (await experimentsRepo.findRunningExperimentRow(this.db, existing.script_key))
      throw new KefuError('experiment_script_busy');
    const timestamp = this.clock.now().toISOString();
    try {
      return await this.transition(experimentId, 'draft', actorId, 'experiment.started', {
        status: 'running',
        started_at: timestamp,
        updated_at: timestamp,
      });
    } catch (error) {
      if (error instanceof KefuError) throw error;
      if (await experimentsRepo.findRunningExperimentRow(this.db, existing.script_key))
        throw new KefuError('experiment_script_busy');
      throw error;
    }
  }

  /** Running → stopped: the bot says the script's own text again. A winner may be named now or never. */
  async stop(experimentId: string, winnerKey: string | undefined, actorId: string): Promise<Experiment> {
    const existing = await requireExperimentRow(this.db, experimentId);
    if (winnerKey !== undefined && !parseVariants(existing).some((variant) => variant.key === winnerKey))
      throw new KefuError('experiment_winner_invalid');
    const timestamp = this.clock.now().toISOString();
    return this.transition(experimentId, 'running', actorId, 'experiment.stopped', {
      status: 'stopped',
      stopped_at: timestamp,
      updated_at: timestamp,
      winner_key: winnerKey ?? null,
    });
  }

  /** Writes the winning variant's texts into the script through its owner (which audits the change too). */
  async promote(experimentId: string, actorId: string): Promise<Experiment> {
    const existing = await requireExperimentRow(this.db, experimentId);
    const winner = parseVariants(existing).find((variant) => variant.key === existing.winner_key);
    if (existing.status !== 'stopped' || existing.promoted_at || !winner || winner.control)
      throw new KefuError('experiment_promotion_unavailable');
    const script = await this.requireScript(existing.script_key);
    if (!script.promotable) throw new KefuError('experiment_promotion_unavailable');
    await this.scripts.promote(
      existing.script_key,
      { zh: winner.textZh ?? '', en: winner.textEn ?? '' },
      actorId,
    );
    const timestamp = this.clock.now().toISOString();
    return this.transition(experimentId, 'stopped', actorId, 'experiment.promoted', {
      promoted_at: timestamp,
      updated_at: timestamp,
    });
  }

  async results(experimentId: string): Promise<ExperimentResults> {
    const experiment = await this.get(experimentId);
    const counts = await experimentsRepo.countOutcomesByVariant(this.db, experimentId);
    return summariseExperimentResults(experiment, counts);
  }

  private async transition(
    experimentId: string,
    from: Experiment['status'],
    actorId: string,
    action: string,
    changes: Parameters<typeof experimentsRepo.updateExperimentRow>[2],
  ): Promise<Experiment> {
    const updated = await this.db.transaction().execute(async (trx) => {
      const existing = await requireExperimentRow(trx, experimentId);
      if (existing.status !== from) throw new KefuError('experiment_invalid_transition');
      const row = await experimentsRepo.updateExperimentRow(trx, experimentId, changes);
      if (!row) throw new KefuError('experiment_not_found');
      await this.audit(trx, actorId, action, experimentId, {
        ...(changes.winner_key && { winnerKey: changes.winner_key }),
      });
      return row;
    });
    return toExperiment(updated);
  }

  private async requireScript(scriptKey: string): Promise<ExperimentScript> {
    const script = (await this.scripts.listScripts()).find((candidate) => candidate.key === scriptKey);
    if (!script) throw new KefuError('experiment_script_not_found');
    return script;
  }

  private async audit(
    db: DbExecutor,
    actorId: string,
    action: string,
    experimentId: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await recordAudit(
      db,
      { actorType: 'agent', actorId, action, targetType: 'experiment', targetId: experimentId, data },
      this.clock.now(),
    );
  }
}

export async function requireExperimentRow(db: DbExecutor, experimentId: string): Promise<ExperimentRow> {
  const row = await experimentsRepo.findExperimentRow(db, experimentId);
  if (!row) throw new KefuError('experiment_not_found');
  return row;
}

export function parseVariants(row: ExperimentRow): ExperimentVariant[] {
  return parseJsonColumn(row.variants, z.array(storedVariantSchema));
}

export function toExperiment(row: ExperimentRow): Experiment {
  return experimentSchema.parse({
    id: row.id,
    name: row.name,
    scriptKey: row.script_key,
    metric: row.metric,
    status: row.status,
    variants: parseVariants(row),
    winnerKey: row.winner_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    startedAt: row.started_at,
    stoppedAt: row.stopped_at,
    promotedAt: row.promoted_at,
  });
}

/** The control first, without text (it says the script's current text); 2–4 variants; weights that make 100 %. */
function buildVariants(inputs: ExperimentInput['variants']): ExperimentVariant[] {
  if (inputs.length < 2 || inputs.length > variantKeys.length)
    throw new KefuError(
      'experiment_variants_invalid',
      'An experiment needs 2 to 4 variants, the control first',
    );
  const variants = inputs.map((input, index) => ({
    key: variantKeys[index] ?? `V${index}`,
    name: input.name,
    weight: input.weight,
    control: index === 0,
    textZh: index === 0 ? null : input.textZh || null,
    textEn: index === 0 ? null : input.textEn || null,
  }));
  const [control, ...challengers] = inputs;
  if (control?.textZh || control?.textEn)
    throw new KefuError(
      'experiment_variants_invalid',
      'The control says the script\u2019s current text: give it no text',
    );
  if (challengers.some((challenger) => !challenger.textZh || !challenger.textEn))
    throw new KefuError(
      'experiment_variants_invalid',
      'Every variant after the control needs a Chinese and an English text',
    );
  const totalWeight = variants.reduce((sum, variant) => sum + variant.weight, 0);
  if (variants.some((variant) => variant.weight < 1 || variant.weight > 99) || totalWeight !== 100)
    throw new KefuError('experiment_weights_invalid');
  return variants;
}
