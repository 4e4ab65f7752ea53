import type { EntityManager } from "typeorm"
import type { SubscriptionStatus } from "../models/instantmerchant-subscription"

/** The statuses a subscription renews in, and whose card may change. */
export const ACTIVE_STATUSES: SubscriptionStatus[] = ["active", "past_due"]

/** Due subscriptions are read this many at a time. */
export const DUE_PAGE_SIZE = 100

/** The job's cursor: a due row's id, and its `next_renewal_at` as PostgreSQL prints it. */
export interface DueRow {
  id: string
  at: string
}

/**
 * One page of due subscriptions after `after`, by (next_renewal_at, id).
 * The time comes back as PostgreSQL's text so that the cursor keeps its
 * microseconds: a JavaScript Date would round them off and revisit or skip rows.
 */
export function duePage(manager: EntityManager, now: Date, after: DueRow | null, limit: number): Promise<DueRow[]> {
  const cursor = after ? `AND ("next_renewal_at", "id") > ($4::timestamptz, $5)` : ""
  return manager.query(
    `SELECT "id", "next_renewal_at"::text AS "at" FROM "instantmerchant_subscription"
      WHERE "status" = ANY($1) AND "next_renewal_at" <= $2 ${cursor}
      ORDER BY "next_renewal_at", "id" LIMIT $3`,
    [ACTIVE_STATUSES, now, limit, ...(after ? [after.at, after.id] : [])]
  )
}
