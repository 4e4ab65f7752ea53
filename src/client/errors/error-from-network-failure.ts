import { redact } from "../redact"
import { ConnectionError } from "./connection-error"

/**
 * Error codes for which we know the request never reached the gateway: the
 * connection was never established. Everything else (a timeout, a reset, a
 * socket hang-up) may have happened after the gateway read the request.
 */
const NEVER_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
])

/** The never-sent failures that may clear up on their own, so are worth a retry. */
const TRANSIENT_NEVER_SENT: ReadonlySet<string> = new Set(["ECONNREFUSED", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"])

// TLS failures happen during the handshake, before a byte of the request is sent.
const TLS_CODE = /^(ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/

export interface NetworkFailure {
  /** The system error code (or ECONNABORTED for a timeout): ECONNREFUSED, ECONNABORTED, ETIMEDOUT, ECONNRESET, ... */
  code?: string
  message: string
}

export function wasNeverSent(failure: NetworkFailure): boolean {
  const code = failure.code ?? ""
  return NEVER_SENT_CODES.has(code) || TLS_CODE.test(code)
}

export function isTransientNeverSent(failure: NetworkFailure): boolean {
  return TRANSIENT_NEVER_SENT.has(failure.code ?? "")
}

export function isTimeout(failure: NetworkFailure): boolean {
  return failure.code === "ECONNABORTED" || failure.code === "ETIMEDOUT" || /timeout/i.test(failure.message)
}

/** Pure: table-tested. */
export function errorFromNetworkFailure(
  failure: NetworkFailure,
  ctx: { endpoint: string; idempotencyKey?: string; mutating: boolean; timeoutMs: number }
): ConnectionError {
  const neverSent = wasNeverSent(failure)
  const maybeProcessed = ctx.mutating && !neverSent
  const what = isTimeout(failure)
    ? `no answer within ${ctx.timeoutMs} ms`
    : neverSent
      ? `could not reach the gateway (${failure.code ?? failure.message})`
      : `the connection failed before an answer came back (${failure.code ?? failure.message})`
  const advice = maybeProcessed
    ? "; the request may have been processed: reconcile before trying again"
    : ""
  const cause = new Error(redact(failure.message))
  if (failure.code) (cause as NodeJS.ErrnoException).code = failure.code
  return new ConnectionError({
    message: `InstantMerchant ${ctx.endpoint}: ${what}${advice}`,
    code: failure.code,
    endpoint: ctx.endpoint,
    idempotencyKey: ctx.idempotencyKey,
    maybeProcessed,
    cause,
  })
}
