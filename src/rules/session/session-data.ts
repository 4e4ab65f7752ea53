import { PaymentMode } from "../../client"

/** One refund, as kept in the payment data. */
export interface RefundRecord {
  refund_id: string
  amount: number
  /** ISO 8601. */
  created_at: string
}

/**
 * The payment session data this plugin keeps. It is returned to the
 * storefront in the cart and becomes the order payment's `data`, so it holds
 * only what the shop needs: never a card number, a CVC or a secret.
 */
export interface InstantMerchantSessionData {
  amount: number
  currency_code: "usd"
  instantmerchant_customer_id?: number
  card_id?: string
  card_last_4?: string
  card_exp_month?: number
  card_exp_year?: number
  /** True when the card is one of the signed-in customer's saved cards (on their account's gateway customer). */
  card_saved?: boolean
  charge_id?: string
  /** For payments made through an invoice (the instantmerchant-invoice provider). */
  invoice_num?: number
  payment_mode?: PaymentMode
  captured?: boolean
  /** ISO 8601: the reference says uncaptured charges expire in 7 days. */
  authorization_expires_at?: string
  /** Set when the authorization was released (cancel) or expired. */
  released?: boolean
  /** Set when the last charge attempt was declined or failed. */
  charge_failed?: boolean
  /** Counts the authorizations of this session after a released or expired one (absent for the first). */
  authorization_attempt?: number
  amount_refunded?: number
  refunds?: RefundRecord[]
  subscription_id?: string
  interval?: string
  expiry_date?: number
}

/** The fields that may be stored, and nothing else. */
export const SESSION_DATA_FIELDS = [
  "amount",
  "currency_code",
  "instantmerchant_customer_id",
  "card_id",
  "card_last_4",
  "card_exp_month",
  "card_exp_year",
  "card_saved",
  "charge_id",
  "invoice_num",
  "payment_mode",
  "captured",
  "authorization_expires_at",
  "released",
  "charge_failed",
  "authorization_attempt",
  "amount_refunded",
  "refunds",
  "subscription_id",
  "interval",
  "expiry_date",
] as const satisfies readonly (keyof InstantMerchantSessionData)[]

/**
 * Keeps only the allowed fields. Every value this plugin hands back to Medusa
 * goes through here, so that a field added by mistake (or a storefront's
 * `card_number`) can never reach the database.
 */
export function toSessionData(data: Record<string, unknown>): InstantMerchantSessionData {
  const out: Record<string, unknown> = {}
  for (const field of SESSION_DATA_FIELDS) {
    // null is how a field was cleared in data Medusa merges (see dead-authorization.ts): read as absent.
    if (data[field] !== undefined && data[field] !== null) out[field] = data[field]
  }
  return out as unknown as InstantMerchantSessionData
}

/** What is left to refund: what was captured less what was refunded. */
export function refundableAmount(data: InstantMerchantSessionData): number {
  if (!data.charge_id || !data.captured || data.released) return 0
  return data.amount - (data.amount_refunded ?? 0)
}
