const HOUR_MS = 60 * 60 * 1000

/**
 * When an active subscription's renewal becomes due: `leadHours` before its
 * paid period ends, so that the customer is never without a paid period.
 */
export function renewalDueAt(periodEnd: Date, leadHours: number): Date {
  return new Date(periodEnd.getTime() - leadHours * HOUR_MS)
}

/**
 * When to try again after `failedAttempts` declined renewals of the period
 * ending `periodEnd`, or null when the schedule is spent and the subscription
 * expires. `retryHours` counts from the period's end: [24, 72] tries again a
 * day after, then three days after.
 */
export function retryAt(periodEnd: Date, failedAttempts: number, retryHours: readonly number[]): Date | null {
  if (failedAttempts < 1) throw new RangeError("retryAt is for a period with at least one failed attempt")
  const hours = retryHours[failedAttempts - 1]
  return hours === undefined ? null : new Date(periodEnd.getTime() + hours * HOUR_MS)
}
