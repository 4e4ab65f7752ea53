/** Types that several endpoints of the reference share. */

/** `auth_and_capture` charges at once; `auth_only` authorizes, to be captured within 7 days. */
export type PaymentMode = "auth_and_capture" | "auth_only"

/** `recurring` opens a subscription that the gateway can renew each `interval`. */
export type PaymentType = "one_time" | "recurring"

export type BillingInterval = "weekly" | "monthly" | "quarterly" | "yearly"

/** The reference's flags are sent as `true`/`false`, except `send_now`/`send_email` (`1`/`0`). */
export type ZeroOrOne = 0 | 1

/**
 * Raw card details. They exist only in memory, for the one request that passes
 * them to the gateway: never store, log or return them.
 */
export interface CardDetails {
  cardholder_name: string
  /** Digits only, no separators. */
  card_number: string
  /** 1 to 12. */
  exp_month: number | string
  /** Two or four digits. */
  exp_year: number | string
  cvc: string
}

/** A card is given either as details or as a stored `card_id`. */
export type CardSource = CardDetails | { card_id: string }

export interface SaveCardFlags {
  /** Store the card on the customer. */
  save_card?: boolean
  /** Store it and make it the customer's default card. */
  is_default?: boolean
}

export interface RecurringFields {
  payment_type?: PaymentType
  /** Required when `payment_type` is `recurring`. */
  interval?: BillingInterval
}

/** Every successful answer carries these. */
export interface GatewayAnswer {
  status: true
  message: string
}
