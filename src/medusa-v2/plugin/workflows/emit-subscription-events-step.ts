import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EventSubject } from "../../../subscriptions/subscription-events"

/**
 * Emits v1's subscription events (`instantmerchant.subscription.*`, data
 * `{ id, status, customer_id }`) once the change they tell of is committed.
 * Nothing to compensate: an event sent cannot be taken back, and this step is
 * always the last.
 */
export const emitSubscriptionEventsStep = createStep("instantmerchant-emit-subscription-events", async (events: Array<[string, EventSubject]>, { container }) => {
  if (events.length) {
    await container.resolve(Modules.EVENT_BUS).emit(events.map(([name, about]) => ({ name, data: { id: about.id, status: about.status, customer_id: about.customer_id } })))
  }
  return new StepResponse(events.length)
})
