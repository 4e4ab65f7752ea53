import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { CardError, InstantMerchantClient, InstantMerchantError, isRefusal } from "../client"
import { redact } from "../client/redact"
import { gatewayCardFields, parseCardInput } from "../rules/card/card-input"
import { cardKeyPart } from "../rules/card/card-key"
import { withKeyGenerations } from "../client/key-generations"
import { InputError } from "../rules/input/input-error"
import { declineMessage } from "../rules/card/decline-message"
import { isBillingInterval } from "../rules/subscription/billing-interval"
import { renewalDueAt, retryAt } from "../rules/subscription/renewal-schedule"
import type { Cradle } from "../config/cradle"
import { InstantMerchantSubscription, SubscriptionStatus } from "../models/instantmerchant-subscription"
import { InstantMerchantSubscriptionRenewal } from "../models/instantmerchant-subscription-renewal"
import { gatewayClientFor } from "../config/gateway-client"
import { ResolvedPluginOptions, resolvePluginOptions } from "../config/plugin-options"
import { createRenewalOrder } from "../subscriptions/renewal-order"
import { errorRetryAt } from "../subscriptions/error-backoff"
import { forEachBounded } from "../subscriptions/for-each-bounded"
import { keysetPages } from "../subscriptions/keyset-pages"
import { errorFailureCode, renewalFailureKind } from "../subscriptions/renewal-failure"
import { SubscriptionClock } from "../subscriptions/subscription-clock"
import { BUSY_CODE, busy, lockToChange, lockToRenew } from "../subscriptions/subscription-lock"


export const SUBSCRIPTION_EVENTS = {
  created: "instantmerchant.subscription.created",
  renewed: "instantmerchant.subscription.renewed",
  renewalFailed: "instantmerchant.subscription.renewal_failed",
  canceled: "instantmerchant.subscription.canceled",
  expired: "instantmerchant.subscription.expired",
  renewalOrderFailed: "instantmerchant.subscription.renewal_order_failed",
} as const

/**
 * What one renewal call did. `not_due`: nothing (the job found it renewed or
 * backed off meanwhile); `renewed`: charged, the period moved on; `declined`:
 * the card was declined (past due, or expired after the last retry);
 * `unknown`: the gateway may have charged, the attempt is replayed under the
 * same key; `errored`: refused or never sent, nothing charged, tried again
 * after a back-off; `canceled`: the gateway reports it canceled; `repaired`:
 * the period was already renewed (a success is recorded for it), so nothing
 * was charged and the record was moved on to the renewed period.
 */
export type RenewResult = "not_due" | "renewed" | "declined" | "unknown" | "errored" | "canceled" | "repaired"

export interface RenewOutcome {
  subscription: InstantMerchantSubscription
  result: RenewResult
  /** The attempt this call made; for `repaired`, the success already recorded; undefined when nothing was due. */
  renewal?: InstantMerchantSubscriptionRenewal
}

/** One run of the renewal job: how many subscriptions ended each way; `skipped` were locked by another run, or failed here. */
export type RenewalRunCounts = Record<Exclude<RenewResult, "not_due"> | "skipped", number>

/** A renewal as decided under the row lock, before the lock is let go. */
interface LockedOutcome {
  result: RenewResult
  renewal?: InstantMerchantSubscriptionRenewal
  /** For `errored`: the gateway's refusal, for an admin's answer. */
  error?: InstantMerchantError
  /** For `repaired`: the stale period end the record showed. */
  stalePeriodEnd?: Date
}

/** What an event carries about its subscription. */
type EventSubject = Pick<InstantMerchantSubscription, "id" | "status" | "customer_id">

export interface SubscriptionFilters {
  status?: SubscriptionStatus
  customer_id?: string
}


const ACTIVE: SubscriptionStatus[] = ["active", "past_due"]

/** Due subscriptions are read this many at a time. */
const DUE_PAGE_SIZE = 100

/** The job's cursor: a due row's id, and its `next_renewal_at` as PostgreSQL prints it. */
interface DueRow {
  id: string
  at: string
}

/**
 * Subscriptions sold through InstantMerchant: recorded when an order opens
 * one, renewed by the job or an admin, canceled, and moved to another card.
 *
 * Money moves only in `renew`. It holds a row lock on the subscription for
 * the whole gateway call (a second instance skips a locked row), derives the
 * gateway idempotency key from the period and attempt, refuses a period that
 * already has a recorded success before calling the gateway, and the
 * database allows one successful renewal per period: a period is never
 * renewed twice.
 *
 * Every write to a subscription row, renewal, cancel or card change, happens
 * under that row lock on the row as read under it, and writes only the
 * columns it owns (see src/subscription/subscription-lock.ts): a cancel or a
 * card change never writes a stale period back over a renewal.
 */
export default class InstantMerchantSubscriptionService extends TransactionBaseService {
  private readonly options: ResolvedPluginOptions
  private readonly client: InstantMerchantClient
  private readonly clock: SubscriptionClock

  constructor(private readonly cradle: Cradle, options: unknown) {
    super(cradle, options as Record<string, unknown>)
    this.options = resolvePluginOptions(options)
    this.client = gatewayClientFor(this.options)
    this.clock = new SubscriptionClock(this.options)
  }

  now(): Promise<Date> {
    return this.clock.now()
  }

  // ---- reading --------------------------------------------------------------

  async list(filters: SubscriptionFilters, page: { offset: number; limit: number }): Promise<[InstantMerchantSubscription[], number]> {
    return this.activeManager_.getRepository(InstantMerchantSubscription).findAndCount({
      where: { ...(filters.status ? { status: filters.status } : {}), ...(filters.customer_id ? { customer_id: filters.customer_id } : {}) },
      order: { created_at: "DESC" },
      skip: page.offset,
      take: page.limit,
    })
  }

  /** One subscription with its renewals. With `customerId`, another customer's is "not found". */
  async retrieve(id: string, scope: { customerId?: string } = {}): Promise<InstantMerchantSubscription> {
    const found = await this.activeManager_.getRepository(InstantMerchantSubscription).findOne({ where: { id }, relations: { renewals: true } })
    if (!found || (scope.customerId !== undefined && found.customer_id !== scope.customerId)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Subscription ${id} was not found`)
    }
    return found
  }

  // ---- recording ------------------------------------------------------------

  /**
   * Records the subscriptions an order opened: every InstantMerchant payment
   * whose data holds a `subscription_id`. Safe to run twice (the gateway id
   * is unique).
   */
  async recordFromOrder(orderId: string): Promise<InstantMerchantSubscription[]> {
    const order = await this.cradle.orderService.retrieve(orderId, { relations: ["payments"] })
    const recorded: InstantMerchantSubscription[] = []
    const now = await this.now()
    for (const payment of order.payments ?? []) {
      const data = payment.data ?? {}
      if (!String(payment.provider_id).startsWith("instantmerchant") || typeof data.subscription_id !== "string") continue
      if (!isBillingInterval(data.interval) || typeof data.expiry_date !== "number") continue
      const periodEnd = new Date(data.expiry_date * 1000)
      const repo = this.activeManager_.getRepository(InstantMerchantSubscription)
      const inserted = await repo
        .createQueryBuilder()
        .insert()
        .values(
          repo.create({
            gateway_subscription_id: data.subscription_id,
            customer_id: order.customer_id ?? null,
            email: order.email,
            order_id: order.id,
            cart_id: order.cart_id ?? null,
            interval: data.interval,
            amount: payment.amount,
            currency_code: payment.currency_code,
            card_id: data.card_id,
            card_last_4: data.card_last_4,
            status: "active",
            current_period_start: now,
            current_period_end: periodEnd,
            next_renewal_at: renewalDueAt(periodEnd, this.options.subscription_renewal_lead_hours),
            failed_attempts: 0,
          })
        )
        .orIgnore()
        .returning("id")
        .execute()
      if (inserted.identifiers.length) {
        const subscription = await repo.findOneOrFail({ where: { gateway_subscription_id: data.subscription_id } })
        recorded.push(subscription)
        await this.emit(SUBSCRIPTION_EVENTS.created, subscription)
      }
    }
    return recorded
  }

  // ---- renewing -------------------------------------------------------------

  /**
   * Renews every subscription whose renewal is due; the job calls this. It
   * walks all due rows, oldest first, a page at a time (keyset pagination, so
   * rows that stay due, such as an attempt the gateway never answered, cannot
   * hold back the ones after them), with at most
   * `subscription_renewal_concurrency` gateway calls at once.
   */
  async renewDue(): Promise<RenewalRunCounts> {
    const now = await this.now()
    const counts: RenewalRunCounts = { renewed: 0, declined: 0, unknown: 0, errored: 0, canceled: 0, repaired: 0, skipped: 0 }
    const pages = keysetPages<DueRow>((after, limit) => this.duePage(now, after, limit), DUE_PAGE_SIZE)
    for await (const page of pages) {
      await forEachBounded(page, this.options.subscription_renewal_concurrency, async ({ id }) => {
        try {
          const { result } = await this.renewLocking(id, { trigger: "job", onlyIfDue: true, now })
          counts[result === "not_due" ? "skipped" : result]++
        } catch (e) {
          // Another instance holds it (usual with several instances, so not worth a warning), or it changed under us: the next run looks again.
          counts.skipped++
          if ((e as MedusaError).code !== BUSY_CODE) this.cradle.logger?.warn?.(`InstantMerchant renewal of ${id} skipped: ${(e as Error).message}`)
        }
      })
    }
    return counts
  }

  /**
   * One page of due subscriptions after `after`, by (next_renewal_at, id).
   * The time comes back as PostgreSQL's text so that the cursor keeps its
   * microseconds: a JavaScript Date would round them off and revisit or skip rows.
   */
  private duePage(now: Date, after: DueRow | null, limit: number): Promise<DueRow[]> {
    const cursor = after ? `AND ("next_renewal_at", "id") > ($4::timestamptz, $5)` : ""
    return this.activeManager_.query(
      `SELECT "id", "next_renewal_at"::text AS "at" FROM "instantmerchant_subscription"
        WHERE "status" = ANY($1) AND "next_renewal_at" <= $2 ${cursor}
        ORDER BY "next_renewal_at", "id" LIMIT $3`,
      [ACTIVE, now, limit, ...(after ? [after.at, after.id] : [])]
    )
  }

  /**
   * Renews the subscription's current period once. A decline is recorded and
   * answered (status `past_due`, or `expired` after the last retry), not
   * thrown; a gateway that did not answer leaves an `unknown` attempt that the
   * next call replays with the same idempotency key. For an admin, an error
   * that is not a decline is recorded (and backs the job off), then thrown;
   * and so is a period already renewed (a 409; the record is repaired).
   */
  async renew(
    id: string,
    options: { trigger: "job" | "admin"; onlyIfDue?: boolean; now?: Date; expectedPeriodEnd?: Date }
  ): Promise<RenewOutcome> {
    const outcome = await this.renewLocking(id, options)
    if (options.trigger === "admin" && outcome.result === "errored" && outcome.error) throw outcome.error
    if (options.trigger === "admin" && outcome.result === "repaired") throw alreadyRenewed(id, outcome)
    return { result: outcome.result, renewal: outcome.renewal, subscription: await this.retrieve(id) }
  }

  /** The renewal in its own transaction holding the row lock, then what follows it once committed: events, the renewal order. */
  private async renewLocking(
    id: string,
    options: { trigger: "job" | "admin"; onlyIfDue?: boolean; now?: Date; expectedPeriodEnd?: Date }
  ): Promise<LockedOutcome> {
    const now = options.now ?? (await this.now())
    const events: Array<[string, EventSubject]> = []
    const outcome = await this.activeManager_.transaction(async (m): Promise<LockedOutcome> => {
      const subscription = await lockToRenew(m, id)
      if (!subscription) throw await notFoundOrBusy(m, id)
      if (!ACTIVE.includes(subscription.status)) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Subscription ${id} is ${subscription.status}: it cannot be renewed`)
      }
      if (options.onlyIfDue && (!subscription.next_renewal_at || subscription.next_renewal_at > now)) return { result: "not_due" }
      // An admin who saw one period end must not renew the next one by a second click.
      if (options.expectedPeriodEnd && subscription.current_period_end.getTime() !== options.expectedPeriodEnd.getTime()) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Subscription ${id} was already renewed: its period now ends ${subscription.current_period_end.toISOString()}, not ${options.expectedPeriodEnd.toISOString()}`
        )
      }
      return this.renewLocked(m, subscription, options.trigger, now, events)
    })
    for (const [event, subject] of events) await this.emit(event, subject)
    this.logOutcome(id, outcome)
    if (outcome.result === "renewed" && outcome.renewal && this.options.subscription_renewal_orders) {
      await this.orderForRenewal(await this.retrieve(id), outcome.renewal)
    }
    return outcome
  }

  private logOutcome(id: string, outcome: LockedOutcome): void {
    if (outcome.result === "repaired") {
      this.cradle.logger?.warn?.(
        `InstantMerchant: subscription ${id} showed a period ending ${outcome.stalePeriodEnd?.toISOString()} that renewal ${outcome.renewal?.id} had already renewed; nothing was charged, the record now follows that renewal`
      )
    } else if (outcome.result === "errored") {
      this.cradle.logger?.warn?.(`InstantMerchant renewal of ${id} failed, nothing was charged, tried again after a back-off: ${outcome.error?.message}`)
    }
  }

  /**
   * The renewal's Medusa order, when the shop turned that on. The renewal
   * itself stands whatever happens here: its money has moved. A failure is
   * logged and emitted for the shop to act on.
   */
  private async orderForRenewal(subscription: InstantMerchantSubscription, renewal: InstantMerchantSubscriptionRenewal): Promise<void> {
    try {
      if (!subscription.order_id) throw new Error("the subscription has no first order to copy")
      const provider = (await this.cradle.orderService.retrieve(subscription.order_id, { relations: ["payments"] })).payments?.[0]?.provider_id ?? "instantmerchant"
      const orderId = await createRenewalOrder(this.cradle, subscription, renewal, provider)
      await this.activeManager_.getRepository(InstantMerchantSubscriptionRenewal).update(renewal.id, { order_id: orderId })
      renewal.order_id = orderId
    } catch (e) {
      this.cradle.logger?.error?.(`InstantMerchant: renewal ${renewal.id} of ${subscription.id} succeeded, but its order could not be made: ${(e as Error).message}`)
      await this.cradle.eventBusService?.emit(SUBSCRIPTION_EVENTS.renewalOrderFailed, { id: subscription.id, renewal_id: renewal.id, message: (e as Error).message })
    }
  }

  /**
   * Under the row lock. A period that already has a recorded success is
   * never sent to the gateway again: a second call would be a new attempt,
   * hence a new idempotency key, hence a second charge, which the database
   * would then refuse to record. The record is moved on to that renewal instead.
   */
  private async renewLocked(
    m: EntityManager,
    subscription: InstantMerchantSubscription,
    trigger: string,
    now: Date,
    events: Array<[string, EventSubject]>
  ): Promise<LockedOutcome> {
    const renewals = m.getRepository(InstantMerchantSubscriptionRenewal)
    const periodStart = subscription.current_period_end
    const recorded = await this.successFrom(m, subscription.id, periodStart)
    if (recorded) return this.repairFrom(m, subscription, recorded)

    const previous = await renewals.find({ where: { subscription_id: subscription.id, period_start: periodStart }, order: { attempt: "ASC" } })
    const last = previous[previous.length - 1]
    // An attempt the gateway never answered is replayed under its own number, hence its own key.
    const attempt = last?.status === "unknown" ? last : renewals.create({ subscription_id: subscription.id, period_start: periodStart, attempt: previous.length + 1 })
    Object.assign(attempt, { trigger, amount: subscription.amount, attempted_at: now, status: "unknown", finished_at: null })
    const key = `im_renew_${subscription.gateway_subscription_id}_${periodStart.getTime() / 1000}_${attempt.attempt}`

    let answer
    try {
      answer = await this.client.subscriptions.renew({ subscription_id: subscription.gateway_subscription_id }, { idempotencyKey: key })
    } catch (e) {
      return this.recordFailure(m, subscription, attempt, e, now, events)
    }
    const periodEnd = new Date(answer.expiry_date * 1000)
    Object.assign(attempt, { status: "succeeded", charge_id: answer.charge_id, invoice_num: answer.invoice_num, period_end: periodEnd, finished_at: now, failure_code: null, failure_message: null })
    await renewals.save(attempt)
    await this.updateRow(m, subscription.id, {
      status: "active",
      current_period_start: periodStart,
      current_period_end: periodEnd,
      failed_attempts: 0,
      error_attempts: 0,
      next_renewal_at: renewalDueAt(periodEnd, this.options.subscription_renewal_lead_hours),
    })
    events.push([SUBSCRIPTION_EVENTS.renewed, { ...subject(subscription), status: "active" }])
    return { result: "renewed", renewal: attempt }
  }

  /** The latest success for this period or a later one: there is one only when the record fell behind the renewals. */
  private successFrom(m: EntityManager, subscriptionId: string, periodStart: Date): Promise<InstantMerchantSubscriptionRenewal | null> {
    return m
      .getRepository(InstantMerchantSubscriptionRenewal)
      .createQueryBuilder("r")
      .where("r.subscription_id = :subscriptionId", { subscriptionId })
      .andWhere("r.status = 'succeeded'")
      .andWhere("r.period_start >= :periodStart", { periodStart })
      .orderBy("r.period_start", "DESC")
      .getOne()
  }

  private async repairFrom(m: EntityManager, subscription: InstantMerchantSubscription, success: InstantMerchantSubscriptionRenewal): Promise<LockedOutcome> {
    if (!success.period_end) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Subscription ${subscription.id}: renewal ${success.id} already paid the period starting ${success.period_start.toISOString()} but has no period end; nothing was charged`
      )
    }
    await this.updateRow(m, subscription.id, {
      status: "active",
      current_period_start: success.period_start,
      current_period_end: success.period_end,
      failed_attempts: 0,
      error_attempts: 0,
      next_renewal_at: renewalDueAt(success.period_end, this.options.subscription_renewal_lead_hours),
    })
    return { result: "repaired", renewal: success, stalePeriodEnd: subscription.current_period_end }
  }

  private async recordFailure(
    m: EntityManager,
    subscription: InstantMerchantSubscription,
    attempt: InstantMerchantSubscriptionRenewal,
    e: unknown,
    now: Date,
    events: Array<[string, EventSubject]>
  ): Promise<LockedOutcome> {
    const renewals = m.getRepository(InstantMerchantSubscriptionRenewal)
    switch (renewalFailureKind(e)) {
      case "maybe_processed": {
        // Maybe charged: keep the attempt open; the next run replays it under the same key.
        const message = e instanceof Error ? redact(e.message) : "the gateway call failed in an unexpected way"
        Object.assign(attempt, { status: "unknown", failure_code: "maybe_processed", failure_message: message })
        await renewals.save(attempt)
        return { result: "unknown", renewal: attempt }
      }
      case "canceled_at_gateway": {
        Object.assign(attempt, { status: "failed", failure_code: "subscription_canceled", failure_message: "The subscription was canceled at the gateway", finished_at: now })
        await renewals.save(attempt)
        await this.updateRow(m, subscription.id, { status: "canceled", canceled_at: now, next_renewal_at: null })
        events.push([SUBSCRIPTION_EVENTS.canceled, { ...subject(subscription), status: "canceled" }])
        return { result: "canceled", renewal: attempt }
      }
      case "declined": {
        const declineCode = (e as CardError).declineCode
        Object.assign(attempt, { status: "failed", failure_code: declineCode, failure_message: declineMessage(declineCode), finished_at: now })
        await renewals.save(attempt)
        const failed = subscription.failed_attempts + 1
        const next = retryAt(subscription.current_period_end, failed, this.options.subscription_retry_hours)
        const status: SubscriptionStatus = next ? "past_due" : "expired"
        await this.updateRow(m, subscription.id, { failed_attempts: failed, error_attempts: 0, status, next_renewal_at: next })
        events.push([SUBSCRIPTION_EVENTS.renewalFailed, { ...subject(subscription), status }])
        if (!next) events.push([SUBSCRIPTION_EVENTS.expired, { ...subject(subscription), status }])
        return { result: "declined", renewal: attempt }
      }
      case "error": {
        // Certainly not charged, and not the card's fault: no decline is counted; the job backs off.
        const error = e as InstantMerchantError
        Object.assign(attempt, { status: "failed", failure_code: errorFailureCode(error), failure_message: error.message, finished_at: now })
        await renewals.save(attempt)
        const errors = subscription.error_attempts + 1
        await this.updateRow(m, subscription.id, { error_attempts: errors, next_renewal_at: errorRetryAt(now, errors) })
        return { result: "errored", renewal: attempt, error }
      }
    }
  }

  /** Writes only the given columns of the row; the callers hold its lock. */
  private async updateRow(m: EntityManager, id: string, columns: Partial<Omit<InstantMerchantSubscription, "renewals">>): Promise<void> {
    await m.getRepository(InstantMerchantSubscription).update({ id }, columns)
  }

  // ---- canceling and cards ----------------------------------------------------

  /**
   * Cancels at the gateway, then here, holding the row lock through both.
   * Already canceled is success. During a renewal: a 409 at once, nothing
   * sent (see lockToChange); the customer tries again a moment later.
   */
  async cancel(id: string, scope: { customerId?: string } = {}): Promise<InstantMerchantSubscription> {
    const now = await this.now()
    const canceled = await this.activeManager_.transaction(async (m): Promise<EventSubject | null> => {
      const subscription = await lockToChange(m, id, scope)
      if (subscription.status === "canceled") return null
      try {
        await this.client.subscriptions.cancel({ subscription_id: subscription.gateway_subscription_id }, { idempotencyKey: `im_cancel_${subscription.gateway_subscription_id}` })
      } catch (e) {
        if (!isRefusal(e, "subscription_canceled")) throw e
      }
      await this.updateRow(m, id, { status: "canceled", canceled_at: now, next_renewal_at: null })
      return { ...subject(subscription), status: "canceled" }
    })
    if (canceled) await this.emit(SUBSCRIPTION_EVENTS.canceled, canceled)
    return this.retrieve(id)
  }

  /**
   * Moves the subscription to a new card (the gateway's update_card), holding
   * the row lock through the gateway call, and writes only the card columns.
   * The card number passes through memory only; the record keeps the card id
   * and last 4. A past-due subscription is retried at the next run, on the new card.
   */
  async updateCard(id: string, customerId: string, data: Record<string, unknown>): Promise<InstantMerchantSubscription> {
    const card = parseCardInput(data)
    if (card.kind !== "new") throw new InputError("card_number", "send the new card's details; the gateway moves a subscription only to a new card")
    const now = await this.now()
    await this.activeManager_.transaction(async (m) => {
      const subscription = await lockToChange(m, id, { customerId })
      if (!ACTIVE.includes(subscription.status)) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Subscription ${id} is ${subscription.status}: its card cannot change`)
      // The key names the card being replaced and the new one: a retry replays, moving on to another card is new,
      // and a corrected CVC (which no key may hold) moves to the key's next generation.
      const idempotencyKey = `im_update_card_${subscription.gateway_subscription_id}_${subscription.card_id ?? "none"}_${cardKeyPart(card)}`
      const params = { subscription_id: subscription.gateway_subscription_id, ...gatewayCardFields(card) }
      const updated = await withKeyGenerations(idempotencyKey, (key) => this.client.subscriptions.updateCard(params, { idempotencyKey: key }))
      await this.updateRow(m, id, {
        card_id: updated.card_id,
        card_last_4: updated.card_last_4,
        ...(subscription.status === "past_due" ? { next_renewal_at: now } : {}),
      })
    })
    return this.retrieve(id)
  }

  private async emit(event: string, about: EventSubject): Promise<void> {
    await this.cradle.eventBusService?.emit(event, { id: about.id, status: about.status, customer_id: about.customer_id })
  }
}

/**
 * Asked on the transaction's own connection: with as many renewals at once
 * as the pool has connections, asking for a second one would wait forever.
 */
async function notFoundOrBusy(m: EntityManager, id: string): Promise<MedusaError> {
  const exists = await m.getRepository(InstantMerchantSubscription).exist({ where: { id } })
  return exists ? busy(id) : new MedusaError(MedusaError.Types.NOT_FOUND, `Subscription ${id} was not found`)
}

function subject(subscription: InstantMerchantSubscription): EventSubject {
  return { id: subscription.id, status: subscription.status, customer_id: subscription.customer_id }
}

/** The admin's answer when the period was already renewed: nothing was charged, and the record was moved on. */
function alreadyRenewed(id: string, outcome: LockedOutcome): MedusaError {
  const renewal = outcome.renewal
  return new MedusaError(
    MedusaError.Types.CONFLICT,
    `Subscription ${id} was already renewed: renewal ${renewal?.id} (charge ${renewal?.charge_id}) paid the period after ${outcome.stalePeriodEnd?.toISOString()}; nothing was charged, and the record now shows the period ending ${renewal?.period_end?.toISOString()}`
  )
}
