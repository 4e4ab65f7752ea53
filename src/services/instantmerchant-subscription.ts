import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager } from "typeorm"
import { CardError, InstantMerchantClient, InstantMerchantError, InvalidRequestError } from "../core/client"
import { gatewayCardFields, parseCardInput } from "../core/card/card-input"
import { InputError } from "../core/input-error"
import { declineMessage } from "../core/payment/decline-message"
import { isBillingInterval } from "../core/subscription/billing-interval"
import { renewalDueAt, retryAt } from "../core/subscription/renewal-schedule"
import { InstantMerchantSubscription, SubscriptionStatus } from "../models/instantmerchant-subscription"
import { InstantMerchantSubscriptionRenewal } from "../models/instantmerchant-subscription-renewal"
import { GATEWAY_CUSTOMER_METADATA_KEY } from "../payment/checkout-lookup"
import { gatewayClientFor } from "../payment/gateway-client"
import { ResolvedPluginOptions, resolvePluginOptions } from "../payment/plugin-options"
import { createRenewalOrder } from "../subscription/renewal-order"
import { SubscriptionClock } from "../subscription/subscription-clock"

/* eslint-disable @typescript-eslint/no-explicit-any */
type Cradle = Record<string, any>

export const SUBSCRIPTION_EVENTS = {
  created: "instantmerchant.subscription.created",
  renewed: "instantmerchant.subscription.renewed",
  renewalFailed: "instantmerchant.subscription.renewal_failed",
  canceled: "instantmerchant.subscription.canceled",
  expired: "instantmerchant.subscription.expired",
  renewalOrderFailed: "instantmerchant.subscription.renewal_order_failed",
} as const

export interface RenewOutcome {
  subscription: InstantMerchantSubscription
  /** The attempt this call made; undefined when nothing was due. */
  renewal?: InstantMerchantSubscriptionRenewal
}

export interface SubscriptionFilters {
  status?: SubscriptionStatus
  customer_id?: string
}

/** A card saved with the gateway, as the storefront may offer it. */
export interface SavedCard {
  card_id: string
  last_4: string
  exp_month: number
  exp_year: number
  is_default: boolean
}

const ACTIVE: SubscriptionStatus[] = ["active", "past_due"]

/**
 * Subscriptions sold through InstantMerchant: recorded when an order opens
 * one, renewed by the job or an admin, canceled, and moved to another card.
 *
 * Money moves only in `renew`. It holds a row lock on the subscription for
 * the whole gateway call (a second instance skips a locked row), derives the
 * gateway idempotency key from the period and attempt, and the database
 * allows one successful renewal per period: a period is never renewed twice.
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

  /** Renews every subscription whose renewal is due; the job calls this. */
  async renewDue(): Promise<{ renewed: number; failed: number; skipped: number }> {
    const now = await this.now()
    const due = await this.activeManager_
      .getRepository(InstantMerchantSubscription)
      .createQueryBuilder("s")
      .select("s.id")
      .where("s.status IN (:...statuses)", { statuses: ACTIVE })
      .andWhere("s.next_renewal_at <= :now", { now })
      .orderBy("s.next_renewal_at", "ASC")
      .limit(100)
      .getMany()
    const counts = { renewed: 0, failed: 0, skipped: 0 }
    for (const { id } of due) {
      try {
        const outcome = await this.renew(id, { trigger: "job", onlyIfDue: true, now })
        if (!outcome.renewal) counts.skipped++
        else if (outcome.renewal.status === "succeeded") counts.renewed++
        else counts.failed++
      } catch (e) {
        // Another instance holds it, or the gateway is down: the next run tries again.
        counts.skipped++
        this.cradle.logger?.warn?.(`InstantMerchant renewal of ${id} skipped: ${(e as Error).message}`)
      }
    }
    return counts
  }

  /**
   * Renews the subscription's current period once. A decline is recorded and
   * answered (status `past_due`, or `expired` after the last retry), not
   * thrown; a gateway that did not answer leaves an `unknown` attempt that the
   * next call replays with the same idempotency key.
   */
  async renew(
    id: string,
    options: { trigger: "job" | "admin"; onlyIfDue?: boolean; now?: Date; expectedPeriodEnd?: Date }
  ): Promise<RenewOutcome> {
    const now = options.now ?? (await this.now())
    const events: Array<[string, InstantMerchantSubscription]> = []
    const outcome = await this.activeManager_.transaction(async (m) => {
      const subscription = await this.lockForRenewal(m, id)
      if (!ACTIVE.includes(subscription.status)) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Subscription ${id} is ${subscription.status}: it cannot be renewed`)
      }
      if (options.onlyIfDue && (!subscription.next_renewal_at || subscription.next_renewal_at > now)) return { subscription }
      // An admin who saw one period end must not renew the next one by a second click.
      if (options.expectedPeriodEnd && subscription.current_period_end.getTime() !== options.expectedPeriodEnd.getTime()) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          `Subscription ${id} was already renewed: its period now ends ${subscription.current_period_end.toISOString()}, not ${options.expectedPeriodEnd.toISOString()}`
        )
      }
      return this.renewLocked(m, subscription, options.trigger, now, events)
    })
    for (const [event, subscription] of events) await this.emit(event, subscription)
    if (outcome.renewal?.status === "succeeded" && this.options.subscription_renewal_orders) await this.orderForRenewal(outcome.subscription, outcome.renewal)
    return { ...outcome, subscription: await this.retrieve(id) }
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

  private async lockForRenewal(m: EntityManager, id: string): Promise<InstantMerchantSubscription> {
    const locked = await m
      .getRepository(InstantMerchantSubscription)
      .createQueryBuilder("s")
      .setLock("pessimistic_write")
      .setOnLocked("skip_locked")
      .where("s.id = :id", { id })
      .getOne()
    if (locked) return locked
    const exists = await this.activeManager_.getRepository(InstantMerchantSubscription).exist({ where: { id } })
    if (!exists) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Subscription ${id} was not found`)
    throw new MedusaError(MedusaError.Types.CONFLICT, `A renewal of subscription ${id} is already under way`)
  }

  private async renewLocked(
    m: EntityManager,
    subscription: InstantMerchantSubscription,
    trigger: string,
    now: Date,
    events: Array<[string, InstantMerchantSubscription]>
  ): Promise<RenewOutcome> {
    const renewals = m.getRepository(InstantMerchantSubscriptionRenewal)
    const periodStart = subscription.current_period_end
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
    Object.assign(subscription, {
      status: "active",
      current_period_start: periodStart,
      current_period_end: periodEnd,
      failed_attempts: 0,
      next_renewal_at: renewalDueAt(periodEnd, this.options.subscription_renewal_lead_hours),
    })
    await m.getRepository(InstantMerchantSubscription).save(subscription)
    events.push([SUBSCRIPTION_EVENTS.renewed, subscription])
    return { subscription, renewal: attempt }
  }

  private async recordFailure(
    m: EntityManager,
    subscription: InstantMerchantSubscription,
    attempt: InstantMerchantSubscriptionRenewal,
    e: unknown,
    now: Date,
    events: Array<[string, InstantMerchantSubscription]>
  ): Promise<RenewOutcome> {
    const renewals = m.getRepository(InstantMerchantSubscriptionRenewal)
    const subscriptions = m.getRepository(InstantMerchantSubscription)
    if (e instanceof InstantMerchantError && e.maybeProcessed) {
      // Maybe charged: keep the attempt open; the next run replays it under the same key.
      Object.assign(attempt, { status: "unknown", failure_code: "maybe_processed", failure_message: e.message })
      await renewals.save(attempt)
      return { subscription, renewal: attempt }
    }
    if (e instanceof InvalidRequestError && e.code === "subscription_canceled") {
      Object.assign(attempt, { status: "failed", failure_code: e.code, failure_message: "The subscription was canceled at the gateway", finished_at: now })
      await renewals.save(attempt)
      Object.assign(subscription, { status: "canceled", canceled_at: now, next_renewal_at: null })
      await subscriptions.save(subscription)
      events.push([SUBSCRIPTION_EVENTS.canceled, subscription])
      return { subscription, renewal: attempt }
    }
    if (!(e instanceof CardError)) throw e
    Object.assign(attempt, { status: "failed", failure_code: e.declineCode, failure_message: declineMessage(e.declineCode), finished_at: now })
    await renewals.save(attempt)
    const failed = subscription.failed_attempts + 1
    const next = retryAt(subscription.current_period_end, failed, this.options.subscription_retry_hours)
    Object.assign(subscription, { failed_attempts: failed, status: next ? "past_due" : "expired", next_renewal_at: next })
    await subscriptions.save(subscription)
    events.push([SUBSCRIPTION_EVENTS.renewalFailed, subscription])
    if (!next) events.push([SUBSCRIPTION_EVENTS.expired, subscription])
    return { subscription, renewal: attempt }
  }

  // ---- canceling and cards ----------------------------------------------------

  /** Cancels at the gateway, then here. Already canceled is success. */
  async cancel(id: string, scope: { customerId?: string } = {}): Promise<InstantMerchantSubscription> {
    const subscription = await this.retrieve(id, scope)
    if (subscription.status === "canceled") return subscription
    try {
      await this.client.subscriptions.cancel({ subscription_id: subscription.gateway_subscription_id }, { idempotencyKey: `im_cancel_${subscription.gateway_subscription_id}` })
    } catch (e) {
      if (!(e instanceof InvalidRequestError && e.code === "subscription_canceled")) throw e
    }
    const repo = this.activeManager_.getRepository(InstantMerchantSubscription)
    Object.assign(subscription, { status: "canceled", canceled_at: await this.now(), next_renewal_at: null })
    await repo.save(subscription)
    await this.emit(SUBSCRIPTION_EVENTS.canceled, subscription)
    return this.retrieve(id)
  }

  /**
   * Moves the subscription to a new card (the gateway's update_card). The card
   * number passes through memory only; the record keeps the card id and last 4.
   * A past-due subscription is retried at the next run, on the new card.
   */
  async updateCard(id: string, customerId: string, data: Record<string, unknown>): Promise<InstantMerchantSubscription> {
    const card = parseCardInput(data)
    if (card.kind !== "new") throw new InputError("card_number", "send the new card's details; the gateway moves a subscription only to a new card")
    const subscription = await this.retrieve(id, { customerId })
    if (!ACTIVE.includes(subscription.status)) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Subscription ${id} is ${subscription.status}: its card cannot change`)
    const updated = await this.client.subscriptions.updateCard({ subscription_id: subscription.gateway_subscription_id, ...gatewayCardFields(card) })
    const repo = this.activeManager_.getRepository(InstantMerchantSubscription)
    Object.assign(subscription, {
      card_id: updated.card_id,
      card_last_4: updated.card_last_4,
      ...(subscription.status === "past_due" ? { next_renewal_at: await this.now() } : {}),
    })
    delete subscription.renewals
    await repo.save(subscription)
    return this.retrieve(id)
  }

  /** The customer's saved cards at the gateway; none before their first saved card. */
  async savedCards(customerId: string): Promise<SavedCard[]> {
    const customer = await this.cradle.customerService.retrieve(customerId)
    const gatewayCustomer = customer.metadata?.[GATEWAY_CUSTOMER_METADATA_KEY]
    if (!Number.isSafeInteger(gatewayCustomer)) return []
    const { data } = await this.client.cards.retrieve({ customer: gatewayCustomer })
    return data.map((c) => {
      const [month, year] = c.cc_valid_thru.split("/").map(Number)
      return { card_id: c.card_id, last_4: c.cc_last_4, exp_month: month, exp_year: year, is_default: c.is_default === "1" }
    })
  }

  private async emit(event: string, subscription: InstantMerchantSubscription): Promise<void> {
    await this.cradle.eventBusService?.emit(event, { id: subscription.id, status: subscription.status, customer_id: subscription.customer_id })
  }
}
