import type { PaymentProcessorError } from "@medusajs/medusa"
import {
  ApiError,
  AuthenticationError,
  CardError,
  ConnectionError,
  InstantMerchantError,
  InvalidRequestError,
  PermissionError,
  RateLimitError,
} from "../client"
import { redact } from "../client/redact"
import { InputError } from "../rules/input/input-error"
import { declineMessage } from "../rules/card/decline-message"

/**
 * The one translation from this plugin's errors to Medusa's
 * `PaymentProcessorError`.
 *
 * Medusa checks errors from refund, cancel and delete with
 * `isPaymentProcessorError`, which needs `error`, `code` and `detail` all
 * non-empty; otherwise a failed refund is recorded as a success. So every
 * object built here has all three. Medusa shows `error` and `detail` to the
 * caller as "error:\ndetail", so `detail` is a hint a person can act on.
 */
export function buildError(e: unknown, operation: string): PaymentProcessorError {
  if (e instanceof InputError) {
    return { error: e.message, code: "invalid_data", detail: `Check ${e.field} and try again.` }
  }
  if (e instanceof CardError) {
    return { error: declineMessage(e.declineCode), code: e.declineCode, detail: "Use another card, or contact your bank." }
  }
  if (e instanceof ConnectionError || e instanceof ApiError) {
    return e.maybeProcessed
      ? {
          error: `The payment gateway did not confirm the ${operation}; it may have gone through`,
          code: "maybe_processed",
          detail: `Do not repeat the ${operation} before checking it at InstantMerchant (${e.endpoint ?? "request"}, idempotency key ${e.idempotencyKey ?? "none"}).`,
        }
      : {
          error: `The payment gateway could not be reached; nothing was done`,
          code: e instanceof ConnectionError ? "gateway_unreachable" : "gateway_error",
          detail: "Please try again in a moment.",
        }
  }
  if (e instanceof AuthenticationError) {
    return { error: "Payments are unavailable: InstantMerchant refused the shop's API credentials", code: "authentication_failed", detail: "Check the plugin's api_key and api_secret." }
  }
  if (e instanceof PermissionError) {
    return { error: "Payments are unavailable: InstantMerchant refused this server", code: "permission_denied", detail: "Add this server's IP address to the account's IP allowlist." }
  }
  if (e instanceof RateLimitError) {
    return { error: "The payment gateway is busy", code: "rate_limited", detail: "Please try again in a moment." }
  }
  if (e instanceof InvalidRequestError) {
    return { error: gatewayMessage(e), code: e.code ?? "invalid_request", detail: e.param ? `Check ${e.param}.` : `InstantMerchant refused the ${operation}.` }
  }
  if (e instanceof InstantMerchantError) {
    return { error: gatewayMessage(e), code: e.code ?? "gateway_error", detail: `InstantMerchant refused the ${operation}.` }
  }
  const message = e instanceof Error ? redact(e.message) : "unknown error"
  return { error: `The ${operation} failed: ${message}`, code: "internal_error", detail: "See the server log." }
}

/** The gateway's own words, without our "InstantMerchant POST /x:" prefix. */
function gatewayMessage(e: InstantMerchantError): string {
  return e.message.replace(/^InstantMerchant POST \/\S+: /, "")
}

/** A PaymentProcessorError built from scratch, with all three fields. */
export function processorError(error: string, code: string, detail: string): PaymentProcessorError {
  return { error, code, detail }
}
