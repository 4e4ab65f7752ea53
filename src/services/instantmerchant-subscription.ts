import { Order, Payment, TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { InstantMerchantClient, isRefusal } from "../client"
import { gatewayCardFields, parseCardInput } from "../rules/card/card-input"
import { cardKeyPart } from "../rules/card/card-key"
import { withKeyGenerations } from "../client/key-generations"
import { InputError } from "../rules/input/input-error"
import type { Cradle } from "../config/cradle"
import { InstantMerchantSubscription, SubscriptionStatus } from "../models/instantmerchant-subscription"
import { gatewayClientFor } from "../config/gateway-client"
import { ResolvedPluginOptions, resolvePluginOptions } from "../config/plugin-options"
import { ACTIVE_STATUSES, DUE_PAGE_SIZE, DueRow, duePage } from "../subscriptions/due-subscriptions"
import { orderForRenewal } from "../subscriptions/renewal-order"
import { forEachBounded } from "../subscriptions/for-each-bounded"
import { keysetPages } from "../subscriptions/keyset-pages"
import { LockedOutcome, RenewalRunCounts, RenewOutcome } from "../subscriptions/renewal-outcome"
import { alreadyRenewed, isDueForRenewal, renewalLogLine, renewLocked } from "../subscriptions/renewals"
import { opensSubscription, subscriptionFromPayment, type SubscriptionPayment } from "../subscriptions/subscription-from-order"
import { SubscriptionClock } from "../subscriptions/subscription-clock"
import { EventSubject, subject, SUBSCRIPTION_EVENTS } from "../subscriptions/subscription-events"
import { BUSY_CODE, lockToChange, lockToRenew, notFoundOrBusy, updateRow } from "../subscriptions/subscription-lock"

export { SUBSCRIPTION_EVENTS } from "../subscriptions/subscription-events"
export type { RenewalRunCounts, RenewOutcome, RenewResult } from "../subscriptions/renewal-outcome"

export interface SubscriptionFilters {
  status?: SubscriptionStatus
  customer_id?: string
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
 * columns it owns (see src/subscriptions/subscription-lock.ts): a cancel or a
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
    // Every order placed comes here: its payments first (one indexed read), the order only when one opens a subscription.
    const payments = await this.activeManager_.getRepository(Payment).find({ where: { order_id: orderId } })
    const opening = payments.filter((payment): payment is Payment & SubscriptionPayment => opensSubscription(payment))
    if (opening.length === 0) return []
    const order = await this.activeManager_.getRepository(Order).findOneOrFail({ where: { id: orderId }, select: { id: true, email: true, customer_id: true, cart_id: true } })
    const recorded: InstantMerchantSubscription[] = []
    const now = await this.now()
    for (const payment of opening) {
      const repo = this.activeManager_.getRepository(InstantMerchantSubscription)
      const inserted = await repo
        .createQueryBuilder()
        .insert()
        .values(
          repo.create(subscriptionFromPayment(order, payment, now, this.options.subscription_renewal_lead_hours))
        )
        .orIgnore()
        .returning("id")
        .execute()
      if (inserted.identifiers.length) {
        const subscription = await repo.findOneOrFail({ where: { gateway_subscription_id: payment.data.subscription_id } })
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
    const pages = keysetPages<DueRow>((after, limit) => duePage(this.activeManager_, now, after, limit), DUE_PAGE_SIZE)
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
      if (!isDueForRenewal(subscription, options, now)) return { result: "not_due" }
      return renewLocked({ manager: m, client: this.client, options: this.options, trigger: options.trigger, now, events }, subscription)
    })
    for (const [event, subject] of events) await this.emit(event, subject)
    const line = renewalLogLine(id, outcome)
    if (line) this.cradle.logger?.warn?.(line)
    if (outcome.result === "renewed" && outcome.renewal && this.options.subscription_renewal_orders) {
      await orderForRenewal(this.cradle, this.activeManager_, await this.retrieve(id), outcome.renewal)
    }
    return outcome
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
      await updateRow(m, id, { status: "canceled", canceled_at: now, next_renewal_at: null })
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
      if (!ACTIVE_STATUSES.includes(subscription.status)) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Subscription ${id} is ${subscription.status}: its card cannot change`)
      // The key names the card being replaced and the new one: a retry replays, moving on to another card is new,
      // and a corrected CVC (which no key may hold) moves to the key's next generation.
      const idempotencyKey = `im_update_card_${subscription.gateway_subscription_id}_${subscription.card_id ?? "none"}_${cardKeyPart(card)}`
      const params = { subscription_id: subscription.gateway_subscription_id, ...gatewayCardFields(card) }
      const updated = await withKeyGenerations(idempotencyKey, (key) => this.client.subscriptions.updateCard(params, { idempotencyKey: key }))
      await updateRow(m, id, {
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
