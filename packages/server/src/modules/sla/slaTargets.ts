import type { DbExecutor } from '../../db/database';
import { newId } from '../../ids';
import type { BusinessHours } from '../routing';
import * as slaRepo from './repo';
import type { SlaTarget, SlaTargetKind } from './schemas';
import { computeSlaTimes, selectSlaPolicy, targetMinutes } from './policyRules';

/** What a policy is matched against: the ticket's id and its priority, category and channel. */
export interface SlaSubject {
  id: string;
  priority: string;
  category: string;
  channel: string;
}

// SLA target writes, inside the ticket use-case's transaction. One row per target and start time, so
// starting the same target twice is a no-op and each row is warned and breached at most once.

export async function startSlaTarget(
  db: DbExecutor,
  ticket: SlaSubject,
  target: SlaTargetKind,
  startedAt: Date,
  hours: BusinessHours,
): Promise<void> {
  const policy = selectSlaPolicy(await slaRepo.listPolicies(db), ticket);
  const minutes = policy ? targetMinutes(policy, target) : null;
  if (!policy || minutes === null) return;
  const { warnAt, dueAt } = computeSlaTimes(policy, minutes, startedAt, hours);
  await slaRepo.insertSlaTarget(db, {
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
  for (const active of await slaRepo.listActiveSlaTargets(db, ticketId))
    if (targets.includes(parseKind(active.target)))
      await slaRepo.updateSlaTarget(db, active.id, { met_at: at.toISOString() });
}

export async function cancelSlaTargets(
  db: DbExecutor,
  ticketId: string,
  targets: readonly SlaTargetKind[],
  at: Date,
): Promise<void> {
  for (const active of await slaRepo.listActiveSlaTargets(db, ticketId))
    if (targets.includes(parseKind(active.target)))
      await slaRepo.updateSlaTarget(db, active.id, { cancelled_at: at.toISOString() });
}

/** After a priority/category/channel change: the running targets follow the policy that now applies. */
export async function reapplySlaPolicy(
  db: DbExecutor,
  ticket: SlaSubject,
  hours: BusinessHours,
  at: Date,
): Promise<void> {
  const policy = selectSlaPolicy(await slaRepo.listPolicies(db), ticket);
  for (const active of await slaRepo.listActiveSlaTargets(db, ticket.id)) {
    const minutes = policy ? targetMinutes(policy, parseKind(active.target)) : null;
    if (!policy || minutes === null) {
      await slaRepo.updateSlaTarget(db, active.id, { cancelled_at: at.toISOString() });
      continue;
    }
    const { warnAt, dueAt } = computeSlaTimes(policy, minutes, new Date(active.started_at), hours);
    await slaRepo.updateSlaTarget(db, active.id, {
      policy_id: policy.id,
      warn_at: warnAt.toISOString(),
      due_at: dueAt.toISOString(),
    });
  }
}

/** Every target of a ticket, running or settled, oldest first. */
export async function listSlaTargetsOfTicket(db: DbExecutor, ticketId: string): Promise<SlaTarget[]> {
  return (await slaRepo.listSlaTargets(db, ticketId)).map((target) => ({
    target: parseKind(target.target),
    policyId: target.policy_id,
    startedAt: target.started_at,
    warnAt: target.warn_at,
    dueAt: target.due_at,
    metAt: target.met_at,
    warnedAt: target.warned_at,
    breachedAt: target.breached_at,
    cancelledAt: target.cancelled_at,
  }));
}

function parseKind(target: string): SlaTargetKind {
  return target === 'first_response' || target === 'next_response' ? target : 'resolution';
}
