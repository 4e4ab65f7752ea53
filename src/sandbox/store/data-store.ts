import { performance } from "node:perf_hooks"
import type { Clock } from "../clock"
import { Journal } from "./journal"
import { emptySandboxData, loadSandboxData, saveSandboxData, type SandboxData } from "./persistence"
import { EnvironmentState, type EnvironmentName } from "./state"

/** The data file is written at most this often (see DataStore.save). */
export const MIN_WRITE_DELAY_MS = 100

/**
 * Owns the sandbox's data: both environments, the clock offset, and the
 * optional data file that mirrors them.
 */
export class DataStore {
  private data: SandboxData
  private dirty = false
  private writer: NodeJS.Timeout | null = null
  private lastWriteMs = 0
  /** One journal, reused: requests run one at a time (endpoints are synchronous). */
  private readonly journal = new Journal()

  constructor(
    private readonly clock: Clock,
    private readonly dataFile?: string,
  ) {
    const loaded = dataFile ? loadSandboxData(dataFile) : null
    this.data = loaded?.data ?? emptySandboxData()
    this.clock.offsetSeconds = this.data.clock_offset_seconds
    // An older file with card data in it is rewritten now, not when the first request's write comes due.
    if (loaded?.holdsCardData) {
      this.dirty = true
      this.flush()
    }
  }

  environment(name: EnvironmentName): EnvironmentState {
    return this.data.environments[name]
  }

  /**
   * Runs `change` on one environment; if it throws, the environment is put
   * back exactly as it was. A decline or a validation error therefore
   * changes nothing: no customer, card, charge, invoice or subscription.
   */
  transaction<T>(name: EnvironmentName, change: (env: EnvironmentState) => T): T {
    const env = this.data.environments[name]
    const journal = this.journal
    const customerCounter = env.next_customer_id
    const invoiceCounter = env.next_invoice_num
    env.journal.current = journal
    try {
      return change(env)
    } catch (error) {
      journal.rollback()
      env.next_customer_id = customerCounter
      env.next_invoice_num = invoiceCounter
      throw error
    } finally {
      journal.clear()
      env.journal.current = null
    }
  }

  /** The whole state as the data file holds it (the export control). */
  snapshot(): SandboxData {
    return { ...this.data, clock_offset_seconds: this.clock.offsetSeconds }
  }

  /**
   * Marks the data file (if any) for writing; called after every change.
   * The file is written behind the requests, at most every
   * {@link MIN_WRITE_DELAY_MS} and never more than a fifth of the time
   * (each write waits four times as long as the last one took), and at once
   * by {@link flush}, which close() calls. Writing it on every request cost
   * each request the whole state as JSON: the sandbox slowed down as its
   * charges piled up, which a CI sandbox that keeps its state does all day.
   */
  save(): void {
    if (!this.dataFile) return
    this.dirty = true
    this.writer ??= setTimeout(() => this.writeBehind(), Math.max(MIN_WRITE_DELAY_MS, 4 * this.lastWriteMs))
  }

  /**
   * The timer's write. A failure here (the folder removed, the disk full) has
   * no request to answer and would end the process from a timer: it is
   * reported on stderr, and the change stays marked for the next write.
   */
  private writeBehind(): void {
    try {
      this.flush()
    } catch (error) {
      this.dirty = true
      process.stderr.write(`instantmerchant-sandbox: could not write ${this.dataFile}: ${error instanceof Error ? error.message : String(error)}\n`)
    }
  }

  /** Writes the data file now if a change is not in it yet. */
  flush(): void {
    if (this.writer) clearTimeout(this.writer)
    this.writer = null
    if (!this.dataFile || !this.dirty) return
    this.dirty = false
    const started = performance.now()
    this.data.clock_offset_seconds = this.clock.offsetSeconds
    saveSandboxData(this.dataFile, this.data)
    this.lastWriteMs = performance.now() - started
  }

  reset(): void {
    this.data.environments = { test: new EnvironmentState(), live: new EnvironmentState() }
    this.clock.reset()
    this.save()
  }
}
