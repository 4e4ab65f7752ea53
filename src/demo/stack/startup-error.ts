/**
 * A start-up failure a person can fix: printed as one line with the cause and
 * the fix, never as a stack trace.
 */
export class StartupError extends Error {
  constructor(readonly cause_: string, readonly fix: string) {
    super(`${cause_}: ${fix}`)
    this.name = "StartupError"
  }
}
