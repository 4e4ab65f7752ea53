import { model } from "@medusajs/framework/utils"
import { InstantMerchantSubscription } from "./instantmerchant-subscription"

/** `succeeded` and `failed` are final; `unknown` means the gateway did not answer, and the next attempt replays it. */
export const RENEWAL_STATUSES = ["succeeded", "failed", "unknown"] as const

/**
 * One attempt to renew one period of a subscription (v1's
 * `instantmerchant_subscription_renewal`). The database allows one row per
 * (subscription, period, attempt) and one success per (subscription, period):
 * a period can never be renewed twice, whatever runs at once.
 */
export const InstantMerchantSubscriptionRenewal = model
  .define("instantmerchant_subscription_renewal", {
    id: model.id({ prefix: "imren" }).primaryKey(),
    subscription: model.belongsTo(() => InstantMerchantSubscription, { mappedBy: "renewals" }),
    /** The period this attempt pays for. */
    period_start: model.dateTime(),
    period_end: model.dateTime().nullable(),
    attempt: model.number(),
    status: model.enum([...RENEWAL_STATUSES]),
    /** `job` or `admin`. */
    trigger: model.text(),
    amount: model.number(),
    charge_id: model.text().nullable(),
    invoice_num: model.number().nullable(),
    failure_code: model.text().nullable(),
    failure_message: model.text().nullable(),
    /** The Medusa order made for this renewal, when the shop turned that on. */
    order_id: model.text().nullable(),
    attempted_at: model.dateTime(),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([
    { name: "IDX_imren_attempt", unique: true, on: ["subscription_id", "period_start", "attempt"], where: null },
    // The second guard against a double renewal: the database refuses a second success for one period.
    { name: "IDX_imren_one_success_per_period", unique: true, on: ["subscription_id", "period_start"], where: "status = 'succeeded'" },
  ])
