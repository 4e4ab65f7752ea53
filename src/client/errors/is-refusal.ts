import { InvalidRequestError } from "./invalid-request-error"

/**
 * Whether the gateway refused the request with one of `codes` (say
 * `charge_already_captured`); with no codes, whether it refused it at all.
 * The one way the plugin asks "is this refusal X": a refusal that only says
 * the work is already done is then treated as success by the caller.
 */
export function isRefusal(e: unknown, ...codes: string[]): e is InvalidRequestError {
  if (!(e instanceof InvalidRequestError)) return false
  return codes.length === 0 || (e.code !== undefined && codes.includes(e.code))
}

/** Whether the gateway answered that an id it was given names nothing (HTTP 404), such as another customer's card. */
export function isUnknownResource(e: unknown): e is InvalidRequestError {
  return e instanceof InvalidRequestError && e.statusCode === 404
}
