import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The first key of the plugin's PostgreSQL advisory locks ("IM"); the second is the order's hash. */
const LOCK_NAMESPACE = 0x494d
/** How long a request waits for another money operation on the same order before it is told to try again. */
const WAIT_MS = 60_000
/** A request whose client went away still runs to its end; the lock is kept at most this long for it. */
const ABANDONED_HOLD_MS = 120_000

/**
 * Serializes Medusa's own money routes per order (refund, capture, cancel,
 * returns, claims, swaps), on every instance, with a PostgreSQL advisory lock
 * held until the answer is sent, i.e. after Medusa committed what the
 * processor returned.
 *
 * Why: Medusa reads the payment, calls the processor, and saves the payment in
 * one transaction without locking it. Two refunds sent at once both read the
 * same refunded total, derive the same idempotency key, and the gateway
 * refunds once while Medusa records two. Serialized, the second refund reads
 * the first one's total, gets a key of its own, and both books agree.
 *
 * The lock is taken with `pg_try_advisory_lock` in a loop, so a waiting
 * request holds no pooled connection; only the holder does.
 */
export function orderMoneyLock(orderIdOf: (req: MedusaRequest) => Promise<string | null> = async (req) => (typeof req.params.id === "string" && req.params.id) || null) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> => {
    let orderId: string | null
    let runner: any
    try {
      orderId = await orderIdOf(req)
      if (!orderId) return next()
      runner = await acquire(req.scope.resolve("manager"), orderId)
    } catch (e) {
      return next(e)
    }
    if (!runner) {
      res.status(409).json({ type: "conflict", code: "order_busy", message: `order ${orderId}: another payment operation on this order is still under way; try again in a moment` })
      return
    }
    let released = false
    const release = () => {
      if (released) return
      released = true
      clearTimeout(abandoned)
      void runner
        .query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_NAMESPACE, orderId])
        .catch(() => undefined)
        .finally(() => runner.release())
    }
    let abandoned: NodeJS.Timeout | undefined
    res.on("finish", release)
    // The client left: Medusa's handler still runs; keep the lock a while for it, not forever.
    res.on("close", () => {
      if (!released) abandoned = setTimeout(release, ABANDONED_HOLD_MS).unref()
    })
    next()
  }
}

/** The return's order, for `POST /admin/returns/:id/receive` (receiving a return may refund). */
export async function orderOfReturn(req: MedusaRequest): Promise<string | null> {
  const rows = await req.scope.resolve<any>("manager").query(`SELECT "order_id" FROM "return" WHERE "id" = $1`, [String(req.params.id ?? "")])
  return rows[0]?.order_id ?? null
}

async function acquire(manager: any, orderId: string): Promise<any | null> {
  const deadline = Date.now() + WAIT_MS
  let pause = 10
  for (;;) {
    const runner = manager.connection.createQueryRunner()
    await runner.connect()
    try {
      const [row] = await runner.query("SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked", [LOCK_NAMESPACE, orderId])
      if (row?.locked) return runner
    } catch (e) {
      await runner.release()
      throw e
    }
    await runner.release()
    if (Date.now() + pause > deadline) return null
    await new Promise((resolve) => setTimeout(resolve, pause))
    pause = Math.min(pause * 2, 250)
  }
}
