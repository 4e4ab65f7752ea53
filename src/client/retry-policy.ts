import { isTransientNeverSent, NetworkFailure } from "./errors"

/**
 * When a request may be sent again. The gateway's reference does not promise
 * to honour `Idempotency-Key`, so a request that may have been processed is
 * only retried where doing it twice cannot move money twice.
 *
 * - `never-twice`: charges, refunds, renewals, invoice creation and charge,
 *   and everything else that changes state. Retried only when it certainly
 *   never reached the gateway (connection refused, DNS) or was refused
 *   unprocessed (429).
 * - `repeatable`: captures (a second capture is refused with 409, never
 *   doubled) and reads. Also retried after a timeout, a reset or a 5xx.
 */
export type RetryMode = "never-twice" | "repeatable"

export interface RetryDecisionInput {
  mode: RetryMode
  /** The answer's HTTP status, or undefined when none came back. */
  statusCode?: number
  network?: NetworkFailure
}

export function shouldRetry(input: RetryDecisionInput): boolean {
  const { mode, statusCode, network } = input
  if (network) return isTransientNeverSent(network) || (mode === "repeatable" && !isPermanentNetworkFailure(network))
  if (statusCode === 429) return true
  if (statusCode !== undefined && statusCode >= 500) return mode === "repeatable"
  return false
}

function isPermanentNetworkFailure(network: NetworkFailure): boolean {
  // DNS that says "no such host" and TLS failures will not fix themselves.
  return network.code === "ENOTFOUND" || /^(ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(network.code ?? "")
}

export interface BackoffOptions {
  baseDelayMs: number
  maxDelayMs: number
}

/**
 * Exponential backoff with jitter, capped. `attempt` is the retry number (1 for
 * the first retry). A `Retry-After` from a 429 is honoured up to the cap.
 */
export function retryDelayMs(
  attempt: number,
  options: BackoffOptions,
  retryAfterSeconds?: number,
  random: () => number = Math.random
): number {
  if (retryAfterSeconds !== undefined && retryAfterSeconds >= 0) {
    return Math.min(retryAfterSeconds * 1000, options.maxDelayMs)
  }
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1))
  // "Equal jitter": between half and all of the exponential delay, so that
  // clients that failed together do not retry together.
  return Math.round(exponential / 2 + (random() * exponential) / 2)
}
