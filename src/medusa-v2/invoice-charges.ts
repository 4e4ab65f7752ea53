import { InstantMerchantClient } from "../client"
import { ChargeOutcome, ChargeRequest } from "./charge-request"
import { ResolvedV2Options } from "./provider-options"
import { V2SessionData } from "./session-data-v2"

/**
 * The invoice API in place of the direct charge endpoints: authorization
 * creates an invoice for the session's gateway customer and charges the
 * stored card on it; capture and refund act on the invoice's charge.
 *
 * A 2.x provider never sees the cart, so the invoice has one item, the
 * payment's amount, rather than v1's itemized lines.
 */
export class InvoiceCharges {
  constructor(private readonly client: InstantMerchantClient, private readonly options: ResolvedV2Options) {}

  async create(request: ChargeRequest): Promise<ChargeOutcome> {
    const { data } = request
    const customer = data.instantmerchant_customer_id
    if (customer === undefined) throw new Error("the payment data has a card but no gateway customer")
    const date_due = dueDate(new Date(), this.options.invoice_due_days)
    const items = checkoutInvoiceItems(request.amount)
    const invoice = await this.client.invoices.create(
      {
        customer,
        description: checkoutInvoiceDescription(data.session_id),
        date_due,
        items: items.map((i) => i.name),
        items_price: items.map((i) => i.price),
        currency: "usd",
        payment_type: "one_time",
        payment_mode: request.payment_mode,
        card_id: data.card_id,
        send_now: this.options.invoice_send_now ? 1 : 0,
        send_invoice_to: this.options.invoice_send_to,
        invoice_to_staff: this.options.invoice_to_staff,
      },
      { idempotencyKey: request.idempotencyKey }
    )
    if (!invoice.charge_id) throw new Error(`invoice ${invoice.invoice_num} was created without a charge`)
    return { charge_id: invoice.charge_id, invoice_num: invoice.invoice_num, invoice_date_due: date_due }
  }

  async capture(data: V2SessionData, idempotencyKey: string): Promise<void> {
    await this.client.invoices.capture({ charge_id: data.charge_id! }, { idempotencyKey })
  }

  /** Refunds `amount`, or, without one, releases the uncaptured authorization. */
  refund(data: V2SessionData, amount: number | undefined, idempotencyKey: string): Promise<{ refund_id: string }> {
    return this.client.invoices.refund({ charge_id: data.charge_id!, amount }, { idempotencyKey })
  }
}

/** The description of a checkout invoice: the payment session it pays. The plugin's invoice record repeats it. */
export function checkoutInvoiceDescription(sessionId: string): string {
  return `Medusa payment session ${sessionId}`
}

/** The items of a checkout invoice: one, the payment's amount in cents (a 2.x provider never sees the cart's lines). */
export function checkoutInvoiceItems(amount: number): Array<{ name: string; price: number }> {
  return [{ name: "Order total", price: amount }]
}

/**
 * The reference's `date_due`, "mm/dd/yyyy", `days` after `now`, in UTC.
 * (v1 has the same rule in payment/invoice/due-date.ts, outside the core this
 * adapter may import; the restructure of issue 12 moves it into the core.)
 */
function dueDate(now: Date, days: number): string {
  const due = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days))
  return `${String(due.getUTCMonth() + 1).padStart(2, "0")}/${String(due.getUTCDate()).padStart(2, "0")}/${due.getUTCFullYear()}`
}
