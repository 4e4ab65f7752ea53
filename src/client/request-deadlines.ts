/**
 * Deadlines for requests in flight, watched by one timer for all of them.
 *
 * A timer per request (setTimeout, or the socket's own timeout) measurably
 * adds latency to every charge (the bench's `client_overhead`: about 7% of a
 * local round trip). Here a request only records its deadline; the one timer
 * is armed for the earliest deadline and, when it fires, expires what is due
 * and re-arms itself for the next one. A request that ends in time just
 * leaves the set, and the timer, unref'd, never keeps the process alive.
 */
export class RequestDeadlines {
  private readonly pending = new Set<Deadline>()
  private timer: NodeJS.Timeout | undefined
  private armedFor = Infinity

  /** Calls `expire` once `timeoutMs` from now unless the deadline is {@link cancel}ed first. */
  watch(timeoutMs: number, expire: () => void): Deadline {
    const deadline: Deadline = { at: Date.now() + timeoutMs, expire }
    this.pending.add(deadline)
    if (deadline.at < this.armedFor) this.arm(deadline.at)
    return deadline
  }

  /** The answer came (or the request failed) in time. */
  cancel(deadline: Deadline): void {
    this.pending.delete(deadline)
  }

  private arm(at: number): void {
    if (this.timer) clearTimeout(this.timer)
    this.armedFor = at
    this.timer = setTimeout(() => this.sweep(), Math.max(0, at - Date.now()))
    this.timer.unref()
  }

  private sweep(): void {
    this.timer = undefined
    this.armedFor = Infinity
    const now = Date.now()
    let next = Infinity
    for (const deadline of this.pending) {
      if (deadline.at <= now) {
        this.pending.delete(deadline)
        deadline.expire()
      } else if (deadline.at < next) {
        next = deadline.at
      }
    }
    if (next !== Infinity) this.arm(next)
  }
}

export interface Deadline {
  at: number
  expire: () => void
}
