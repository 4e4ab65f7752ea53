import type { EntityManager } from "typeorm"
import type { InstantMerchantClient } from "../client"
import type { ResolvedPluginOptions } from "../config/plugin-options"
import type { InstantMerchantSubscription } from "../models/instantmerchant-subscription"
import { InstantMerchantSubscriptionRenewal } from "../models/instantmerchant-subscription-renewal"
import { LockedOutcome } from "./renewal-outcome"
import { RenewalStore, renewPeriod } from "./renew-period"
import { EventSubject } from "./subscription-events"
import { updateRow } from "./subscription-lock"

export { alreadyRenewed, isDueForRenewal, renewalLogLine } from "./renew-period"

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
 * holds: the core's renewPeriod (src/subscriptions/renew-period.ts, shared
 * with the 2.x plugin) over TypeORM.
 */
export function renewLocked(ctx: RenewalContext, subscription: InstantMerchantSubscription): Promise<LockedOutcome> {
  return renewPeriod({ ...ctx, store: typeormRenewalStore(ctx.manager) }, subscription)
}

/** The renewal store of the v1 plugin: TypeORM, in the transaction that holds the row lock. */
function typeormRenewalStore(m: EntityManager): RenewalStore<InstantMerchantSubscriptionRenewal> {
  const renewals = m.getRepository(InstantMerchantSubscriptionRenewal)
  return {
    successFrom: (subscriptionId, periodStart) =>
      renewals
        .createQueryBuilder("r")
        .where("r.subscription_id = :subscriptionId", { subscriptionId })
        .andWhere("r.status = 'succeeded'")
        .andWhere("r.period_start >= :periodStart", { periodStart })
        .orderBy("r.period_start", "DESC")
        .getOne(),
    attemptsOf: (subscriptionId, periodStart) => renewals.find({ where: { subscription_id: subscriptionId, period_start: periodStart }, order: { attempt: "ASC" } }),
    newAttempt: (fields) => renewals.create(fields),
    saveAttempt: async (attempt) => {
      await renewals.save(attempt)
    },
    updateRow: (id, columns) => updateRow(m, id, columns),
  }
}
