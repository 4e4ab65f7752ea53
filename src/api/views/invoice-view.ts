import type { InvoiceRecordData } from "../../invoices/invoice-record"

export type StoredInvoice = InvoiceRecordData & { id: string; created_at: Date; updated_at: Date }

/** The invoice the admin routes answer: the whole record. The admin reads it as JSON (see admin/lib/types.ts). */
export type InvoiceView = StoredInvoice

/**
 * The `{ invoice }` the admin routes answer: every field of the record,
 * named as in the table. It holds no card data beyond the last 4.
 */
export function invoiceView(r: StoredInvoice): InvoiceView {
  return {
    id: r.id,
    invoice_num: r.invoice_num,
    status: r.status,
    amount: r.amount,
    currency: r.currency,
    items: r.items,
    description: r.description,
    date_due: r.date_due,
    customer_id: r.customer_id,
    order_id: r.order_id,
    cart_id: r.cart_id,
    gateway_customer_id: r.gateway_customer_id,
    charge_id: r.charge_id,
    payment_mode: r.payment_mode,
    card_last_4: r.card_last_4,
    captured: r.captured,
    released: r.released,
    amount_refunded: r.amount_refunded,
    refunds: r.refunds,
    sent_at: r.sent_at,
    created_at: r.created_at,
    updated_at: r.updated_at,
  }
}
