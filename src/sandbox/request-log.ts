import type { FaultType } from "./faults"
import type { EnvironmentName } from "./state"

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

export class RequestLog {
  private entries: RequestLogEntry[] = []

  record(entry: RequestLogEntry): void {
    this.entries.push(entry)
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES)
  }

  /** One environment's requests, or every request (including unknown keys) with "all". */
  list(env: EnvironmentName | "all"): RequestLogEntry[] {
    const entries = env === "all" ? this.entries : this.entries.filter((e) => e.env === env)
    return entries.map((e) => ({ ...e }))
  }

  clear(): void {
    this.entries = []
  }
}
