import { InstantMerchantSessionData } from "./session-data"

/** The reference: "Uncaptured charges expire in 7 days". */
export const AUTHORIZATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000

/** What a charge wrote into the session data; a new authorization replaces all of it. */
export const CHARGE_FIELDS = [
  "charge_id",
  "invoice_num",
  "payment_mode",
  "captured",
  "authorization_expires_at",
  "released",
  "amount_refunded",
  "refunds",
  "subscription_id",
  "interval",
  "expiry_date",
] as const satisfies readonly (keyof InstantMerchantSessionData)[]

/**
 * Whether the session's charge can no longer pay for an order: released (a
 * cancel refunded it in full), or an uncaptured authorization past its 7 days.
 * `releasedElsewhere` is what Medusa's records say: Medusa cancels the order
 * payment of a cart whose completion failed (stock ran out after the
 * authorization), and the session keeps the charge without knowing.
 * A captured charge is never dead: its money is there.
 */
export function isDeadAuthorization(data: InstantMerchantSessionData, now: Date, releasedElsewhere = false): boolean {
  if (!data.charge_id || data.captured) return false
  if (data.released || releasedElsewhere) return true
  return !!data.authorization_expires_at && Date.parse(data.authorization_expires_at) <= now.getTime()
}

/**
 * The data without its charge, for a new authorization. The attempt number
 * moves on, so the next charge gets an idempotency key of its own instead of
 * replaying the dead one.
 */
export function withoutCharge(data: InstantMerchantSessionData): InstantMerchantSessionData {
  const out: Record<string, unknown> = { ...data }
  for (const field of CHARGE_FIELDS) delete out[field]
  out.authorization_attempt = (data.authorization_attempt ?? 1) + 1
  return out as unknown as InstantMerchantSessionData
}

/**
 * The same, for an answer Medusa merges into the stored data
 * (`updatePaymentData`): a field can be cleared there only by a null.
 */
export function chargeClearedForMerge(data: InstantMerchantSessionData): Record<string, unknown> {
  const cleared: Record<string, unknown> = Object.fromEntries(CHARGE_FIELDS.map((field) => [field, null]))
  return { ...cleared, authorization_attempt: (data.authorization_attempt ?? 1) + 1 }
}

/**
 * The idempotency key of an authorization: one charge per session, card,
 * amount, payment mode, interval and attempt. A re-run after a timeout
 * replays it; a new attempt after a dead one, or the same cart charged
 * another way (the shop switched `capture`), is a new charge. The billing
 * address and email are not part of it: changing them after an answer that
 * was lost must not charge the card a second time (the gateway refuses the
 * changed request instead).
 */
export function authorizationKey(k: { sessionId: string; cardId: string; amount: number; payment_mode: string; interval?: string; attempt?: number }): string {
  const base = `im_authorize_${k.sessionId}_${k.cardId}_${k.amount}_${k.payment_mode}${k.interval ? `_${k.interval}` : ""}`
  return k.attempt && k.attempt > 1 ? `${base}_attempt${k.attempt}` : base
}
