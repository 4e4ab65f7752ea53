import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"

/* eslint-disable @typescript-eslint/no-explicit-any */

/** TypeORM's default pool for PostgreSQL, which Medusa v1 keeps unless `database_extra.max` says otherwise. */
const DEFAULT_POOL_SIZE = 10

/**
 * Bounds how many storefront cart requests run at once on this instance.
 *
 * Why: Medusa runs a cart request (an update, card entry, completion) in a
 * transaction that holds one pooled connection, and calls the processor from
 * inside it; the processor reads the cart and session through Medusa's
 * services, which take a second connection. With as many such requests in
 * flight as the pool has connections, every connection is held by a
 * transaction waiting for another one, and the instance stops answering for
 * good (seen with 100 guest checkouts at once). At most half the pool, less
 * one, runs at a time; the others wait their turn holding no connection.
 */
export function checkoutConcurrency() {
  let limit: number | undefined
  let running = 0
  const waiting: Array<() => void> = []
  const release = () => {
    running--
    const next = waiting.shift()
    if (next) {
      running++
      next()
    }
  }
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void => {
    limit ??= limitFor(req)
    let done = false
    const finish = () => {
      if (done) return
      done = true
      release()
    }
    const start = () => {
      res.on("finish", finish)
      res.on("close", finish)
      next()
    }
    if (running < limit) {
      running++
      start()
    } else waiting.push(start)
  }
}

function limitFor(req: MedusaRequest): number {
  let pool = DEFAULT_POOL_SIZE
  try {
    const max = req.scope.resolve<any>("configModule")?.projectConfig?.database_extra?.max
    if (Number.isInteger(max) && max > 0) pool = max
  } catch {
    // No config module in the container: the default pool.
  }
  return Math.max(1, Math.floor(pool / 2) - 1)
}
