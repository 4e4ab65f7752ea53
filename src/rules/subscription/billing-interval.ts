/** The gateway's intervals: "interval ... Required, when payment_type is set to recurring". */
export const BILLING_INTERVALS = ["weekly", "monthly", "quarterly", "yearly"] as const
export type BillingInterval = (typeof BILLING_INTERVALS)[number]

export function isBillingInterval(value: unknown): value is BillingInterval {
  return typeof value === "string" && (BILLING_INTERVALS as readonly string[]).includes(value)
}

/** The metadata key that marks a variant (or its product) as a subscription. */
export const INTERVAL_METADATA_KEY = "instantmerchant_interval"
