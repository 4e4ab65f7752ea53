import type { InvoiceChargeParams, InvoiceCreateParams } from "../client"
import type { ResolvedPluginOptions } from "../config/plugin-options"
import { AddressLike, gatewayAddressFrom } from "../customers/gateway-address"
import type { CustomerDetails } from "../customers/gateway-customers"
import { CardInput, gatewayCardFields } from "../rules/card/card-input"
import { InputError } from "../rules/input/input-error"
import type { CreateInvoiceInput } from "./invoice-input"
import { InvoiceRecordData, invoiceStatusOf } from "./invoice-record"

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The invoice create request of an admin's `pay_later` invoice. */
export function payLaterParams(
  input: CreateInvoiceInput,
  gatewayCustomer: number,
  options: Pick<ResolvedPluginOptions, "invoice_send_to" | "invoice_to_staff">
): InvoiceCreateParams {
  return {
    customer: gatewayCustomer,
    description: input.description,
    date_due: input.date_due,
    items: input.items.map((i) => i.name),
    items_price: input.items.map((i) => i.price),
    currency: "usd",
    payment_type: "one_time",
    payment_mode: "pay_later",
    send_now: input.send_now ? 1 : 0,
    send_invoice_to: input.send_invoice_to ?? options.invoice_send_to,
    invoice_to_staff: options.invoice_to_staff,
  }
}

/** The record of a `pay_later` invoice the gateway just created: open, nothing charged. */
export function payLaterRecord(invoiceNum: number, customerId: string, gatewayCustomer: number, input: CreateInvoiceInput, now: Date): InvoiceRecordData {
  const money = { amount: input.items.reduce((n, i) => n + i.price, 0), charge_id: null, released: false, amount_refunded: 0 }
  return {
    invoice_num: invoiceNum,
    customer_id: customerId,
    order_id: null,
    cart_id: null,
    gateway_customer_id: gatewayCustomer,
    description: input.description,
    items: input.items,
    currency: "usd",
    ...money,
    status: invoiceStatusOf(money),
    payment_mode: "pay_later",
    card_last_4: null,
    captured: false,
    refunds: [],
    sent_at: input.send_now ? [now.toISOString()] : [],
    date_due: input.date_due,
  }
}

/** The card part of /invoice/charge: details pass through this call only. */
export function cardParams(card: CardInput): Partial<InvoiceChargeParams> {
  if (card.kind === "saved") return { card_id: card.card_id, is_default: card.is_default }
  return gatewayCardFields(card)
}

/**
 * The gateway customer's details for an invoice: the Medusa customer's own
 * address (or the `address` sent), named after the customer where the address is not.
 */
export function invoiceCustomerDetails(customer: any, sent: AddressLike | undefined): CustomerDetails {
  const own: AddressLike | undefined = sent ?? customer.billing_address ?? customer.shipping_addresses?.[0]
  if (!own) {
    throw new InputError("address", `is required: customer ${customer.id} has no gateway customer yet and no address of their own, and the gateway needs one to make it`)
  }
  const address = gatewayAddressFrom({ ...own, first_name: own.first_name || customer.first_name, last_name: own.last_name || customer.last_name }, "address")
  return { address, email: customer.email }
}

