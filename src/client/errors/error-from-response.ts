import { ApiError } from "./api-error"
import { AuthenticationError } from "./authentication-error"
import { CardError } from "./card-error"
import { InstantMerchantError } from "./instantmerchant-error"
import { InvalidRequestError } from "./invalid-request-error"
import { PermissionError } from "./permission-error"
import { RateLimitError } from "./rate-limit-error"

/** The codes with which the gateway declines a card. */
export const DECLINE_CODES: ReadonlySet<string> = new Set([
  "card_declined",
  "insufficient_funds",
  "expired_card",
  "incorrect_cvc",
  "processing_error",
  "do_not_honor",
  "lost_card",
  "stolen_card",
  "fraudulent",
])

export interface ResponseContext {
  endpoint: string
  idempotencyKey?: string
  requestId?: string
  /** Whether the request could have moved money or changed state. */
  mutating: boolean
  retryAfterSeconds?: number
}

/** The fields of a `status: false` body we keep; anything else could echo the request. */
export interface GatewayFailureBody {
  status: false
  message?: string
  code?: string
  param?: string
  decline_code?: string
}

/**
 * Picks the error class for an answer that is not a success, from the HTTP
 * status first and the body's `code` second. Pure: table-tested.
 *
 * `body` is the unwrapped answer object, or undefined when the body was not the
 * reference's shape (a JSON array holding one object with a boolean `status`).
 */
export function errorFromResponse(
  statusCode: number,
  body: GatewayFailureBody | undefined,
  ctx: ResponseContext
): InstantMerchantError {
  const raw = body ? safeFields(body) : undefined
  const init = {
    statusCode,
    code: body?.code,
    param: body?.param,
    requestId: ctx.requestId,
    endpoint: ctx.endpoint,
    idempotencyKey: ctx.idempotencyKey,
    raw,
  }
  const described = (fallback: string): string => describe(ctx.endpoint, body?.message ?? fallback)

  if (statusCode === 402) {
    return new CardError({ ...init, message: described("card declined"), declineCode: body?.decline_code ?? body?.code })
  }
  if (statusCode === 401) return new AuthenticationError({ ...init, message: described("authentication failed") })
  if (statusCode === 403) return new PermissionError({ ...init, message: described("permission denied") })
  if (statusCode === 429) {
    return new RateLimitError({
      ...init,
      message: described("too many requests"),
      retryAfterSeconds: ctx.retryAfterSeconds,
    })
  }
  if (statusCode >= 500) {
    return new ApiError({ ...init, message: described(`gateway error ${statusCode}`), maybeProcessed: ctx.mutating })
  }
  if (statusCode >= 400) {
    if (!body) return new ApiError({ ...init, message: described(`gateway answered ${statusCode} with a body that is not the reference's shape`) })
    return new InvalidRequestError({ ...init, message: described(`request refused (${statusCode})`) })
  }
  // A 2xx that is not a success.
  if (!body) {
    return new ApiError({
      ...init,
      message: described("the gateway's answer is not the reference's shape (a JSON array holding one object with a boolean status)"),
      // A 200 with a garbled body on a charge means the charge may well have gone through.
      maybeProcessed: ctx.mutating,
    })
  }
  // A 2xx with `status: false` is the gateway refusing the request in the
  // reference's own error shape: deterministic, so not retryable.
  if (body.code && DECLINE_CODES.has(body.code)) {
    return new CardError({ ...init, message: described("card declined"), declineCode: body.decline_code ?? body.code })
  }
  return new InvalidRequestError({ ...init, message: described("request refused") })
}

function describe(endpoint: string, message: string): string {
  return `InstantMerchant ${endpoint}: ${message}`
}

function safeFields(body: GatewayFailureBody): Record<string, unknown> {
  const out: Record<string, unknown> = { status: false }
  for (const key of ["message", "code", "param", "decline_code"] as const) {
    if (typeof body[key] === "string") out[key] = body[key]
  }
  return out
}
