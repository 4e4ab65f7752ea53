import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { httpErrorOf } from "../../../api/http-error"
import { alreadyRenewed, renewalLogLine } from "../../../subscriptions/renew-period"
import type { RenewResult } from "../../../subscriptions/renewal-outcome"
import type { EventSubject } from "../../../subscriptions/subscription-events"
import { INSTANTMERCHANT_SUBSCRIPTIONS } from "../modules/instantmerchant-subscriptions"
import type { InstantMerchantSubscriptionsService } from "../modules/instantmerchant-subscriptions/service"
import { createRenewalOrderStep } from "./create-renewal-order-step"
import { emitSubscriptionEventsStep } from "./emit-subscription-events-step"

export interface RenewSubscriptionInput {
  id: string
  trigger: "job" | "admin"
  /** The job renews only what is due; an admin renews now. */
  only_if_due?: boolean
  /** ISO 8601: "now" as the caller read it (the sandbox's clock with use_sandbox_clock). */
  now: string
  /** ISO 8601: the period end the admin saw; another one is a 409, nothing charged. */
  expected_period_end?: string
}

/** What a renewal did, as plain data (a workflow's result is kept as JSON). */
export interface RenewSubscriptionResult {
  result: RenewResult
  renewal_id?: string
  charge_id?: string | null
  /** For an admin: the answer a refusal deserves (v1's status and body), when nothing was renewed by this call. */
  refusal?: { status: number; body: Record<string, unknown> }
  log?: string
  events: Array<[string, EventSubject]>
}

/**
 * The renewal itself: one call of the module's service, which holds the row
 * lock in one database transaction from the read through the gateway call to
 * the write. It has no compensation on purpose: once the gateway has charged,
 * undoing the record would hide a charge that happened, and the next run
 * would charge again under a new attempt. A failed later step leaves the
 * renewal recorded, which is the truth.
 */
export const renewSubscriptionStep = createStep("instantmerchant-renew-subscription", async (input: RenewSubscriptionInput, { container }) => {
  const subscriptions = container.resolve<InstantMerchantSubscriptionsService>(INSTANTMERCHANT_SUBSCRIPTIONS)
  const request = {
    trigger: input.trigger,
    onlyIfDue: input.only_if_due,
    now: new Date(input.now),
    expectedPeriodEnd: input.expected_period_end ? new Date(input.expected_period_end) : undefined,
  }
  let answer: RenewSubscriptionResult
  try {
    const { outcome, events } = await subscriptions.renewLocked(input.id, request)
    answer = { result: outcome.result, renewal_id: outcome.renewal?.id, charge_id: outcome.renewal?.charge_id ?? null, log: renewalLogLine(input.id, outcome), events }
    if (input.trigger === "admin" && outcome.result === "errored" && outcome.error) answer.refusal = httpErrorOf(outcome.error, "subscription renewal")
    if (input.trigger === "admin" && outcome.result === "repaired") answer.refusal = httpErrorOf(alreadyRenewed(input.id, outcome), "subscription renewal")
  } catch (e) {
    // Not due in the admin's sense (canceled, another period, busy, not found): nothing was sent to the gateway.
    answer = { result: "not_due", refusal: httpErrorOf(e, "subscription renewal"), events: [] }
  }
  return new StepResponse(answer)
})

/**
 * Renews one subscription's current period (the job, for each due one, and
 * `POST /admin/instantmerchant/subscriptions/:id/renew`), emits its
 * events, then, with `subscription_renewal_orders`, makes the renewal's
 * Medusa order (a step that does nothing otherwise, or when nothing was
 * renewed, and never fails the renewal).
 */
export const renewSubscriptionWorkflow = createWorkflow("instantmerchant-renew-subscription", (input: RenewSubscriptionInput) => {
  const renewed = renewSubscriptionStep(input)
  emitSubscriptionEventsStep(transform({ renewed }, ({ renewed }) => renewed.events))
  createRenewalOrderStep(transform({ input, renewed }, ({ input, renewed }) => ({ subscription_id: input.id, result: renewed.result, renewal_id: renewed.renewal_id })))
  return new WorkflowResponse(renewed)
})
