import type { FaultType } from "../faults/faults"
import type { EnvironmentName } from "../store/state"

/**
 * Every API request the sandbox saw, newest last. No bodies: they can hold
 * card numbers. Tests read it to prove a client did (or did not) retry.
 */
export interface RequestLogEntry {
  id: string
  method: string
  path: string
  /** null when no answer was sent (`hang`, `reset`). */
  status: number | null
  code: string | null
  idempotency_key: string | null
  replayed: boolean
  /** The environment of the key, even when the secret was wrong; null for unknown keys. */
  env: EnvironmentName | null
  /** Unix seconds, sandbox time. */
  at: number
  fault: FaultType | null
}

/** Enough for any test run; the oldest entries go first. */
const MAX_ENTRIES = 10_000

/**
 * A ring of the last MAX_ENTRIES: recording is O(1), where trimming the
 * front of an array moved every entry on every request once it was full.
 */
export class RequestLog {
  private ring: RequestLogEntry[] = []
  /** Where the next entry goes once the ring is full (the oldest entry). */
  private next = 0

  record(entry: RequestLogEntry): void {
    if (this.ring.length < MAX_ENTRIES) this.ring.push(entry)
    else {
      this.ring[this.next] = entry
      this.next = (this.next + 1) % MAX_ENTRIES
    }
  }

  /** One environment's requests, or every request (including unknown keys) with "all"; oldest first. */
  list(env: EnvironmentName | "all"): RequestLogEntry[] {
    const ordered = this.ring.length < MAX_ENTRIES ? this.ring : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)]
    const entries = env === "all" ? ordered : ordered.filter((e) => e.env === env)
    return entries.map((e) => ({ ...e }))
  }

  clear(): void {
    this.ring = []
    this.next = 0
  }
}
