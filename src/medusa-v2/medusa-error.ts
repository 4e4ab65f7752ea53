import { MedusaError } from "@medusajs/framework/utils"
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

const { Types } = MedusaError

/**
 * The one translation from this package's errors to Medusa 2.x's, which a
 * provider throws (2.x has no error objects to return). The type decides the
 * HTTP status Medusa answers with: bad input 400, a declined card 422, the
 * gateway down or unsure 500 (its message is kept: an admin must know a
 * charge "may have gone through"). No message holds card data or the secret:
 * the client's errors are built without either, and anything else is redacted.
 */
export function toMedusaError(e: unknown, operation: string): MedusaError {
  if (e instanceof MedusaError) return e
  if (e instanceof InputError) return new MedusaError(Types.INVALID_DATA, e.message, "invalid_data")
  if (e instanceof CardError) return new MedusaError(Types.PAYMENT_AUTHORIZATION_ERROR, declineMessage(e.declineCode), e.declineCode)
  if (e instanceof ConnectionError || e instanceof ApiError) {
    return e.maybeProcessed
      ? new MedusaError(
          Types.UNEXPECTED_STATE,
          `The payment gateway did not confirm the ${operation}; it may have gone through. Do not repeat it before checking it at InstantMerchant (${e.endpoint ?? "request"}, idempotency key ${e.idempotencyKey ?? "none"}).`,
          "maybe_processed"
        )
      : new MedusaError(Types.UNEXPECTED_STATE, "The payment gateway could not be reached; nothing was done. Please try again in a moment.", e instanceof ConnectionError ? "gateway_unreachable" : "gateway_error")
  }
  if (e instanceof AuthenticationError) {
    return new MedusaError(Types.UNEXPECTED_STATE, "Payments are unavailable: InstantMerchant refused the shop's API credentials (check api_key and api_secret)", "authentication_failed")
  }
  if (e instanceof PermissionError) {
    return new MedusaError(Types.UNEXPECTED_STATE, "Payments are unavailable: InstantMerchant refused this server (add its IP address to the account's allowlist)", "permission_denied")
  }
  if (e instanceof RateLimitError) return new MedusaError(Types.UNEXPECTED_STATE, "The payment gateway is busy; please try again in a moment", "rate_limited")
  if (e instanceof InvalidRequestError) {
    return new MedusaError(Types.INVALID_DATA, `InstantMerchant refused the ${operation}: ${gatewayMessage(e)}${e.param ? ` (check ${e.param})` : ""}`, e.code ?? "invalid_request")
  }
  if (e instanceof InstantMerchantError) {
    return new MedusaError(Types.UNEXPECTED_STATE, `InstantMerchant refused the ${operation}: ${gatewayMessage(e)}`, e.code ?? "gateway_error")
  }
  return new MedusaError(Types.UNEXPECTED_STATE, `The ${operation} failed: ${e instanceof Error ? redact(e.message) : "unknown error"}`, "internal_error")
}

/** The gateway's own words, without the client's "InstantMerchant POST /x:" prefix. */
function gatewayMessage(e: InstantMerchantError): string {
  return e.message.replace(/^InstantMerchant POST \/\S+: /, "")
}

/** A refusal the gateway gives when the work is already done ("already captured"): success for the caller. */
export function isAlreadyDone(e: unknown, ...codes: string[]): boolean {
  return e instanceof InvalidRequestError && e.code !== undefined && codes.includes(e.code)
}
