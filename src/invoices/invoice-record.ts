import { InputError } from "../rules/input/input-error"
import { assertRefundAmount } from "../rules/money/amount"
import { InvoiceItem } from "./invoice-items"
import { InvoiceStateError } from "./invoice-errors"

export type InvoiceStatus = "open" | "paid" | "partially_refunded" | "refunded"
export const INVOICE_STATUSES: readonly InvoiceStatus[] = ["open", "paid", "partially_refunded", "refunded"]

export interface InvoiceRefund {
  refund_id: string
  amount: number
  /** ISO 8601. */
  created_at: string
}

/** The shop's record of one gateway invoice (the `instantmerchant_invoice` table, without its id and timestamps). */
export interface InvoiceRecordData {
  invoice_num: number
  customer_id: string | null
  order_id: string | null
  cart_id: string | null
  gateway_customer_id: number
  description: string
  items: InvoiceItem[]
  /** The sum of the items, in cents. */
  amount: number
  currency: string
  status: InvoiceStatus
  charge_id: string | null
  payment_mode: "pay_later" | "auth_only" | "auth_and_capture"
  card_last_4: string | null
  captured: boolean
  released: boolean
  amount_refunded: number
  refunds: InvoiceRefund[]
  /** ISO times the invoice was emailed. */
  sent_at: string[]
  /** mm/dd/yyyy */
  date_due: string
}

type Money = Pick<InvoiceRecordData, "amount" | "charge_id" | "released" | "amount_refunded">

/**
 * The sandbox's reading of the gateway, mirrored: no charge is `open`; an
 * authorization or capture is `paid`; a released authorization counts as
 * `refunded` ("will be marked as refunded"), as does a full refund.
 */
export function invoiceStatusOf(r: Money): InvoiceStatus {
  if (!r.charge_id) return "open"
  if (r.released || r.amount_refunded >= r.amount) return "refunded"
  if (r.amount_refunded > 0) return "partially_refunded"
  return "paid"
}

/** A checkout invoice pays a Medusa cart: its money moves through the order, so Medusa's books and the gateway's agree. */
export function isCheckoutInvoice(r: Pick<InvoiceRecordData, "cart_id">): boolean {
  return r.cart_id !== null
}

/** Paying twice is refused here, before the gateway (which would answer 409 invoice_already_paid). */
export function assertChargeable(r: InvoiceRecordData): void {
  assertNotCheckout(r, "charged")
  if (r.charge_id) {
    throw new InvoiceStateError("invoice_already_paid", `invoice ${r.invoice_num} is already paid (charge ${r.charge_id}); an invoice is paid once`)
  }
}

export function assertCapturable(r: InvoiceRecordData): "capture" | "already_captured" {
  assertNotCheckout(r, "captured")
  if (!r.charge_id) throw new InvoiceStateError("invoice_not_paid", `invoice ${r.invoice_num} is not paid yet: charge it first`)
  if (r.released) throw new InvoiceStateError("charge_already_refunded", `the authorization of invoice ${r.invoice_num} was released`)
  return r.captured ? "already_captured" : "capture"
}

/** Refunds only what was captured and is not refunded yet: more is refused before the gateway. */
export function assertRefundable(r: InvoiceRecordData, amount: unknown): number {
  assertNotCheckout(r, "refunded")
  if (!r.charge_id) throw new InvoiceStateError("invoice_not_paid", `invoice ${r.invoice_num} is not paid: there is nothing to refund`)
  if (!r.captured) throw new InvoiceStateError("charge_not_captured", `the charge of invoice ${r.invoice_num} is not captured yet: capture it first`)
  if (r.released) throw new InputError("amount", "the authorization was released: there is nothing to refund")
  return assertRefundAmount(amount, r.amount - r.amount_refunded)
}

function assertNotCheckout(r: InvoiceRecordData, what: string): void {
  if (isCheckoutInvoice(r)) {
    const of = r.order_id ? `order ${r.order_id}` : `cart ${r.cart_id}`
    throw new InvoiceStateError(
      "checkout_invoice",
      `invoice ${r.invoice_num} pays Medusa ${of}: it is ${what} from the order in the Medusa admin, so that the order and the gateway stay in step`
    )
  }
}

// ---- transitions: each returns the fields to change, the status recomputed ----

export function afterCharge(r: InvoiceRecordData, charge: { charge_id: string; payment_mode: "auth_only" | "auth_and_capture"; card_last_4: string | null }): Partial<InvoiceRecordData> {
  const next = { ...charge, captured: charge.payment_mode === "auth_and_capture" }
  return { ...next, status: invoiceStatusOf({ ...r, ...next }) }
}

export function afterCapture(r: InvoiceRecordData): Partial<InvoiceRecordData> {
  return { captured: true, status: invoiceStatusOf(r) }
}

/** Recording the same refund twice (a replay) changes nothing. */
export function afterRefund(r: InvoiceRecordData, refund: InvoiceRefund): Partial<InvoiceRecordData> {
  if (r.refunds.some((x) => x.refund_id === refund.refund_id)) return {}
  const next = { amount_refunded: r.amount_refunded + refund.amount, refunds: [...r.refunds, refund] }
  return { ...next, status: invoiceStatusOf({ ...r, ...next }) }
}

/** A released authorization: no money moved, the gateway counts it as refunded. */
export function afterRelease(r: InvoiceRecordData): Partial<InvoiceRecordData> {
  return { released: true, status: invoiceStatusOf({ ...r, released: true }) }
}

export function afterSend(r: InvoiceRecordData, at: string): Partial<InvoiceRecordData> {
  return { sent_at: [...r.sent_at, at] }
}
