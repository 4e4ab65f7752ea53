import { MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"
import { InstantMerchantSubscription } from "../models/instantmerchant-subscription"
import { busy } from "./subscription-busy"

export { BUSY_CODE, busy } from "./subscription-busy"

/** PostgreSQL's lock_not_available, which FOR UPDATE NOWAIT raises on a locked row. */
const LOCK_NOT_AVAILABLE = "55P03"

/*
 * Every change to a subscription row happens inside a transaction that holds
 * the row's lock (SELECT ... FOR UPDATE), on the row as read under that lock,
 * and writes only the columns the change owns. The lock is held through the
 * gateway call, so a renewal, a cancel and a card change of one subscription
 * never overlap, at the gateway or here, and a stale copy is never written back.
 */

/**
 * The row for a renewal, or null when another transaction holds it (SKIP
 * LOCKED): the job moves on to the next subscription instead of waiting.
 */
export async function lockToRenew(m: EntityManager, id: string): Promise<InstantMerchantSubscription | null> {
  return m
    .getRepository(InstantMerchantSubscription)
    .createQueryBuilder("s")
    .setLock("pessimistic_write")
    .setOnLocked("skip_locked")
    .where("s.id = :id", { id })
    .getOne()
}

/**
 * The row for a cancel or a card change. It does not wait for a renewal in
 * progress (NOWAIT): that one holds the lock for as long as the gateway takes
 * to charge (up to `timeout_ms`), and a request waiting behind it would hold
 * a database connection and the customer's request all that time. The answer
 * is a 409 at once, before anything is sent to the gateway.
 *
 * With `customerId`, another customer's subscription is "not found", locked
 * or not: only rows of that customer are locked or even looked at.
 */
export async function lockToChange(m: EntityManager, id: string, scope: { customerId?: string } = {}): Promise<InstantMerchantSubscription> {
  const query = m
    .getRepository(InstantMerchantSubscription)
    .createQueryBuilder("s")
    .setLock("pessimistic_write")
    .setOnLocked("nowait")
    .where("s.id = :id", { id })
  if (scope.customerId !== undefined) query.andWhere("s.customer_id = :customerId", { customerId: scope.customerId })
  let found: InstantMerchantSubscription | null
  try {
    found = await query.getOne()
  } catch (e) {
    if (isLockNotAvailable(e)) throw busy(id)
    throw e
  }
  if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Subscription ${id} was not found`)
  return found
}

function isLockNotAvailable(e: unknown): boolean {
  const error = e as { code?: unknown; driverError?: { code?: unknown } }
  return error?.code === LOCK_NOT_AVAILABLE || error?.driverError?.code === LOCK_NOT_AVAILABLE
}

/** Writes only the given columns of the row; the callers hold its lock. */
export async function updateRow(m: EntityManager, id: string, columns: Partial<Omit<InstantMerchantSubscription, "renewals">>): Promise<void> {
  await m.getRepository(InstantMerchantSubscription).update({ id }, columns)
}

/**
 * Why a renewal found no row to lock. Asked on the transaction's own
 * connection: with as many renewals at once as the pool has connections,
 * asking for a second one would wait forever.
 */
export async function notFoundOrBusy(m: EntityManager, id: string): Promise<MedusaError> {
  const exists = await m.getRepository(InstantMerchantSubscription).exist({ where: { id } })
  return exists ? busy(id) : new MedusaError(MedusaError.Types.NOT_FOUND, `Subscription ${id} was not found`)
}
