import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { RowPatch } from "../../../../subscriptions/renewal-outcome"
import type { RenewalAttempt, RenewalStore } from "../../../../subscriptions/renew-period"
import { busy } from "../../../../subscriptions/subscription-busy"
import type { SubscriptionRow } from "./subscription-row"

/**
 * The subscriptions module's SQL, on the module's own MikroORM manager (the
 * transaction of `baseRepository_.transaction`). Raw SQL where the ORM has no
 * word for it: the row lock (FOR UPDATE, SKIP LOCKED or NOWAIT), the insert
 * that ignores a recorded subscription, and the writes of only the columns a
 * change owns, so a stale copy of a row is never saved over a newer one.
 */

/** PostgreSQL's lock_not_available, which FOR UPDATE NOWAIT raises on a locked row. */
const LOCK_NOT_AVAILABLE = "55P03"

const SUBSCRIPTION_COLUMNS = new Set([
  "status", "current_period_start", "current_period_end", "next_renewal_at", "failed_attempts", "error_attempts",
  "canceled_at", "card_id", "card_last_4",
])

/**
 * The row for a renewal, or null when another transaction holds it (SKIP
 * LOCKED): a second instance's job moves on instead of waiting, and a second
 * admin renew is told the subscription is busy. The lock is held until the
 * transaction ends, after the gateway call: the first guard.
 */
export async function lockToRenew(m: SqlEntityManager, id: string): Promise<SubscriptionRow | null> {
  const rows = await m.execute<SubscriptionRow[]>(`SELECT * FROM "instantmerchant_subscription" WHERE "id" = ? AND "deleted_at" IS NULL FOR UPDATE SKIP LOCKED`, [id])
  return rows[0] ?? null
}

/**
 * The row for a cancel or a card change, without waiting behind a renewal
 * (NOWAIT: that one holds the lock as long as the gateway takes): a 409 at
 * once, before anything is sent to the gateway. With `customerId`, another
 * customer's subscription is "not found", locked or not.
 */
export async function lockToChange(m: SqlEntityManager, id: string, scope: { customerId?: string } = {}): Promise<SubscriptionRow> {
  const byCustomer = scope.customerId !== undefined ? ` AND "customer_id" = ?` : ""
  let rows: SubscriptionRow[]
  try {
    rows = await m.execute<SubscriptionRow[]>(
      `SELECT * FROM "instantmerchant_subscription" WHERE "id" = ? AND "deleted_at" IS NULL${byCustomer} FOR UPDATE NOWAIT`,
      scope.customerId !== undefined ? [id, scope.customerId] : [id]
    )
  } catch (e) {
    if (isLockNotAvailable(e)) throw busy(id)
    throw e
  }
  if (!rows[0]) throw notFound(id)
  return rows[0]
}

/** Why a renewal found no row to lock, asked on the transaction's own connection. */
export async function notFoundOrBusy(m: SqlEntityManager, id: string): Promise<MedusaError> {
  const rows = await m.execute<Array<{ id: string }>>(`SELECT "id" FROM "instantmerchant_subscription" WHERE "id" = ? AND "deleted_at" IS NULL`, [id])
  return rows.length ? busy(id) : notFound(id)
}

export function notFound(id: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `Subscription ${id} was not found`)
}

/** Writes only the given columns of the row; the callers hold its lock. */
export async function updateRow(m: SqlEntityManager, id: string, columns: RowPatch): Promise<void> {
  const keys = Object.keys(columns).filter((k) => (columns as Record<string, unknown>)[k] !== undefined)
  for (const key of keys) if (!SUBSCRIPTION_COLUMNS.has(key)) throw new Error(`updateRow: ${key} is not a column a change may write`)
  if (!keys.length) return
  const sets = keys.map((k) => `"${k}" = ?`).join(", ")
  await m.execute(`UPDATE "instantmerchant_subscription" SET ${sets}, "updated_at" = now() WHERE "id" = ?`, [...keys.map((k) => (columns as Record<string, unknown>)[k]), id], "run")
}

/** A renewal attempt row, as this module reads and writes it. */
export type AttemptRow = RenewalAttempt & { id: string; order_id?: string | null; persisted?: boolean }

const ATTEMPT_COLUMNS = ["period_start", "period_end", "attempt", "status", "trigger", "amount", "charge_id", "invoice_num", "failure_code", "failure_message", "attempted_at", "finished_at"] as const

/** The renewal store of the 2.x plugin: SQL in the transaction that holds the row lock. */
export function sqlRenewalStore(m: SqlEntityManager): RenewalStore<AttemptRow> {
  return {
    successFrom: async (subscriptionId, periodStart) => {
      const rows = await m.execute<AttemptRow[]>(
        `SELECT * FROM "instantmerchant_subscription_renewal" WHERE "subscription_id" = ? AND "status" = 'succeeded' AND "period_start" >= ? AND "deleted_at" IS NULL ORDER BY "period_start" DESC LIMIT 1`,
        [subscriptionId, periodStart]
      )
      return rows[0] ? { ...rows[0], persisted: true } : null
    },
    attemptsOf: async (subscriptionId, periodStart) => {
      const rows = await m.execute<AttemptRow[]>(
        `SELECT * FROM "instantmerchant_subscription_renewal" WHERE "subscription_id" = ? AND "period_start" = ? AND "deleted_at" IS NULL ORDER BY "attempt"`,
        [subscriptionId, periodStart]
      )
      return rows.map((r) => ({ ...r, persisted: true }))
    },
    newAttempt: (fields) =>
      ({ ...fields, id: generateEntityId(undefined, "imren"), period_end: null, charge_id: null, invoice_num: null, failure_code: null, failure_message: null, finished_at: null } as AttemptRow),
    saveAttempt: async (attempt) => {
      const values = ATTEMPT_COLUMNS.map((c) => attempt[c] ?? null)
      if (attempt.persisted) {
        await m.execute(
          `UPDATE "instantmerchant_subscription_renewal" SET ${ATTEMPT_COLUMNS.map((c) => `"${c}" = ?`).join(", ")}, "updated_at" = now() WHERE "id" = ?`,
          [...values, attempt.id],
          "run"
        )
        return
      }
      await m.execute(
        `INSERT INTO "instantmerchant_subscription_renewal" ("id", "subscription_id", ${ATTEMPT_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (?, ?, ${ATTEMPT_COLUMNS.map(() => "?").join(", ")})`,
        [attempt.id, attempt.subscription_id, ...values],
        "run"
      )
      attempt.persisted = true
    },
    updateRow: (id, columns) => updateRow(m, id, columns),
  }
}

function isLockNotAvailable(e: unknown): boolean {
  const error = e as { code?: unknown; cause?: { code?: unknown }; previous?: { code?: unknown } }
  return error?.code === LOCK_NOT_AVAILABLE || error?.cause?.code === LOCK_NOT_AVAILABLE || error?.previous?.code === LOCK_NOT_AVAILABLE
}
