import type { Clock } from "../clock"
import { Journal } from "./journal"
import { emptySandboxData, loadSandboxData, saveSandboxData, type SandboxData } from "./persistence"
import { EnvironmentState, type EnvironmentName } from "./state"

/**
 * Owns the sandbox's data: both environments, the clock offset, and the
 * optional data file that mirrors them.
 */
export class DataStore {
  private data: SandboxData
  /** One journal, reused: requests run one at a time (endpoints are synchronous). */
  private readonly journal = new Journal()

  constructor(
    private readonly clock: Clock,
    private readonly dataFile?: string,
  ) {
    const loaded = dataFile ? loadSandboxData(dataFile) : null
    this.data = loaded ?? emptySandboxData()
    this.clock.offsetSeconds = this.data.clock_offset_seconds
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

  /** Writes the data file (if any). Called after every change. */
  save(): void {
    if (!this.dataFile) return
    this.data.clock_offset_seconds = this.clock.offsetSeconds
    saveSandboxData(this.dataFile, this.data)
  }

  reset(): void {
    this.data.environments = { test: new EnvironmentState(), live: new EnvironmentState() }
    this.clock.reset()
    this.save()
  }
}
