/**
 * Subscription periods. Reference: `interval` is "Required, when payment_type
 * is set to `recurring`"; the values are weekly, monthly, quarterly, yearly.
 */
export const BILLING_INTERVALS = ["weekly", "monthly", "quarterly", "yearly"] as const

export type BillingInterval = (typeof BILLING_INTERVALS)[number]

export function isBillingInterval(value: string): value is BillingInterval {
  return (BILLING_INTERVALS as readonly string[]).includes(value)
}

const MONTHS_PER_INTERVAL: Record<Exclude<BillingInterval, "weekly">, number> = {
  monthly: 1,
  quarterly: 3,
  yearly: 12,
}

/**
 * The end of a period that starts at `fromSeconds`: weekly is 7 days; the
 * others are calendar months in UTC, clamped to the target month's last day
 * (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year).
 */
export function addInterval(fromSeconds: number, interval: BillingInterval): number {
  if (interval === "weekly") return fromSeconds + 7 * 24 * 60 * 60
  return addCalendarMonths(fromSeconds, MONTHS_PER_INTERVAL[interval])
}

function addCalendarMonths(fromSeconds: number, months: number): number {
  const from = new Date(fromSeconds * 1000)
  const targetMonth = from.getUTCMonth() + months
  const lastDayOfTarget = new Date(Date.UTC(from.getUTCFullYear(), targetMonth + 1, 0)).getUTCDate()
  const day = Math.min(from.getUTCDate(), lastDayOfTarget)
  const to = Date.UTC(
    from.getUTCFullYear(),
    targetMonth,
    day,
    from.getUTCHours(),
    from.getUTCMinutes(),
    from.getUTCSeconds(),
  )
  return Math.floor(to / 1000)
}
