import type { BillingInterval } from "../billing-interval"
import type { CardBrand } from "../cards/card-checks"
import type { DeclineCode } from "../cards/test-cards"

/**
 * The records of the sandbox's data, per environment. They are also what the
 * data file holds, so none may ever hold a card number or CVC.
 */

export type EnvironmentName = "test" | "live"
export const ENVIRONMENT_NAMES: readonly EnvironmentName[] = ["test", "live"]

export interface CustomerRecord {
  customer_id: number
  name: string
  email: string
  username: string
  address: string
  city: string
  zip: string
  state: string
  country: string
  created_at: number
}

export interface CardRecord {
  card_id: string
  last4: string
  exp_month: number
  exp_year: number
  brand: CardBrand
  cardholder_name: string
  customer_id: number | null
  /**
   * Saved cards are listed by card/get and chargeable by `card_id`. Unsaved
   * ones are the one-off cards of a charge (kept so a subscription can renew
   * on them).
   */
  saved: boolean
  is_default: boolean
  description: string | null
  /** Decided when the card is stored, from the test-card table (or the decline control). */
  decline_on_charge: DeclineCode | null
  created_at: number
}

export type PaymentMode = "auth_and_capture" | "auth_only"

/** Stored lifecycle; refund states are derived from the amounts. */
export type ChargeState = "authorized" | "captured" | "released" | "expired"

export interface ChargeRecord {
  charge_id: string
  amount: number
  currency: string
  payment_mode: PaymentMode
  state: ChargeState
  amount_refunded: number
  card_id: string
  card_last4: string
  customer_id: number | null
  invoice_num: number | null
  subscription_id: string | null
  description: string
  created_at: number
  captured_at: number | null
  authorization_expires_at: number | null
}

export interface RefundRecord {
  refund_id: string
  charge_id: string
  amount: number
  /** `authorization_released` when the refund voided an uncaptured authorization. */
  reason: "requested" | "authorization_released"
  created_at: number
}

export interface SubscriptionRecord {
  subscription_id: string
  status: "active" | "canceled"
  customer_id: number | null
  card_id: string
  amount: number
  currency: string
  interval: BillingInterval
  description: string
  created_at: number
  expiry_date: number
  canceled_at: number | null
  charge_ids: string[]
  invoice_nums: number[]
}

export interface InvoiceItem {
  name: string
  price: number
}

export interface InvoiceRecord {
  invoice_num: number
  customer_id: number | null
  description: string
  date_due: string
  items: InvoiceItem[]
  amount: number
  currency: string
  payment_type: "one_time" | "recurring"
  interval: BillingInterval | null
  send_invoice_to: string | null
  invoice_to_staff: string | null
  charge_id: string | null
  subscription_id: string | null
  created_at: number
}

export interface OutboxEmail {
  email_id: string
  to: string
  kind: "invoice" | "payment_receipt"
  subject: string
  invoice_num: number | null
  charge_id: string | null
  sent_at: number
}

/** A completed answer kept for its Idempotency-Key, as it is in the data file. */
export interface StoredAnswer {
  /** A digest of the request (see requestFingerprint), never its parameters. */
  fingerprint: string
  status: number
  body: unknown
  created_at: number
}

/** One environment's data as the data file holds it: plain arrays and objects. */
export interface PersistedEnvironment {
  customers: CustomerRecord[]
  cards: CardRecord[]
  charges: ChargeRecord[]
  refunds: RefundRecord[]
  subscriptions: SubscriptionRecord[]
  invoices: InvoiceRecord[]
  outbox: OutboxEmail[]
  /** Completed answers by Idempotency-Key. */
  idempotency: Record<string, StoredAnswer>
  next_customer_id: number
  next_invoice_num: number
}

/** How the compact tables hold each field, in the records' own order (the data file's). */
