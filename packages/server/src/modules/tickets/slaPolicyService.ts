import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import * as ticketsRepo from './repo';
import type { SlaPolicyRow } from './repo';
import type { SlaPolicy, SlaPolicyInput } from './schemas';
import { defaultSlaPolicies, toSlaPolicy } from './sla';

/** SLA policies, managed by supervisors and admins; the first matching policy by position applies. */
export class SlaPolicyService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async seedDefaultsIfEmpty(): Promise<void> {
    if ((await ticketsRepo.listPolicies(this.db)).length > 0) return;
    let position = 10;
    for (const policy of defaultSlaPolicies) {
      await this.create(
        {
          name: policy.name,
          position,
          matchPriority: policy.matchPriority,
          matchCategory: null,
          matchChannel: null,
          firstResponseMinutes: policy.firstResponseMinutes,
          nextResponseMinutes: policy.nextResponseMinutes,
          resolutionMinutes: policy.resolutionMinutes,
          warningMinutes: 15,
          businessHoursOnly: true,
          enabled: true,
        },
        null,
      );
      position += 10;
    }
  }

  async list(): Promise<SlaPolicy[]> {
    return (await ticketsRepo.listPolicies(this.db)).map(toSlaPolicy);
  }

  async create(input: SlaPolicyInput, actorId: string | null): Promise<SlaPolicy> {
    const timestamp = this.clock.now().toISOString();
    const row: SlaPolicyRow = {
      id: newId('sla'),
      ...toColumns(input),
      created_at: timestamp,
      updated_at: timestamp,
    };
    await this.db.transaction().execute(async (trx) => {
      await ticketsRepo.insertPolicy(trx, row);
      await this.audit(trx, actorId, 'sla_policy.created', row.id, input);
    });
    return toSlaPolicy(row);
  }

  async update(policyId: string, input: SlaPolicyInput, actorId: string): Promise<SlaPolicy> {
    await this.db.transaction().execute(async (trx) => {
      if (!(await ticketsRepo.findPolicy(trx, policyId))) throw new KefuError('sla_policy_not_found');
      await ticketsRepo.updatePolicy(trx, policyId, {
        ...toColumns(input),
        updated_at: this.clock.now().toISOString(),
      });
      await this.audit(trx, actorId, 'sla_policy.updated', policyId, input);
    });
    const row = await ticketsRepo.findPolicy(this.db, policyId);
    if (!row) throw new KefuError('sla_policy_not_found');
    return toSlaPolicy(row);
  }

  async remove(policyId: string, actorId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (!(await ticketsRepo.findPolicy(trx, policyId))) throw new KefuError('sla_policy_not_found');
      await ticketsRepo.deletePolicy(trx, policyId);
      await this.audit(trx, actorId, 'sla_policy.deleted', policyId, {});
    });
  }

  private async audit(
    trx: Parameters<typeof recordAudit>[0],
    actorId: string | null,
    action: string,
    policyId: string,
    data: object,
  ) {
    await recordAudit(
      trx,
      {
        actorType: actorId ? 'agent' : 'system',
        actorId,
        action,
        targetType: 'sla_policy',
        targetId: policyId,
        data: { ...data },
      },
      this.clock.now(),
    );
  }
}

function toColumns(input: SlaPolicyInput): Omit<SlaPolicyRow, 'id' | 'created_at' | 'updated_at'> {
  return {
    name: input.name,
    position: input.position,
    match_priority: input.matchPriority,
    match_category: input.matchCategory,
    match_channel: input.matchChannel,
    first_response_minutes: input.firstResponseMinutes,
    next_response_minutes: input.nextResponseMinutes,
    resolution_minutes: input.resolutionMinutes,
    warning_minutes: input.warningMinutes,
    business_hours_only: input.businessHoursOnly ? 1 : 0,
    enabled: input.enabled ? 1 : 0,
  };
}
