/**
 * Sandbox time = real time + an offset the controls can advance.
 *
 * Every expiry and period calculation (7-day authorizations, card expiry,
 * subscription periods, the 24 h idempotency window) reads this clock, so a
 * test can jump a week ahead without waiting a week.
 */
export class Clock {
  private offsetMs = 0

  constructor(private readonly realNowMs: () => number = Date.now) {}

  /** Sandbox time in milliseconds. */
  nowMs(): number {
    return this.realNowMs() + this.offsetMs
  }

  /** Sandbox time in unix seconds, the unit the gateway answers in. */
  now(): number {
    return Math.floor(this.nowMs() / 1000)
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) {
      // Time only moves forward: going back would un-expire authorizations.
      throw new RangeError("the clock can only be advanced by a non-negative number of seconds")
    }
    this.offsetMs += Math.round(seconds * 1000)
  }

  get offsetSeconds(): number {
    return this.offsetMs / 1000
  }

  set offsetSeconds(seconds: number) {
    this.offsetMs = Math.round(seconds * 1000)
  }

  reset(): void {
    this.offsetMs = 0
  }
}
