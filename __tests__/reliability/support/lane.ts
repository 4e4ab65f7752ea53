import type { RestAnswer } from "../../../src/demo/stack/medusa-rest"
import { collectError } from "./error-answers"
import type { FaultCase } from "./fault-catalogue"

/**
 * What a shopper or an admin learns from one action:
 * - `succeeded`: it is done;
 * - `maybe`: the plugin says the gateway may have acted ("it may have gone
 *   through", `maybe_processed`, a renewal recorded as `unknown`);
 * - `refused`: a definite refusal with a message (a decline, a gateway error).
 */
export type Outcome = "succeeded" | "maybe" | "refused"

/**
 * One mutating gateway operation, driven as a person drives it: through the
 * store or admin REST API. A lane makes its own fixture (an order, a
 * subscription, an invoice) while no fault is armed, acts once under the
 * fault, repeats the same action once the fault is gone, then checks the
 * gateway's books against Medusa's.
 */
export interface Lane<C = any> {
  /** The matrix row, e.g. `refund`. */
  op: string
  /** The gateway path the fault is armed on, after /api/v2/. */
  path: string
  /**
   * `repeatable`: the client retries it after a timeout, a reset or a 5xx
   * (captures, subscription cancel), so the first try may already succeed.
   * `never-twice`: everything else.
   */
  retry: "repeatable" | "never-twice"
  /**
   * True where the plugin treats a `processing_error` decline as "may have
   * charged" (renewals replay it once under the same key before it counts as
   * a decline), so `status_false` is answered "maybe" rather than refused.
   */
  processingErrorIsMaybe?: boolean
  prepare(): Promise<C>
  /** The user action (the same one for the faulted try and the repeat). */
  act(fixture: C): Promise<RestAnswer>
  /** What the answer told the person; throws when it is not clear (no message, a 500 of Medusa's own). */
  outcome(answer: RestAnswer, fixture: C): Promise<Outcome>
  /** The books, after the repeat: throws on any disagreement or doubled money. */
  verify(fixture: C): Promise<void>
}

/** A failure answer must carry a message a person can read; a 500 of Medusa's own is never one. */
export function failureOutcome(answer: RestAnswer): Outcome {
  collectError("fault matrix", answer.body)
  const body = answer.body as { message?: unknown; code?: unknown } | string | undefined
  const message = typeof body === "object" && body ? body.message : undefined
  if (typeof message !== "string" || message.trim() === "") throw new Error(`answered ${answer.status} without a message: ${JSON.stringify(body)}`)
  if (answer.status === 500) throw new Error(`answered 500 (${message}): a fault of the gateway must be a 4xx or a 502/503 with the plugin's message`)
  if (answer.status < 400) throw new Error(`answered ${answer.status} with a message: ${message}`)
  const code = typeof body === "object" && body ? body.code : undefined
  return code === "maybe_processed" || /may have gone through/.test(message) ? "maybe" : "refused"
}

/** What the faulted try must have told the person. */
export function expectedOutcomes(lane: Lane, fault: FaultCase): Outcome[] {
  if (!fault.maybeProcessed) return lane.processingErrorIsMaybe ? ["maybe"] : ["refused"]
  // A repeatable request is retried (with the same key) and may succeed; a
  // 200 with a broken body is not retried, so it stays "maybe".
  return lane.retry === "repeatable" ? ["succeeded", "maybe"] : ["maybe"]
}
