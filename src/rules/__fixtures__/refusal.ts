import { InputError } from "../input/input-error"

type ErrorClass = new (...args: never[]) => Error

/**
 * What a check says when it refuses: the message of the expected error, or
 * "accepted". Any other error is rethrown, so a crash never passes for a refusal.
 */
export function refusalOf(check: () => unknown, ...expected: ErrorClass[]): string {
  try {
    check()
  } catch (e) {
    if ([InputError, ...expected].some((klass) => e instanceof klass)) return (e as Error).message
    throw e
  }
  return "accepted"
}

/** The field an InputError names, or undefined when the check accepts. */
export function refusedField(check: () => unknown): string | undefined {
  try {
    check()
  } catch (e) {
    if (e instanceof InputError) return e.field
    throw e
  }
  return undefined
}
