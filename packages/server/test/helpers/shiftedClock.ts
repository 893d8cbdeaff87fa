import type { Clock } from '../../src/clock';

/** The system clock, movable forward (a platform's reply window) without waiting. */
export class ShiftedClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
