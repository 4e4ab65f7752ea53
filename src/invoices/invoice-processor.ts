import { isRefusal } from "../client"
import { InstantMerchantSessionData } from "../rules/session/session-data"
import { ChargeOutcome, ChargeRequest, InstantMerchantBase, InstantMerchantDependencies } from "../checkout/card-processor"
import { invoiceDelivery } from "../config/shared-options"
import { dueDate } from "../rules/invoice/due-date"
import type { CheckoutCart, CheckoutSession, PaymentCart } from "../checkout/checkout-lookup"
import { invoiceItemsFor } from "./invoice-items"
import { invoiceStatusOf } from "./invoice-record"
import { ContainerInvoiceRecords, InvoiceRecords } from "./invoice-records"

export interface InstantMerchantInvoiceDependencies extends InstantMerchantDependencies {
  records?: InvoiceRecords
}

/**
 * Pay by invoice: the card processor's whole flow (card entry, checks,
 * status, errors), with its three gateway calls routed to the invoice API.
 * Authorization creates an itemized invoice for the session's gateway
 * customer and charges the stored card on it; capture, refund and release
 * act on the invoice's charge. Each invoice is also kept in the plugin's
 * `instantmerchant_invoice` table, so the admin can list it.
 */
export abstract class InstantMerchantInvoiceBase extends InstantMerchantBase {
  protected readonly records: InvoiceRecords

  protected constructor(container: Record<string, unknown>, options: unknown, deps: InstantMerchantInvoiceDependencies = {}) {
    super(container, options, deps)
    this.records = deps.records ?? new ContainerInvoiceRecords(container)
  }

  /**
   * Invoice create with `items[]` from the cart, charging the stored card.
   * The items add up to exactly the session amount, or nothing is sent.
   * The record is written after the gateway answers; if that write fails,
   * the authorization fails, and its retry replays the same invoice (same
   * idempotency key) and writes it then.
   */
  protected override async createCharge(request: ChargeRequest): Promise<ChargeOutcome> {
    const { data } = request
    const cart = withTotals(request.cart)
    const items = invoiceItemsFor(cart, request.amount)
    const customer = data.instantmerchant_customer_id
    if (customer === undefined) throw new Error("the payment data has a card but no gateway customer")
    const date_due = dueDate(new Date(), this.options.invoice_due_days)
    const description = `Medusa cart ${cart.id}`
    const invoice = await this.client.invoices.create(
      {
        customer,
        description,
        date_due,
        items: items.map((i) => i.name),
        items_price: items.map((i) => i.price),
        currency: "usd",
        // A subscription cart opens its subscription on the invoice, as the reference allows.
        ...(request.interval ? { payment_type: "recurring" as const, interval: request.interval } : { payment_type: "one_time" as const }),
        payment_mode: request.payment_mode,
        card_id: data.card_id!,
        ...invoiceDelivery(this.options),
      },
      { idempotencyKey: request.idempotencyKey }
    )
    if (!invoice.charge_id) throw new Error(`invoice ${invoice.invoice_num} was created without a charge`)
    const money = { amount: request.amount, charge_id: invoice.charge_id, released: false, amount_refunded: 0 }
    await this.records.recordCheckoutInvoice({
      invoice_num: invoice.invoice_num,
      customer_id: cart.customer?.id ?? null,
      order_id: null,
      cart_id: cart.id,
      gateway_customer_id: customer,
      description,
      items,
      currency: "usd",
      ...money,
      status: invoiceStatusOf(money),
      payment_mode: request.payment_mode,
      card_last_4: data.card_last_4 ?? null,
      captured: request.payment_mode === "auth_and_capture",
      refunds: [],
      sent_at: this.options.invoice_send_now ? [new Date().toISOString()] : [],
      date_due,
    })
    const outcome: ChargeOutcome = { charge_id: invoice.charge_id, invoice_num: invoice.invoice_num }
    return request.interval ? { ...outcome, subscription_id: invoice.subscription_id, interval: request.interval, expiry_date: invoice.expiry_date } : outcome
  }

  /** The cart with its totals (the invoice is itemized from them), beside the session. */
  protected override async chargeParts(cartId: string): Promise<{ cart: CheckoutCart | null; session: CheckoutSession } | null> {
    const [cart, session] = await Promise.all([this.lookup.cart(cartId), this.lookup.sessionOfCart(cartId, this.providerId)])
    return session ? { cart, session } : null
  }

  /** Invoice capture. Already captured still marks the record, then lets the base treat it as success. */
  protected override async captureCharge(data: InstantMerchantSessionData, idempotencyKey: string): Promise<void> {
    const refused = await this.client.invoices.capture({ charge_id: data.charge_id! }, { idempotencyKey }).then(
      () => undefined,
      (e) => refusalOf(e, "charge_already_captured")
    )
    if (data.invoice_num !== undefined) await this.records.recordCapture(data.invoice_num)
    if (refused) throw refused
  }

  /**
   * Invoice refund of `amount`, or, without an amount, the release of an
   * uncaptured authorization. Already released or expired still marks the
   * record released, then lets the base treat it as success.
   */
  protected override async refundCharge(data: InstantMerchantSessionData, amount: number | undefined, idempotencyKey: string): Promise<{ refund_id: string }> {
    if (amount !== undefined) {
      const refund = await this.client.invoices.refund({ charge_id: data.charge_id!, amount }, { idempotencyKey })
      if (data.invoice_num !== undefined) {
        await this.records.recordRefund(data.invoice_num, { refund_id: refund.refund_id, amount, created_at: new Date().toISOString() })
      }
      return refund
    }
    let refund: { refund_id: string } = { refund_id: "" }
    const refused = await this.client.invoices.refund({ charge_id: data.charge_id! }, { idempotencyKey }).then(
      (r) => void (refund = r),
      (e) => refusalOf(e, "charge_already_refunded", "authorization_expired")
    )
    if (data.invoice_num !== undefined) await this.records.recordRelease(data.invoice_num)
    if (refused) throw refused
    return refund
  }
}

/** The cart chargeParts read, which has its totals. */
function withTotals(cart: PaymentCart): CheckoutCart {
  if (typeof (cart as Partial<CheckoutCart>).total !== "number") throw new Error(`the invoice needs the totals of cart ${cart.id}`)
  return cart as CheckoutCart
}

/**
 * A refusal with one of `codes` (the work is already done) is returned
 * instead of thrown, so the record can be brought up to date before the
 * caller sees it. Anything else is thrown.
 */
function refusalOf(e: unknown, ...codes: string[]): Error {
  if (isRefusal(e, ...codes)) return e
  throw e
}
