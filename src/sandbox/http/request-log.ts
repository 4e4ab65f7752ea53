import type { FaultType } from "../faults/faults"
import type { EnvironmentName } from "../store/state"
import { CodeColumn, IdColumn, IntColumn } from "../store/columns"

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
 * A ring of the last MAX_ENTRIES, field by field (see store/columns.ts):
 * recording is O(1) and keeps no object per request, where a ring of
 * entry objects kept 10,000 of them (and their id strings) alive until
 * overwritten, for the garbage collector to move and then sweep.
 */
export class RequestLog {
  private readonly ids = new IdColumn("req")
  private readonly methods = new CodeColumn()
  private readonly paths = new CodeColumn()
  private readonly statuses = new IntColumn()
  private readonly codes = new CodeColumn()
  private readonly keys: Array<string | null> = new Array(MAX_ENTRIES).fill(null)
  private readonly replayed = new CodeColumn()
  private readonly envs = new CodeColumn()
  private readonly ats = new IntColumn()
  private readonly faults = new CodeColumn()
  private count = 0
  /** Where the next entry goes once the ring is full (the oldest entry). */
  private next = 0

  constructor() {
    for (const column of [this.ids, this.methods, this.paths, this.statuses, this.codes, this.replayed, this.envs, this.ats, this.faults]) column.grow(MAX_ENTRIES)
  }

  record(entry: RequestLogEntry): void {
    let slot: number
    if (this.count < MAX_ENTRIES) slot = this.count++
    else {
      slot = this.next
      this.next = (this.next + 1) % MAX_ENTRIES
    }
    this.ids.set(slot, entry.id)
    this.methods.set(slot, entry.method)
    this.paths.set(slot, entry.path)
    this.statuses.set(slot, entry.status)
    this.codes.set(slot, entry.code)
    this.keys[slot] = entry.idempotency_key
    this.replayed.set(slot, entry.replayed)
    this.envs.set(slot, entry.env)
    this.ats.set(slot, entry.at)
    this.faults.set(slot, entry.fault)
  }

  /** One environment's requests, or every request (including unknown keys) with "all"; oldest first. */
  list(env: EnvironmentName | "all"): RequestLogEntry[] {
    const out: RequestLogEntry[] = []
    const start = this.count < MAX_ENTRIES ? 0 : this.next
    for (let i = 0; i < this.count; i++) {
      const slot = (start + i) % MAX_ENTRIES
      if (env !== "all" && this.envs.get(slot) !== env) continue
      out.push(this.entryAt(slot))
    }
    return out
  }

  clear(): void {
    this.count = 0
    this.next = 0
    this.keys.fill(null)
  }

  private entryAt(slot: number): RequestLogEntry {
    return {
      id: this.ids.get(slot) as string,
      method: this.methods.get(slot) as string,
      path: this.paths.get(slot) as string,
      status: this.statuses.get(slot) as number | null,
      code: this.codes.get(slot) as string | null,
      idempotency_key: this.keys[slot],
      replayed: this.replayed.get(slot) as boolean,
      env: this.envs.get(slot) as EnvironmentName | null,
      at: this.ats.get(slot) as number,
      fault: this.faults.get(slot) as FaultType | null,
    }
  }
}
