import type { DbExecutor } from '../../db/database';
import type { AgentIdentity } from '../agents';
import { recordAudit } from '../audit';
import type { RecordedFailure } from './loginThrottle';

/** Audits a wrong password or a wrong second-step code, and the lock-out it may have started. */
export async function recordFailedSignIn(
  db: DbExecutor,
  now: Date,
  attempt: {
    known: AgentIdentity | null;
    address: string;
    step: 'password' | 'two_factor';
    failure: RecordedFailure;
  },
): Promise<void> {
  const { known, address, step, failure } = attempt;
  // An unknown e-mail is not kept: people type their password into the e-mail field.
  const target = known
    ? { targetId: known.id, data: { address, email: known.email, ...stepOf(step) } }
    : { targetId: null, data: { address, ...stepOf(step) } };
  await recordAudit(
    db,
    { actorType: 'anonymous', actorId: null, action: 'auth.sign_in_failed', targetType: 'agent', ...target },
    now,
  );
  if (failure.lockedUntil)
    await recordAudit(
      db,
      {
        actorType: 'system',
        actorId: null,
        action: 'auth.locked_out',
        targetType: 'agent',
        targetId: target.targetId,
        data: { ...target.data, lockedKey: failure.lockedKey, lockedUntil: failure.lockedUntil },
      },
      now,
    );
}

/** Wrong passwords keep the entry they always had; a wrong code says so. */
function stepOf(step: 'password' | 'two_factor'): { step?: 'two_factor' } {
  return step === 'two_factor' ? { step } : {};
}
