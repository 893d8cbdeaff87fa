import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { KefuError } from '../../errors';
import * as lockoutRepo from './loginLockoutRepo';

/** How many failures in a row lock a key, and for how long the first, second … lock-out lasts. */
export const loginLockoutPolicy = {
  accountFailures: 5,
  addressFailures: 20,
  firstLockoutMs: 60_000,
  longestLockoutMs: 60 * 60_000,
  /** Failures older than this are forgotten; lock-outs (and so their growth) after a quiet day. */
  failureMemoryMs: 15 * 60_000,
  lockoutMemoryMs: 24 * 60 * 60_000,
} as const;

export interface LoginAttemptKeys {
  account: string;
  address: string;
}

export interface RecordedFailure {
  /** Set when this failure started a lock-out of the account or the address. */
  lockedUntil: string | null;
  lockedKey: 'account' | 'address' | null;
}

/**
 * Growing lock-out of sign-ins, per account and per address, kept in the database so every process of a
 * deployment shares it: after 5 wrong passwords for one e-mail (20 from one address) sign-in is refused for
 * a minute, then 2, 4, 8 … up to an hour for each further lock-out in a row.
 */
export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  static keysOf(email: string, address: string): LoginAttemptKeys {
    return { account: `account:${email.trim().toLowerCase()}`, address: `address:${address}` };
  }

  /** Throws `login_locked` (429, with the seconds to wait) while either key is locked. */
  async assertNotLocked(keys: LoginAttemptKeys): Promise<void> {
    const now = this.clock.now().getTime();
    const rows = await lockoutRepo.findLockouts(this.db, [keys.account, keys.address]);
    const lockedUntil = Math.max(
      0,
      ...rows.map((row) => (row.locked_until ? Date.parse(row.locked_until) : 0)),
    );
    if (lockedUntil > now) {
      const retryAfterSeconds = Math.ceil((lockedUntil - now) / 1000);
      throw new KefuError(
        'login_locked',
        `Too many failed sign-ins; try again in ${describeWait(retryAfterSeconds)}`,
        { retryAfterSeconds },
      );
    }
  }

  async recordFailure(keys: LoginAttemptKeys): Promise<RecordedFailure> {
    const accountLock = await this.countFailure(keys.account, loginLockoutPolicy.accountFailures);
    const addressLock = await this.countFailure(keys.address, loginLockoutPolicy.addressFailures);
    if (accountLock) return { lockedUntil: accountLock, lockedKey: 'account' };
    if (addressLock) return { lockedUntil: addressLock, lockedKey: 'address' };
    return { lockedUntil: null, lockedKey: null };
  }

  /** A right password clears the account's count; the address keeps its own (one good account, many guesses). */
  async recordSuccess(keys: LoginAttemptKeys): Promise<void> {
    await lockoutRepo.deleteLockout(this.db, keys.account);
  }

  private async countFailure(key: string, threshold: number): Promise<string | null> {
    const now = this.clock.now();
    const failures = await lockoutRepo.incrementFailures(this.db, key, now, {
      forgetFailuresBefore: new Date(now.getTime() - loginLockoutPolicy.failureMemoryMs),
      forgetLockoutsBefore: new Date(now.getTime() - loginLockoutPolicy.lockoutMemoryMs),
    });
    if (failures < threshold) return null;
    const lockouts = await lockoutRepo.startLockout(this.db, key, threshold);
    if (lockouts === null) return null; // a concurrent failure started this lock-out
    const duration = Math.min(
      loginLockoutPolicy.firstLockoutMs * 2 ** (lockouts - 1),
      loginLockoutPolicy.longestLockoutMs,
    );
    const lockedUntil = new Date(now.getTime() + duration).toISOString();
    await lockoutRepo.setLockedUntil(this.db, key, lockedUntil);
    return lockedUntil;
  }
}

function describeWait(seconds: number): string {
  return seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
