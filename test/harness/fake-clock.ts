import type { Clock } from '../../src/clock/clock';

/** A clock the test moves by hand: code expiry and limit windows without waiting. */
export class FakeClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
