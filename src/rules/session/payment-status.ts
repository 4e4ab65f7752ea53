import { InstantMerchantSessionData } from "./session-data"

/** Medusa's `PaymentSessionStatus` values, spelled here so the core needs no Medusa import. */
export type SessionStatus = "pending" | "authorized" | "requires_more" | "error" | "canceled"

/**
 * The one mapping from what the payment data holds to Medusa's status.
 *
 * | Data holds             | Status     |
 * |------------------------|------------|
 * | no card yet            | pending    |
 * | a card, no charge      | pending    |
 * | a charge               | authorized |
 * | a failed charge        | error      |
 * | a released charge      | canceled   |
 *
 * A captured charge stays `authorized`: in Medusa, capture is a state of the
 * payment, not of the session.
 */
export function paymentStatusOf(data: Partial<InstantMerchantSessionData> | undefined | null): SessionStatus {
  if (!data) return "pending"
  if (data.charge_id && data.released) return "canceled"
  if (data.charge_id) return "authorized"
  if (data.charge_failed) return "error"
  return "pending"
}
