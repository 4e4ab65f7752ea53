const MINUTE_MS = 60 * 1000

/** The wait after the first error, and the most the wait grows to. */
export const ERROR_BACKOFF_MINUTES = { first: 15, max: 24 * 60 } as const

/**
 * When to try a renewal again after its `errorAttempts`-th attempt in a row
 * failed with an error that is not a decline: the gateway refused the request
 * (an unknown subscription after switching keys, a wrong key, an IP not on the
 * allowlist) or could not be reached, and nothing was charged.
 *
 * 15 minutes, then 30, 1 h, 2 h, ... doubling up to a day. It never expires
 * the subscription: the customer did nothing wrong, and the shop has to fix
 * the cause. A decline follows `subscription_retry_hours` instead.
 */
export function errorRetryAt(now: Date, errorAttempts: number): Date {
  if (!Number.isInteger(errorAttempts) || errorAttempts < 1) throw new RangeError(`errorRetryAt needs a count of errors from 1, got ${errorAttempts}`)
  // The exponent is capped only so that 2 ** n stays a finite number.
  const minutes = Math.min(ERROR_BACKOFF_MINUTES.first * 2 ** Math.min(errorAttempts - 1, 32), ERROR_BACKOFF_MINUTES.max)
  return new Date(now.getTime() + minutes * MINUTE_MS)
}
