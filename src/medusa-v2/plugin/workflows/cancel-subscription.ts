import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { httpErrorOf } from "../../../api/http-error"
import { EventSubject, SUBSCRIPTION_EVENTS } from "../../../subscriptions/subscription-events"
import { INSTANTMERCHANT_SUBSCRIPTIONS } from "../modules/instantmerchant-subscriptions"
import type { InstantMerchantSubscriptionsService } from "../modules/instantmerchant-subscriptions/service"
import { emitSubscriptionEventsStep } from "./emit-subscription-events-step"

export interface CancelSubscriptionInput {
  id: string
  /** Set on the store route: the signed-in customer; another customer's subscription is "not found". */
  customer_id?: string
}

/**
 * Cancels at the gateway, then in the record, under the row lock (NOWAIT: a
 * renewal under way makes it a 409 at once, nothing sent). No compensation:
 * the gateway has no "uncancel", and a later step (the event) cannot fail the
 * cancel. A refusal comes back as v1's answer, as plain data.
 */
export interface CancelSubscriptionResult {
  events: Array<[string, EventSubject]>
  refusal?: { status: number; body: Record<string, unknown> }
}

export const cancelSubscriptionStep = createStep("instantmerchant-cancel-subscription", async (input: CancelSubscriptionInput, { container }): Promise<StepResponse<CancelSubscriptionResult>> => {
  const subscriptions = container.resolve<InstantMerchantSubscriptionsService>(INSTANTMERCHANT_SUBSCRIPTIONS)
  try {
    const canceled = await subscriptions.cancelLocked(input.id, { customerId: input.customer_id }, await subscriptions.now())
    return new StepResponse({ events: canceled ? [[SUBSCRIPTION_EVENTS.canceled, canceled]] : [] })
  } catch (e) {
    return new StepResponse({ events: [], refusal: httpErrorOf(e, "subscription cancellation") })
  }
})

export const cancelSubscriptionWorkflow = createWorkflow("instantmerchant-cancel-subscription", (input: CancelSubscriptionInput) => {
  const canceled = cancelSubscriptionStep(input)
  emitSubscriptionEventsStep(transform({ canceled }, ({ canceled }) => canceled.events))
  return new WorkflowResponse(canceled)
})
