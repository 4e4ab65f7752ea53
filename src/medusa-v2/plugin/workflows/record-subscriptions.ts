import type { LinkDefinition } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { opensSubscription, OrderPayment, subscriptionFromPayment } from "../../../subscriptions/subscription-from-order"
import { EventSubject, subject, SUBSCRIPTION_EVENTS } from "../../../subscriptions/subscription-events"
import { INSTANTMERCHANT_SUBSCRIPTIONS } from "../modules/instantmerchant-subscriptions"
import type { InstantMerchantSubscriptionsService, SubscriptionInput } from "../modules/instantmerchant-subscriptions/service"
import { emitSubscriptionEventsStep } from "./emit-subscription-events-step"

interface RecordedSubscription {
  id: string
  order_id: string
  customer_id: string | null
  status: "active"
}

/**
 * The subscriptions an order opened: each InstantMerchant payment whose data
 * holds the gateway's `subscription_id`, `interval` and `expiry_date` (set by
 * the card provider when the cart held subscription items), recorded as v1
 * records them (subscriptionFromPayment, from the core).
 */
export const subscriptionsOfOrderStep = createStep("instantmerchant-subscriptions-of-order", async (input: { order_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: ["id", "email", "customer_id", "payment_collections.payments.provider_id", "payment_collections.payments.currency_code", "payment_collections.payments.data"],
    filters: { id: input.order_id },
  })
  if (!order) return new StepResponse([] as SubscriptionInput[])
  const subscriptions = container.resolve<InstantMerchantSubscriptionsService>(INSTANTMERCHANT_SUBSCRIPTIONS)
  const now = await subscriptions.now()
  const cartId = await cartIdOf(container, order.id)
  const inputs: SubscriptionInput[] = []
  for (const collection of order.payment_collections ?? []) {
    for (const payment of collection?.payments ?? []) {
      if (!payment) continue
      const data = (payment.data ?? {}) as Record<string, unknown>
      // 2.x names a provider `pp_<identifier>_<id>`; the session data keeps the amount in cents, as v1's payment does.
      const asV1: OrderPayment = { provider_id: String(payment.provider_id).replace(/^pp_/, ""), amount: Number(data.amount), currency_code: String(payment.currency_code), data }
      if (!opensSubscription(asV1) || !Number.isInteger(asV1.amount)) continue
      const record = subscriptionFromPayment({ id: order.id, email: order.email ?? "", customer_id: order.customer_id, cart_id: cartId }, asV1, now, subscriptions.options.subscription_renewal_lead_hours)
      inputs.push(record as SubscriptionInput)
    }
  }
  return new StepResponse(inputs)
})

/**
 * Records the subscriptions (once: the gateway id is unique). Compensation
 * deletes the rows this run recorded, so that a failed link leaves no
 * subscription without its customer and order; the next order.placed
 * delivery records them again.
 */
export const createSubscriptionRecordsStep = createStep(
  "instantmerchant-create-subscription-records",
  async (inputs: SubscriptionInput[], { container }) => {
    const subscriptions = container.resolve<InstantMerchantSubscriptionsService>(INSTANTMERCHANT_SUBSCRIPTIONS)
    const recorded: RecordedSubscription[] = []
    for (const input of inputs) {
      const row = await subscriptions.recordSubscription(input)
      if (row) recorded.push({ id: row.id, order_id: input.order_id ?? "", customer_id: row.customer_id, status: "active" })
    }
    return new StepResponse(recorded, recorded.map((r) => r.id))
  },
  async (ids: string[] | undefined, { container }) => {
    if (!ids?.length) return
    await container.resolve<InstantMerchantSubscriptionsService>(INSTANTMERCHANT_SUBSCRIPTIONS).deleteInstantmerchantSubscriptions(ids)
  }
)

/** On `order.placed`: records the subscriptions the order opened, links them to the customer and the order, and emits `instantmerchant.subscription.created`. */
export const recordSubscriptionsWorkflow = createWorkflow("instantmerchant-record-subscriptions", (input: { order_id: string }) => {
  const inputs = subscriptionsOfOrderStep(input)
  const recorded = createSubscriptionRecordsStep(inputs)
  const links = transform({ recorded }, ({ recorded }): LinkDefinition[] =>
    recorded.flatMap((r): LinkDefinition[] => [
      { [Modules.ORDER]: { order_id: r.order_id }, [INSTANTMERCHANT_SUBSCRIPTIONS]: { instantmerchant_subscription_id: r.id } },
      ...(r.customer_id ? [{ [Modules.CUSTOMER]: { customer_id: r.customer_id }, [INSTANTMERCHANT_SUBSCRIPTIONS]: { instantmerchant_subscription_id: r.id } }] : []),
    ])
  )
  createRemoteLinkStep(links)
  const events = transform({ recorded }, ({ recorded }) => recorded.map((r): [string, EventSubject] => [SUBSCRIPTION_EVENTS.created, subject(r)]))
  emitSubscriptionEventsStep(events)
  return new WorkflowResponse(recorded)
})

/** The cart the order was placed from (the cart–order link), for the record's `cart_id`. */
async function cartIdOf(container: { resolve<T = unknown>(key: string): T }, orderId: string): Promise<string | null> {
  try {
    const query = container.resolve<{ graph(q: unknown): Promise<{ data: Array<{ cart?: { id?: string } | null }> }> }>(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "order", fields: ["cart.id"], filters: { id: orderId } })
    return data[0]?.cart?.id ?? null
  } catch {
    return null
  }
}
