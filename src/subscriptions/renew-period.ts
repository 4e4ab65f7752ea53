import { MedusaError } from "@medusajs/utils"
import type { InstantMerchantClient } from "../client"
import type { ResolvedPluginOptions } from "../config/plugin-options"
import type { InstantMerchantSubscription } from "../models/instantmerchant-subscription"
import type { InstantMerchantSubscriptionRenewal } from "../models/instantmerchant-subscription-renewal"
import { ACTIVE_STATUSES } from "./due-subscriptions"
import { renewalFailure } from "./renewal-failure"
import { LockedOutcome, paidPeriodRow, RowPatch } from "./renewal-outcome"
import { EventSubject, subject, SUBSCRIPTION_EVENTS } from "./subscription-events"

/**
 * One renewal of one period, without a database framework: the v1 plugin
 * (TypeORM, src/subscriptions/renewals.ts) and the 2.x plugin (its module's
 * manager) both run this, each with a `RenewalStore` over its own
 * transaction, the one that holds the subscription's row lock.
 */

/** What a renewal reads of its subscription (the row as read under its lock). */
export type RenewingSubscription = Pick<
  InstantMerchantSubscription,
  "id" | "gateway_subscription_id" | "status" | "customer_id" | "amount" | "current_period_end" | "failed_attempts" | "error_attempts"
>

/** A renewal attempt as a renewal writes it. */
export type RenewalAttempt = Pick<
  InstantMerchantSubscriptionRenewal,
  | "period_start" | "period_end" | "attempt" | "status" | "trigger" | "amount" | "charge_id" | "invoice_num"
  | "failure_code" | "failure_message" | "attempted_at" | "finished_at"
> & { id?: string; subscription_id: string }

/** The database, as one renewal under the row lock sees it. Every call runs in the lock's transaction. */
export interface RenewalStore<A extends RenewalAttempt = RenewalAttempt> {
  /** The latest success for the period starting `periodStart` or a later one. */
  successFrom(subscriptionId: string, periodStart: Date): Promise<A | null>
  /** The attempts at the period starting `periodStart`, by attempt number. */
  attemptsOf(subscriptionId: string, periodStart: Date): Promise<A[]>
  /** A new, unsaved attempt. */
  newAttempt(fields: Pick<RenewalAttempt, "subscription_id" | "period_start" | "attempt">): A
  /** Inserts the attempt, or updates it when it was read from the database. */
  saveAttempt(attempt: A): Promise<void>
  /** Writes only the given columns of the subscription row. */
  updateRow(id: string, columns: RowPatch): Promise<void>
}

/** Everything one renewal under the row lock works with. */
export interface RenewPeriodContext<A extends RenewalAttempt = RenewalAttempt> {
  store: RenewalStore<A>
  client: InstantMerchantClient
  options: Pick<ResolvedPluginOptions, "subscription_renewal_lead_hours" | "subscription_retry_hours">
  trigger: "job" | "admin"
  now: Date
  /** Events to emit once the transaction has committed. */
  events: Array<[string, EventSubject]>
}

/**
 * The third guard against a double renewal: the gateway's idempotency key of
 * a renewal names the subscription, the period and the attempt number, so a
 * replay of one attempt (after a timeout, or on another instance) is the same
 * request, and only a new attempt, after a recorded failure, is a new one.
 */
export function renewalKey(gatewaySubscriptionId: string, periodStart: Date, attempt: number): string {
  return `im_renew_${gatewaySubscriptionId}_${periodStart.getTime() / 1000}_${attempt}`
}

/**
 * Renews the current period of `subscription`, whose row lock the store's
 * transaction holds. A period that already has a recorded success is never
 * sent to the gateway again: a second call would be a new attempt, hence a new
 * idempotency key, hence a second charge, which the database would then
 * refuse to record. The record is moved on to that renewal instead.
 */
export async function renewPeriod<A extends RenewalAttempt>(ctx: RenewPeriodContext<A>, subscription: RenewingSubscription): Promise<LockedOutcome<A>> {
  const periodStart = new Date(subscription.current_period_end)
  const recorded = await ctx.store.successFrom(subscription.id, periodStart)
  if (recorded) return repairFrom(ctx, subscription, recorded)

  const previous = await ctx.store.attemptsOf(subscription.id, periodStart)
  const last = previous[previous.length - 1]
  // An attempt the gateway never answered is replayed under its own number, hence its own key.
  const attempt = last?.status === "unknown" ? last : ctx.store.newAttempt({ subscription_id: subscription.id, period_start: periodStart, attempt: previous.length + 1 })
  Object.assign(attempt, { trigger: ctx.trigger, amount: subscription.amount, attempted_at: ctx.now, status: "unknown", finished_at: null })
  const key = renewalKey(subscription.gateway_subscription_id, periodStart, attempt.attempt)

  let answer
  try {
    answer = await ctx.client.subscriptions.renew({ subscription_id: subscription.gateway_subscription_id }, { idempotencyKey: key })
  } catch (e) {
    return recordFailure(ctx, subscription, attempt, e)
  }
  const periodEnd = new Date(answer.expiry_date * 1000)
  Object.assign(attempt, { status: "succeeded", charge_id: answer.charge_id, invoice_num: answer.invoice_num, period_end: periodEnd, finished_at: ctx.now, failure_code: null, failure_message: null })
  await ctx.store.saveAttempt(attempt)
  await ctx.store.updateRow(subscription.id, paidPeriodRow(periodStart, periodEnd, ctx.options.subscription_renewal_lead_hours))
  ctx.events.push([SUBSCRIPTION_EVENTS.renewed, { ...subject(subscription), status: "active" }])
  return { result: "renewed", renewal: attempt }
}

async function repairFrom<A extends RenewalAttempt>(ctx: RenewPeriodContext<A>, subscription: RenewingSubscription, success: A): Promise<LockedOutcome<A>> {
  if (!success.period_end) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Subscription ${subscription.id}: renewal ${success.id} already paid the period starting ${new Date(success.period_start).toISOString()} but has no period end; nothing was charged`
    )
  }
  await ctx.store.updateRow(subscription.id, paidPeriodRow(new Date(success.period_start), new Date(success.period_end), ctx.options.subscription_renewal_lead_hours))
  return { result: "repaired", renewal: success, stalePeriodEnd: new Date(subscription.current_period_end) }
}

/** Writes what the failure means (see renewalFailure) to the attempt and the row. */
async function recordFailure<A extends RenewalAttempt>(ctx: RenewPeriodContext<A>, subscription: RenewingSubscription, attempt: A, e: unknown): Promise<LockedOutcome<A>> {
  // attempt.failure_code still holds what this attempt failed with before, when it is a replay.
  const failure = renewalFailure(e, subscription, ctx.now, ctx.options.subscription_retry_hours, attempt.failure_code)
  Object.assign(attempt, failure.attempt)
  await ctx.store.saveAttempt(attempt)
  if (failure.row) await ctx.store.updateRow(subscription.id, failure.row)
  for (const { event, status } of failure.events) ctx.events.push([event, { ...subject(subscription), status }])
  return { result: failure.result, renewal: attempt, ...(failure.error ? { error: failure.error } : {}) }
}

/** The admin's answer when the period was already renewed: nothing was charged, and the record was moved on. */
export function alreadyRenewed(id: string, outcome: LockedOutcome<RenewalAttempt>): MedusaError {
  const renewal = outcome.renewal
  const end = renewal?.period_end ? new Date(renewal.period_end).toISOString() : undefined
  return new MedusaError(
    MedusaError.Types.CONFLICT,
    `Subscription ${id} was already renewed: renewal ${renewal?.id} (charge ${renewal?.charge_id}) paid the period after ${outcome.stalePeriodEnd?.toISOString()}; nothing was charged, and the record now shows the period ending ${end}`
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
  if (request.onlyIfDue && (!subscription.next_renewal_at || new Date(subscription.next_renewal_at) > now)) return false
  // An admin who saw one period end must not renew the next one by a second click.
  const periodEnd = new Date(subscription.current_period_end)
  if (request.expectedPeriodEnd && periodEnd.getTime() !== request.expectedPeriodEnd.getTime()) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Subscription ${id} was already renewed: its period now ends ${periodEnd.toISOString()}, not ${request.expectedPeriodEnd.toISOString()}`
    )
  }
  return true
}

/** The warning an outcome deserves in the log, if any. */
export function renewalLogLine(id: string, outcome: LockedOutcome<RenewalAttempt>): string | undefined {
  if (outcome.result === "repaired") {
    return `InstantMerchant: subscription ${id} showed a period ending ${outcome.stalePeriodEnd?.toISOString()} that renewal ${outcome.renewal?.id} had already renewed; nothing was charged, the record now follows that renewal`
  }
  if (outcome.result === "errored") return `InstantMerchant renewal of ${id} failed, nothing was charged, tried again after a back-off: ${outcome.error?.message}`
  return undefined
}
