import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { InstantMerchantClient, isRefusal } from "../../../../client"
import { withKeyGenerations } from "../../../../client/key-generations"
import { gatewayClientFor } from "../../../../config/gateway-client"
import { ResolvedPluginOptions, resolvePluginOptions } from "../../../../config/plugin-options"
import { gatewayCardFields, parseCardInput } from "../../../../rules/card/card-input"
import { cardKeyPart } from "../../../../rules/card/card-key"
import { InputError } from "../../../../rules/input/input-error"
import { ACTIVE_STATUSES } from "../../../../subscriptions/due-subscriptions"
import type { LockedOutcome } from "../../../../subscriptions/renewal-outcome"
import { isDueForRenewal, renewPeriod } from "../../../../subscriptions/renew-period"
import { SubscriptionClock } from "../../../../subscriptions/subscription-clock"
import { EventSubject, subject, SUBSCRIPTION_EVENTS } from "../../../../subscriptions/subscription-events"
import { InstantMerchantSubscription } from "./models/instantmerchant-subscription"
import { InstantMerchantSubscriptionRenewal } from "./models/instantmerchant-subscription-renewal"
import { AttemptRow, lockToChange, lockToRenew, notFound, notFoundOrBusy, sqlRenewalStore, updateRow } from "./subscription-sql"
import type { SubscriptionRow } from "./subscription-row"

/** What a renewal under the lock did, and the events to emit once it committed. */
export interface LockedRenewal {
  outcome: LockedOutcome<AttemptRow>
  events: Array<[string, EventSubject]>
}

export interface RenewRequest {
  trigger: "job" | "admin"
  onlyIfDue?: boolean
  /** ISO 8601 or Date: "now" as the job or the route read it (the sandbox's clock with use_sandbox_clock). */
  now: Date
  expectedPeriodEnd?: Date
}

/** A subscription to record, from an order's payment (see subscriptionFromPayment in the core). */
export type SubscriptionInput = Omit<SubscriptionRow, "id" | "created_at" | "updated_at" | "deleted_at" | "error_attempts" | "canceled_at"> & { error_attempts?: number }

/**
 * The subscriptions module's service: Medusa's generated reads over the two
 * models, plus the money-moving changes, each in one transaction on the
 * module's manager that holds the subscription's row lock through the gateway
 * call (see subscription-sql.ts). The decisions are the core's, shared with
 * v1 (src/subscriptions/renew-period.ts, renewal-failure.ts).
 */
export class InstantMerchantSubscriptionsService extends MedusaService({
  // The keys name the generated methods, and must be the models' names in PascalCase
  // (instantmerchant_subscription -> InstantmerchantSubscription): query.graph and module
  // links call list<Key>s by that spelling, and a key cased otherwise is "not a method".
  InstantmerchantSubscription: InstantMerchantSubscription,
  InstantmerchantSubscriptionRenewal: InstantMerchantSubscriptionRenewal,
}) {
  protected readonly baseRepository_: { transaction<T>(task: (m: SqlEntityManager) => Promise<T>): Promise<T> }
  readonly options: ResolvedPluginOptions
  private readonly client: InstantMerchantClient
  private readonly clock: SubscriptionClock

  constructor(container: Record<string, unknown>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.baseRepository_ = container.baseRepository as InstantMerchantSubscriptionsService["baseRepository_"]
    this.options = resolvePluginOptions(withoutMedusaKeys(options))
    this.client = gatewayClientFor(this.options)
    this.clock = new SubscriptionClock(this.options)
  }

  /** "Now" for renewals: this server's clock, or the sandbox's with `use_sandbox_clock`. */
  now(): Promise<Date> {
    return this.clock.now()
  }

  /** Records a subscription once: a second call for the same gateway subscription records nothing (null). */
  async recordSubscription(input: SubscriptionInput): Promise<SubscriptionRow | null> {
    const columns = [
      "gateway_subscription_id", "customer_id", "email", "order_id", "cart_id", "interval", "amount", "currency_code", "card_id", "card_last_4",
      "status", "current_period_start", "current_period_end", "next_renewal_at", "failed_attempts", "error_attempts",
    ] as const
    const values = columns.map((c) => (input as Record<string, unknown>)[c] ?? (c === "error_attempts" ? 0 : null))
    return this.baseRepository_.transaction(async (m) => {
      const rows = await m.execute<SubscriptionRow[]>(
        `INSERT INTO "instantmerchant_subscription" ("id", ${columns.map((c) => `"${c}"`).join(", ")}) VALUES (?, ${columns.map(() => "?").join(", ")})
         ON CONFLICT ("gateway_subscription_id") WHERE "deleted_at" IS NULL DO NOTHING RETURNING *`,
        [generateEntityId(undefined, "imsub"), ...values]
      )
      return rows[0] ?? null
    })
  }

  /** One subscription with its renewals; with `customerId`, another customer's is "not found". */
  async retrieveWithRenewals(id: string, scope: { customerId?: string } = {}) {
    const [found] = await this.listInstantmerchantSubscriptions({ id }, { relations: ["renewals"] })
    if (!found || (scope.customerId !== undefined && found.customer_id !== scope.customerId)) throw notFound(id)
    return found
  }

  /**
   * Renews the subscription's current period once, in one transaction that
   * holds its row lock through the gateway call (SKIP LOCKED: a renewal
   * already under way elsewhere makes this one busy, never a second charge).
   */
  async renewLocked(id: string, request: RenewRequest): Promise<LockedRenewal> {
    const events: Array<[string, EventSubject]> = []
    const outcome = await this.baseRepository_.transaction(async (m): Promise<LockedOutcome<AttemptRow>> => {
      const row = await lockToRenew(m, id)
      if (!row) throw await notFoundOrBusy(m, id)
      if (!isDueForRenewal(row, request, request.now)) return { result: "not_due" }
      const store = sqlRenewalStore(m)
      return renewPeriod({ store, client: this.client, options: this.options, trigger: request.trigger, now: request.now, events }, row)
    })
    return { outcome, events }
  }

  /** One page of due subscriptions after `after`, by (next_renewal_at, id); the time as PostgreSQL's text keeps its microseconds. */
  async duePage(now: Date, after: { id: string; at: string } | null, limit: number): Promise<Array<{ id: string; at: string }>> {
    return this.baseRepository_.transaction((m) =>
      m.execute<Array<{ id: string; at: string }>>(
        `SELECT "id", "next_renewal_at"::text AS "at" FROM "instantmerchant_subscription"
          WHERE "status" IN (${ACTIVE_STATUSES.map(() => "?").join(", ")}) AND "next_renewal_at" <= ? AND "deleted_at" IS NULL
          ${after ? `AND ("next_renewal_at", "id") > (?::timestamptz, ?)` : ""}
          ORDER BY "next_renewal_at", "id" LIMIT ?`,
        [...ACTIVE_STATUSES, now, ...(after ? [after.at, after.id] : []), limit]
      )
    )
  }

  /**
   * Cancels at the gateway, then here, holding the row lock through both.
   * Already canceled is success. During a renewal: a 409 at once, nothing sent.
   */
  async cancelLocked(id: string, scope: { customerId?: string }, now: Date): Promise<EventSubject | null> {
    return this.baseRepository_.transaction(async (m) => {
      const row = await lockToChange(m, id, scope)
      if (row.status === "canceled") return null
      try {
        await this.client.subscriptions.cancel({ subscription_id: row.gateway_subscription_id }, { idempotencyKey: `im_cancel_${row.gateway_subscription_id}` })
      } catch (e) {
        if (!isRefusal(e, "subscription_canceled")) throw e
      }
      await updateRow(m, id, { status: "canceled", canceled_at: now, next_renewal_at: null })
      return { ...subject(row), status: "canceled" as const }
    })
  }

  /**
   * Moves the subscription to a new card (the gateway's update_card) under the
   * row lock, writing only the card columns. The card passes through memory
   * only; the record keeps the card id and last 4. A past-due subscription is
   * retried at the next run, on the new card.
   */
  async updateCardLocked(id: string, customerId: string, data: Record<string, unknown>, now: Date): Promise<void> {
    const card = parseCardInput(data)
    if (card.kind !== "new") throw new InputError("card_number", "send the new card's details; the gateway moves a subscription only to a new card")
    await this.baseRepository_.transaction(async (m) => {
      const row = await lockToChange(m, id, { customerId })
      if (!ACTIVE_STATUSES.includes(row.status)) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Subscription ${id} is ${row.status}: its card cannot change`)
      // v1's key: the card being replaced and the new one; a corrected CVC moves to the key's next generation.
      const idempotencyKey = `im_update_card_${row.gateway_subscription_id}_${row.card_id ?? "none"}_${cardKeyPart(card)}`
      const params = { subscription_id: row.gateway_subscription_id, ...gatewayCardFields(card) }
      const updated = await withKeyGenerations(idempotencyKey, (key) => this.client.subscriptions.updateCard(params, { idempotencyKey: key }))
      await updateRow(m, id, { card_id: updated.card_id, card_last_4: updated.card_last_4, ...(row.status === "past_due" ? { next_renewal_at: now } : {}) })
    })
  }

  /** Records the renewal order made for a renewal (subscription_renewal_orders). */
  async setRenewalOrder(renewalId: string, orderId: string | null): Promise<void> {
    await this.baseRepository_.transaction((m) =>
      m.execute(`UPDATE "instantmerchant_subscription_renewal" SET "order_id" = ?, "updated_at" = now() WHERE "id" = ?`, [orderId, renewalId], "run")
    )
  }
}

/** The plugin's options as Medusa hands them to its modules, without what Medusa adds (`database`, the module's connection settings). */
function withoutMedusaKeys(options: unknown): Record<string, unknown> {
  const o = { ...((options && typeof options === "object" ? options : {}) as Record<string, unknown>) }
  delete o.database
  return o
}

export { SUBSCRIPTION_EVENTS }
export default InstantMerchantSubscriptionsService
