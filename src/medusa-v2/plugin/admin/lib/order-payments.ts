import type { V2SessionData } from "../../../session-data-v2"

/** What the widget needs of a 2.x order: its payment collections' payments, as the core admin API returns them. */
export interface OrderWithPayments {
  payment_collections?: Array<{ payments?: Array<{ id: string; provider_id: string; captured_at?: string | Date | null; data?: Record<string, unknown> | null }> | null }> | null
}

/** One InstantMerchant payment of an order, in cents, as the widget shows it. */
export interface OrderPayment {
  id: string
  kind: "card" | "invoice"
  data: V2SessionData
  /** released, captured, authorized, or pending (no charge yet). */
  state: "released" | "captured" | "authorized" | "pending"
  currency: string
  authorized: number
  captured: number
  refunded: number
  remaining: number
}

// The providers register as pp_<identifier>_<id> (see src/medusa-v2/index.ts).
const INVOICE_PREFIX = "pp_instantmerchant-invoice_"
const CARD_PREFIX = "pp_instantmerchant_"

/**
 * The order's InstantMerchant payments. The figures come from the payment
 * data the provider keeps (cents, the gateway's own words: captured,
 * released, refunds), not from Medusa's amounts, which 2.x keeps in major
 * units. A capture Medusa recorded (captured_at) counts too.
 */
export function orderPayments(order: OrderWithPayments): OrderPayment[] {
  const payments = (order.payment_collections ?? []).flatMap((c) => c.payments ?? [])
  return payments.flatMap((p) => {
    const kind = p.provider_id.startsWith(INVOICE_PREFIX) ? "invoice" : p.provider_id.startsWith(CARD_PREFIX) ? "card" : null
    if (!kind) return []
    const data = (p.data ?? {}) as unknown as V2SessionData
    const isCaptured = !!p.captured_at || data.captured === true
    const authorized = data.amount ?? 0
    const captured = isCaptured ? authorized : 0
    const refunded = data.amount_refunded ?? 0
    const state = data.released ? "released" : !data.charge_id ? "pending" : isCaptured ? "captured" : "authorized"
    return [{ id: p.id, kind, data, state, currency: data.currency_code ?? "usd", authorized, captured, refunded, remaining: Math.max(captured - refunded, 0) }]
  })
}
