import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework/subscribers"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { INSTANTMERCHANT_INVOICES } from "../modules/instantmerchant-invoices"
import type InstantMerchantInvoicesService from "../modules/instantmerchant-invoices/service"
import { checkoutInvoiceRecord } from "../modules/instantmerchant-invoices/checkout-invoice-record"

/* eslint-disable @typescript-eslint/no-explicit-any */

/** Payments of the `instantmerchant-invoice` provider, whatever id the store registered it under. */
const INVOICE_PROVIDER = /^pp_instantmerchant-invoice_/

/**
 * Keeps the records of checkout invoices. On Medusa 2.x a payment provider
 * cannot resolve another module's service (the v1 processor wrote the record
 * itself), so the record is written here, from what the provider kept in the
 * payment's data, on each event after which that data may have changed:
 * the order placed (authorized, or captured with `capture: true`), a capture,
 * a refund, and the order canceled (the authorization released). Each
 * reading is merged into the record under its row lock; a reading that
 * arrives late or twice changes nothing (see mergedCheckoutMoney).
 */
export default async function instantmerchantInvoiceRecords({ event, container }: SubscriberArgs<{ id: string }>): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY) as any
  const orderId = event.name.startsWith("payment.") ? await orderOfPayment(query, event.data.id) : event.data.id
  if (!orderId) return
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", "cart.id", "payment_collections.payments.id", "payment_collections.payments.provider_id", "payment_collections.payments.data"],
    filters: { id: orderId },
  })
  const order = orders[0]
  if (!order) return
  const invoices = container.resolve<InstantMerchantInvoicesService>(INSTANTMERCHANT_INVOICES)
  const payments = (order.payment_collections ?? []).flatMap((c: any) => c?.payments ?? []).filter((p: any) => INVOICE_PROVIDER.test(p?.provider_id ?? ""))
  for (const payment of payments) {
    const record = checkoutInvoiceRecord(payment.data, { id: order.id, customer_id: order.customer_id, cart_id: order.cart?.id })
    if (record) await invoices.recordCheckoutInvoice(record)
  }
}

async function orderOfPayment(query: any, paymentId: string): Promise<string | undefined> {
  const { data } = await query.graph({ entity: "payment", fields: ["id", "provider_id", "payment_collection.order.id"], filters: { id: paymentId } })
  const payment = data[0]
  return payment && INVOICE_PROVIDER.test(payment.provider_id ?? "") ? payment.payment_collection?.order?.id : undefined
}

export const config: SubscriberConfig = {
  event: ["order.placed", "order.canceled", "payment.captured", "payment.refunded"],
  context: { subscriberId: "instantmerchant-invoice-records" },
}
