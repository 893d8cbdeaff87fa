import type { DbExecutor } from '../../db/database';
import { newId } from '../../ids';
import type { BusinessHours } from '../routing';
import * as ticketsRepo from './repo';
import type { TicketRow } from './repo';
import type { SlaTargetKind } from './schemas';
import { computeSlaTimes, selectSlaPolicy, targetMinutes } from './sla';

// SLA target writes, inside the ticket use-case's transaction. One row per target and start time, so
// starting the same target twice is a no-op and each row is warned and breached at most once.

export async function startSlaTarget(
  db: DbExecutor,
  ticket: TicketRow,
  target: SlaTargetKind,
  startedAt: Date,
  hours: BusinessHours,
): Promise<void> {
  const policy = selectSlaPolicy(await ticketsRepo.listPolicies(db), ticket);
  const minutes = policy ? targetMinutes(policy, target) : null;
  if (!policy || minutes === null) return;
  const { warnAt, dueAt } = computeSlaTimes(policy, minutes, startedAt, hours);
  await ticketsRepo.insertSlaTarget(db, {
    id: newId('slt'),
    ticket_id: ticket.id,
    policy_id: policy.id,
    target,
    started_at: startedAt.toISOString(),
    warn_at: warnAt.toISOString(),
    due_at: dueAt.toISOString(),
    met_at: null,
    cancelled_at: null,
    warned_at: null,
    breached_at: null,
  });
}

export async function meetSlaTargets(
  db: DbExecutor,
  ticketId: string,
  targets: readonly SlaTargetKind[],
  at: Date,
): Promise<void> {
  for (const active of await ticketsRepo.listActiveSlaTargets(db, ticketId))
    if (targets.includes(parseKind(active.target)))
      await ticketsRepo.updateSlaTarget(db, active.id, { met_at: at.toISOString() });
}

export async function cancelSlaTargets(
  db: DbExecutor,
  ticketId: string,
  targets: readonly SlaTargetKind[],
  at: Date,
): Promise<void> {
  for (const active of await ticketsRepo.listActiveSlaTargets(db, ticketId))
    if (targets.includes(parseKind(active.target)))
      await ticketsRepo.updateSlaTarget(db, active.id, { cancelled_at: at.toISOString() });
}

/** After a priority/category/channel change: the running targets follow the policy that now applies. */
export async function reapplySlaPolicy(
  db: DbExecutor,
  ticket: TicketRow,
  hours: BusinessHours,
  at: Date,
): Promise<void> {
  const policy = selectSlaPolicy(await ticketsRepo.listPolicies(db), ticket);
  for (const active of await ticketsRepo.listActiveSlaTargets(db, ticket.id)) {
    const minutes = policy ? targetMinutes(policy, parseKind(active.target)) : null;
    if (!policy || minutes === null) {
      await ticketsRepo.updateSlaTarget(db, active.id, { cancelled_at: at.toISOString() });
      continue;
    }
    const { warnAt, dueAt } = computeSlaTimes(policy, minutes, new Date(active.started_at), hours);
    await ticketsRepo.updateSlaTarget(db, active.id, {
      policy_id: policy.id,
      warn_at: warnAt.toISOString(),
      due_at: dueAt.toISOString(),
    });
  }
}

function parseKind(target: string): SlaTargetKind {
  return target === 'first_response' || target === 'next_response' ? target : 'resolution';
}
