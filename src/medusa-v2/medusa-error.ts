import { MedusaError } from "@medusajs/framework/utils"
import { isRefusal } from "../client"
import { GatewayFailureKind, gatewayFailureOf } from "../rules/gateway-failure"

const { Types } = MedusaError

/** The type decides the HTTP status Medusa answers with: bad input 400, a declined card 422, the gateway down or unsure 500. */
const TYPE_OF: Record<GatewayFailureKind, string> = {
  bad_input: Types.INVALID_DATA,
  refused: Types.INVALID_DATA,
  conflict: Types.INVALID_DATA,
  declined: Types.PAYMENT_AUTHORIZATION_ERROR,
  unsure: Types.UNEXPECTED_STATE,
  unreachable: Types.UNEXPECTED_STATE,
  misconfigured: Types.UNEXPECTED_STATE,
  busy: Types.UNEXPECTED_STATE,
  gateway_error: Types.UNEXPECTED_STATE,
  internal: Types.UNEXPECTED_STATE,
}

/** Kinds whose message is the whole story; the others add what to do (an admin must know a charge "may have gone through"). */
const MESSAGE_ONLY: GatewayFailureKind[] = ["bad_input", "declined"]

/**
 * This package's errors as Medusa 2.x's, which a provider throws (2.x has no
 * error objects to return), from the one classification
 * (`rules/gateway-failure.ts`). No message holds card data or the secret: the
 * client's errors are built without either, and anything else is redacted.
 */
export function toMedusaError(e: unknown, operation: string): MedusaError {
  if (e instanceof MedusaError) return e
  const failure = gatewayFailureOf(e, operation)
  const message = MESSAGE_ONLY.includes(failure.kind) ? failure.message : `${failure.message}. ${failure.hint}`
  return new MedusaError(TYPE_OF[failure.kind], message, failure.code)
}

/** A refusal the gateway gives when the work is already done ("already captured"): success for the caller. The client's `isRefusal`. */
export const isAlreadyDone = (e: unknown, ...codes: string[]): boolean => codes.length > 0 && isRefusal(e, ...codes)
