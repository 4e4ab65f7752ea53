import { formatDueDate } from "../../../../invoices/due-date"
import { InvoiceRecordData, invoiceStatusOf } from "../../../../invoices/invoice-record"
import { checkoutInvoiceDescription, checkoutInvoiceItems } from "../../../invoice-charges"
import { toV2SessionData } from "../../../session-data-v2"

/** The order a checkout invoice pays, as the order.placed subscriber reads it. */
export interface PaidOrder {
  id: string
  customer_id?: string | null
  cart_id?: string | null
}

/**
 * The record of a checkout invoice, read from the order's payment data: the
 * `instantmerchant-invoice` provider keeps everything the record needs there
 * (invoice_num, charge, gateway customer, date_due, captures and refunds),
 * because a 2.x provider cannot reach another module to write the record
 * itself. Undefined when the data holds no invoice (not this provider's, or
 * never authorized).
 */
export function checkoutInvoiceRecord(paymentData: Record<string, unknown> | null | undefined, order: PaidOrder, now = new Date()): InvoiceRecordData | undefined {
  const data = toV2SessionData(paymentData)
  if (data.invoice_num === undefined || !data.charge_id || data.instantmerchant_customer_id === undefined || !data.session_id) return undefined
  const refunds = data.refunds ?? []
  const money = { amount: data.amount, charge_id: data.charge_id, released: data.released === true, amount_refunded: sum(refunds) }
  return {
    invoice_num: data.invoice_num,
    customer_id: order.customer_id ?? null,
    order_id: order.id,
    cart_id: order.cart_id ?? null,
    gateway_customer_id: data.instantmerchant_customer_id,
    description: checkoutInvoiceDescription(data.session_id),
    items: checkoutInvoiceItems(data.amount),
    currency: "usd",
    ...money,
    status: invoiceStatusOf(money),
    payment_mode: data.payment_mode ?? "auth_only",
    card_last_4: data.card_last_4 ?? null,
    captured: data.captured === true,
    refunds,
    sent_at: [],
    // Kept by the provider since the plugin came; a payment authorized before it is dated the day it is recorded.
    date_due: data.invoice_date_due ?? formatDueDate(now),
  }
}

/**
 * What a newer reading of the payment adds to a stored record. Money state
 * only grows (captured, released, refunds are never undone), so the merge is
 * a union: events read out of order, or twice, never roll a record back, and
 * a stale reading never overwrites a newer row.
 */
export function mergedCheckoutMoney(current: InvoiceRecordData, seen: InvoiceRecordData): Partial<InvoiceRecordData> {
  const refunds = [...current.refunds, ...seen.refunds.filter((r) => !current.refunds.some((c) => c.refund_id === r.refund_id))]
  const next = {
    order_id: current.order_id ?? seen.order_id,
    customer_id: current.customer_id ?? seen.customer_id,
    cart_id: current.cart_id ?? seen.cart_id,
    captured: current.captured || seen.captured,
    released: current.released || seen.released,
    refunds,
    amount_refunded: sum(refunds),
  }
  return { ...next, status: invoiceStatusOf({ ...current, ...next }) }
}

function sum(refunds: Array<{ amount: number }>): number {
  return refunds.reduce((n, r) => n + r.amount, 0)
}
