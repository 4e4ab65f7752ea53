import type { PaymentProcessorError } from "@medusajs/medusa"
import { gatewayFailureOf } from "../rules/gateway-failure"

/**
 * This plugin's errors as Medusa v1's `PaymentProcessorError`, from the one
 * classification (`rules/gateway-failure.ts`).
 *
 * Medusa checks errors from refund, cancel and delete with
 * `isPaymentProcessorError`, which needs `error`, `code` and `detail` all
 * non-empty; otherwise a failed refund is recorded as a success. So every
 * object built here has all three. Medusa shows `error` and `detail` to the
 * caller as "error:\ndetail", so `detail` is a hint a person can act on.
 */
export function buildError(e: unknown, operation: string): PaymentProcessorError {
  const failure = gatewayFailureOf(e, operation)
  return { error: failure.message, code: failure.code, detail: failure.hint }
}

/** A PaymentProcessorError built from scratch, with all three fields. */
export function processorError(error: string, code: string, detail: string): PaymentProcessorError {
  return { error, code, detail }
}
