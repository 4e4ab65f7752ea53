import { MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"
import type { InstantMerchantClient } from "../client"
import type { ResolvedPluginOptions } from "../config/plugin-options"
import type { InstantMerchantSubscription } from "../models/instantmerchant-subscription"
import { InstantMerchantSubscriptionRenewal } from "../models/instantmerchant-subscription-renewal"
import { ACTIVE_STATUSES } from "./due-subscriptions"
import { renewalFailure } from "./renewal-failure"
import { LockedOutcome, paidPeriodRow } from "./renewal-outcome"
import { EventSubject, subject, SUBSCRIPTION_EVENTS } from "./subscription-events"
import { updateRow } from "./subscription-lock"

/** Everything one renewal under the row lock works with. */
export interface RenewalContext {
  /** The transaction that holds the subscription's row lock. */
  manager: EntityManager
  client: InstantMerchantClient
  options: Pick<ResolvedPluginOptions, "subscription_renewal_lead_hours" | "subscription_retry_hours">
  trigger: "job" | "admin"
  now: Date
  /** Events to emit once the transaction has committed. */
  events: Array<[string, EventSubject]>
}

/**
 * Renews the current period of `subscription`, whose row lock `ctx.manager`
 * holds. A period that already has a recorded success is never sent to the
 * gateway again: a second call would be a new attempt, hence a new
 * idempotency key, hence a second charge, which the database would then
 * refuse to record. The record is moved on to that renewal instead.
 */
export async function renewLocked(ctx: RenewalContext, subscription: InstantMerchantSubscription): Promise<LockedOutcome> {
  const renewals = ctx.manager.getRepository(InstantMerchantSubscriptionRenewal)
  const periodStart = subscription.current_period_end
  const recorded = await successFrom(ctx.manager, subscription.id, periodStart)
  if (recorded) return repairFrom(ctx, subscription, recorded)

  const previous = await renewals.find({ where: { subscription_id: subscription.id, period_start: periodStart }, order: { attempt: "ASC" } })
  const last = previous[previous.length - 1]
  // An attempt the gateway never answered is replayed under its own number, hence its own key.
  const attempt = last?.status === "unknown" ? last : renewals.create({ subscription_id: subscription.id, period_start: periodStart, attempt: previous.length + 1 })
  Object.assign(attempt, { trigger: ctx.trigger, amount: subscription.amount, attempted_at: ctx.now, status: "unknown", finished_at: null })
  const key = `im_renew_${subscription.gateway_subscription_id}_${periodStart.getTime() / 1000}_${attempt.attempt}`

  let answer
  try {
    answer = await ctx.client.subscriptions.renew({ subscription_id: subscription.gateway_subscription_id }, { idempotencyKey: key })
  } catch (e) {
    return recordFailure(ctx, subscription, attempt, e)
  }
  const periodEnd = new Date(answer.expiry_date * 1000)
  Object.assign(attempt, { status: "succeeded", charge_id: answer.charge_id, invoice_num: answer.invoice_num, period_end: periodEnd, finished_at: ctx.now, failure_code: null, failure_message: null })
  await renewals.save(attempt)
  await updateRow(ctx.manager, subscription.id, paidPeriodRow(periodStart, periodEnd, ctx.options.subscription_renewal_lead_hours))
  ctx.events.push([SUBSCRIPTION_EVENTS.renewed, { ...subject(subscription), status: "active" }])
  return { result: "renewed", renewal: attempt }
}

/** The latest success for this period or a later one: there is one only when the record fell behind the renewals. */
function successFrom(m: EntityManager, subscriptionId: string, periodStart: Date): Promise<InstantMerchantSubscriptionRenewal | null> {
  return m
    .getRepository(InstantMerchantSubscriptionRenewal)
    .createQueryBuilder("r")
    .where("r.subscription_id = :subscriptionId", { subscriptionId })
    .andWhere("r.status = 'succeeded'")
    .andWhere("r.period_start >= :periodStart", { periodStart })
    .orderBy("r.period_start", "DESC")
    .getOne()
}

async function repairFrom(ctx: RenewalContext, subscription: InstantMerchantSubscription, success: InstantMerchantSubscriptionRenewal): Promise<LockedOutcome> {
  if (!success.period_end) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Subscription ${subscription.id}: renewal ${success.id} already paid the period starting ${success.period_start.toISOString()} but has no period end; nothing was charged`
    )
  }
  await updateRow(ctx.manager, subscription.id, paidPeriodRow(success.period_start, success.period_end, ctx.options.subscription_renewal_lead_hours))
  return { result: "repaired", renewal: success, stalePeriodEnd: subscription.current_period_end }
}

/** Writes what the failure means (see renewalFailure) to the attempt and the row. */
async function recordFailure(
  ctx: RenewalContext,
  subscription: InstantMerchantSubscription,
  attempt: InstantMerchantSubscriptionRenewal,
  e: unknown
): Promise<LockedOutcome> {
  // attempt.failure_code still holds what this attempt failed with before, when it is a replay.
  const failure = renewalFailure(e, subscription, ctx.now, ctx.options.subscription_retry_hours, attempt.failure_code)
  Object.assign(attempt, failure.attempt)
  await ctx.manager.getRepository(InstantMerchantSubscriptionRenewal).save(attempt)
  if (failure.row) await updateRow(ctx.manager, subscription.id, failure.row)
  for (const { event, status } of failure.events) ctx.events.push([event, { ...subject(subscription), status }])
  return { result: failure.result, renewal: attempt, ...(failure.error ? { error: failure.error } : {}) }
}

/** The admin's answer when the period was already renewed: nothing was charged, and the record was moved on. */
export function alreadyRenewed(id: string, outcome: LockedOutcome): MedusaError {
  const renewal = outcome.renewal
  return new MedusaError(
    MedusaError.Types.CONFLICT,
    `Subscription ${id} was already renewed: renewal ${renewal?.id} (charge ${renewal?.charge_id}) paid the period after ${outcome.stalePeriodEnd?.toISOString()}; nothing was charged, and the record now shows the period ending ${renewal?.period_end?.toISOString()}`
  )
}

/**
 * Checked under the row lock: whether `subscription` is to be renewed now.
 * False when the job finds it not due (renewed or backed off meanwhile);
 * a subscription that is not active, or whose period is no longer the one an
 * admin saw, is refused.
 */
export function isDueForRenewal(
  subscription: Pick<InstantMerchantSubscription, "id" | "status" | "next_renewal_at" | "current_period_end">,
  request: { onlyIfDue?: boolean; expectedPeriodEnd?: Date },
  now: Date
): boolean {
  const id = subscription.id
  if (!ACTIVE_STATUSES.includes(subscription.status)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Subscription ${id} is ${subscription.status}: it cannot be renewed`)
  }
  if (request.onlyIfDue && (!subscription.next_renewal_at || subscription.next_renewal_at > now)) return false
  // An admin who saw one period end must not renew the next one by a second click.
  if (request.expectedPeriodEnd && subscription.current_period_end.getTime() !== request.expectedPeriodEnd.getTime()) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Subscription ${id} was already renewed: its period now ends ${subscription.current_period_end.toISOString()}, not ${request.expectedPeriodEnd.toISOString()}`
    )
  }
  return true
}

/** The warning an outcome deserves in the log, if any. */
export function renewalLogLine(id: string, outcome: LockedOutcome): string | undefined {
  if (outcome.result === "repaired") {
    return `InstantMerchant: subscription ${id} showed a period ending ${outcome.stalePeriodEnd?.toISOString()} that renewal ${outcome.renewal?.id} had already renewed; nothing was charged, the record now follows that renewal`
  }
  if (outcome.result === "errored") return `InstantMerchant renewal of ${id} failed, nothing was charged, tried again after a back-off: ${outcome.error?.message}`
  return undefined
}
