import { model } from "@medusajs/framework/utils"
import { BILLING_INTERVALS } from "../../../../../rules/subscription/billing-interval"
import { InstantMerchantSubscriptionRenewal } from "./instantmerchant-subscription-renewal"

export const SUBSCRIPTION_STATUSES = ["active", "past_due", "canceled", "expired"] as const

/**
 * A subscription the gateway renews each interval, as the 2.x plugin records
 * it: the fields and states of v1's `instantmerchant_subscription` table
 * (src/models/instantmerchant-subscription.ts), in the same table name, so
 * the views and rules of the core read both alike.
 */
export const InstantMerchantSubscription = model
  .define("instantmerchant_subscription", {
    id: model.id({ prefix: "imsub" }).primaryKey(),
    /** The gateway's `sub_…` id. */
    gateway_subscription_id: model.text().unique(),
    customer_id: model.text().index().nullable(),
    email: model.text(),
    /** The order that bought it, and its cart. */
    order_id: model.text().nullable(),
    cart_id: model.text().nullable(),
    interval: model.enum([...BILLING_INTERVALS]),
    /** Charged each period, in minor units: the whole first charge. */
    amount: model.number(),
    currency_code: model.text(),
    card_id: model.text(),
    card_last_4: model.text(),
    status: model.enum([...SUBSCRIPTION_STATUSES]).index(),
    current_period_start: model.dateTime(),
    /** End of the paid period: the gateway's `expiry_date`. */
    current_period_end: model.dateTime(),
    /** When the renewal job next tries this subscription; null once canceled or expired. */
    next_renewal_at: model.dateTime().nullable(),
    /** Declined attempts to renew the current period. */
    failed_attempts: model.number().default(0),
    /** Renewal errors in a row that were not declines (nothing charged): the job backs off (src/subscriptions/error-backoff.ts). */
    error_attempts: model.number().default(0),
    canceled_at: model.dateTime().nullable(),
    renewals: model.hasMany(() => InstantMerchantSubscriptionRenewal, { mappedBy: "subscription" }),
  })
  .indexes([{ name: "IDX_imsub_next_renewal_at", on: ["next_renewal_at"], where: "next_renewal_at IS NOT NULL" }])
