import { ApiError, AuthenticationError, CardError, ConnectionError, InstantMerchantError, InvalidRequestError, PermissionError, RateLimitError } from "../client"
import { redact } from "../client/redact"
import { declineMessage } from "./card/decline-message"
import { InputError } from "./input/input-error"

/**
 * What a failed operation means for the one who asked, whatever the host:
 *
 * - `bad_input`: our own check refused the input; nothing was sent;
 * - `declined`: the card was declined;
 * - `unsure`: the gateway may have done it (a timeout, a reset, a 5xx): never repeat it blindly;
 * - `unreachable`: the gateway was not reached, or failed before doing anything;
 * - `misconfigured`: the gateway refused the shop's credentials or this server;
 * - `busy`: the gateway asked to slow down;
 * - `refused`: the gateway refused the request (HTTP 4xx), `conflict` when with 409;
 * - `gateway_error`: the gateway failed in a way the client has no class for;
 * - `internal`: not a gateway error at all (a bug, a database error).
 */
export type GatewayFailureKind = "bad_input" | "declined" | "unsure" | "unreachable" | "misconfigured" | "busy" | "refused" | "conflict" | "gateway_error" | "internal"

export interface GatewayFailure {
  kind: GatewayFailureKind
  /** The machine code: the decline code, the gateway's code, or ours (`maybe_processed`, `gateway_unreachable`, ...). */
  code: string
  /** What went wrong, for the person who asked. Holds no card data and no secret. */
  message: string
  /** What that person can do about it. */
  hint: string
  /** The input field to blame, when there is one. */
  field?: string
  /** The gateway's request id, for support. */
  requestId?: string
}

/**
 * The one classification of a thrown error into what it means. Each adapter
 * maps it to its own error type (Medusa v1's `PaymentProcessorError`, the
 * routes' HTTP answer, Medusa 2.x's `MedusaError`), so they say the same
 * thing the same way. `operation` names what failed ("capture", "refund").
 */
export function gatewayFailureOf(e: unknown, operation: string): GatewayFailure {
  if (e instanceof InputError) return { kind: "bad_input", code: "invalid_data", message: e.message, hint: `Check ${e.field} and try again.`, field: e.field }
  if (!(e instanceof InstantMerchantError)) {
    const message = e instanceof Error ? redact(e.message) : "unknown error"
    return { kind: "internal", code: "internal_error", message: `The ${operation} failed: ${message}`, hint: "See the server log." }
  }
  return { ...clientFailureOf(e, operation), ...(e.requestId ? { requestId: e.requestId } : {}) }
}

function clientFailureOf(e: InstantMerchantError, operation: string): GatewayFailure {
  if (e instanceof CardError) {
    return { kind: "declined", code: e.declineCode, message: declineMessage(e.declineCode), hint: "Use another card, or contact your bank." }
  }
  if (e instanceof ConnectionError || e instanceof ApiError) return notDoneOrUnsure(e, operation)
  if (e instanceof AuthenticationError) {
    return { kind: "misconfigured", code: "authentication_failed", message: "Payments are unavailable: InstantMerchant refused the shop's API credentials", hint: "Check the plugin's api_key and api_secret." }
  }
  if (e instanceof PermissionError) {
    return { kind: "misconfigured", code: "permission_denied", message: "Payments are unavailable: InstantMerchant refused this server", hint: "Add this server's IP address to the account's IP allowlist." }
  }
  if (e instanceof RateLimitError) return { kind: "busy", code: "rate_limited", message: "The payment gateway is busy", hint: "Please try again in a moment." }
  if (e instanceof InvalidRequestError) {
    return {
      kind: e.statusCode === 409 ? "conflict" : "refused",
      code: e.code ?? "invalid_request",
      message: gatewayMessage(e),
      hint: e.param ? `Check ${e.param}.` : `InstantMerchant refused the ${operation}.`,
      ...(e.param ? { field: e.param } : {}),
    }
  }
  return { kind: "gateway_error", code: e.code ?? "gateway_error", message: gatewayMessage(e), hint: `InstantMerchant refused the ${operation}.` }
}

function notDoneOrUnsure(e: ConnectionError | ApiError, operation: string): GatewayFailure {
  if (e.maybeProcessed) {
    return {
      kind: "unsure",
      code: "maybe_processed",
      message: `The payment gateway did not confirm the ${operation}; it may have gone through`,
      hint: `Do not repeat the ${operation} before checking it at InstantMerchant (${e.endpoint ?? "request"}, idempotency key ${e.idempotencyKey ?? "none"}).`,
    }
  }
  return {
    kind: "unreachable",
    code: e instanceof ConnectionError ? "gateway_unreachable" : "gateway_error",
    message: "The payment gateway could not be reached; nothing was done",
    hint: "Please try again in a moment.",
  }
}

/** The gateway's own words, without the client's "InstantMerchant POST /x:" prefix. */
function gatewayMessage(e: InstantMerchantError): string {
  return e.message.replace(/^InstantMerchant POST \/\S+: /, "")
}
