import type { Clock } from "./clock"
import { emptySandboxData, loadSandboxData, saveSandboxData, type SandboxData } from "./persistence"
import { emptyEnvironmentState, type EnvironmentName, type EnvironmentState } from "./state"
import { journaled } from "./undo-journal"

/**
 * Owns the sandbox's data: both environments, the clock offset, and the
 * optional data file that mirrors them.
 */
export class DataStore {
  private data: SandboxData

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
    const { draft, undo } = journaled(this.data.environments[name])
    try {
      return change(draft)
    } catch (error) {
      undo()
      throw error
    }
  }

  /** Writes the data file (if any). Called after every change. */
  save(): void {
    if (!this.dataFile) return
    this.data.clock_offset_seconds = this.clock.offsetSeconds
    saveSandboxData(this.dataFile, this.data)
  }

  reset(): void {
    this.data.environments = { test: emptyEnvironmentState(), live: emptyEnvironmentState() }
    this.clock.reset()
    this.save()
  }
}
