import { PaymentMode } from "../client"
import { BillingInterval } from "../rules/subscription/billing-interval"
import { V2SessionData } from "./session-data-v2"

/** What a charge adds to the payment data. */
export type ChargeOutcome = Pick<V2SessionData, "charge_id" | "invoice_num" | "invoice_date_due" | "subscription_id" | "interval" | "expiry_date">

/** Everything a charge needs, gathered by authorizePayment. */
export interface ChargeRequest {
  data: V2SessionData & Required<Pick<V2SessionData, "card_id" | "billing" | "email" | "session_id">>
  amount: number
  payment_mode: PaymentMode
  idempotencyKey: string
  /** Set when the charge opens a subscription (`payment_type: recurring`). */
  interval?: BillingInterval
}
