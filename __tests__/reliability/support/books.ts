import { Client } from "pg"
import { admin } from "../../e2e/support/admin"
import { e2e } from "../../e2e/support/e2e-env"
import { sandboxList } from "./gateway-controls"

/**
 * The gateway's books (the sandbox's inspection) against Medusa's (its admin
 * API and its database). Each check throws with what disagrees.
 */

export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message)
}

/**
 * An order paid by `instantmerchant` or `instantmerchant-invoice`: exactly
 * one gateway charge for its cart, the order's payment holds it, and the
 * amounts authorized, captured and refunded agree.
 */
export async function expectOrderBooks(orderId: string): Promise<{ order: any; charge: any }> {
  const { order } = await admin().must("GET", `/admin/orders/${orderId}`)
  const charges = (await sandboxList("charges")).filter((c) => c.description === `Medusa cart ${order.cart_id}`)
  check(charges.length === 1, `cart ${order.cart_id}: ${charges.length} gateway charges, expected 1 (${charges.map((c) => c.charge_id).join(", ")})`)
  const [charge] = charges
  check(order.payments.length === 1, `order ${order.id} has ${order.payments.length} payments`)
  const [payment] = order.payments
  check(payment.data.charge_id === charge.charge_id, `order ${order.id} rests on ${payment.data.charge_id}, the gateway charged ${charge.charge_id}`)
  check(payment.amount === charge.amount && charge.amount === order.total, `amounts: order ${order.total}, payment ${payment.amount}, gateway ${charge.amount}`)
  check(Boolean(payment.captured_at) === charge.captured, `captured: Medusa ${Boolean(payment.captured_at)}, gateway ${charge.captured}`)
  const refunds = (await sandboxList("refunds")).filter((r) => r.charge_id === charge.charge_id && r.reason !== "authorization_released")
  check(order.refunded_total === charge.amount_refunded || charge.status === "released", `refunded: Medusa ${order.refunded_total}, gateway ${charge.amount_refunded}`)
  check(refunds.length === (payment.data.refunds ?? []).length, `refunds: Medusa records ${(payment.data.refunds ?? []).length}, the gateway made ${refunds.length}`)
  check(refunds.reduce((n, r) => n + r.amount, 0) === order.refunded_total, `gateway refunds add up to ${refunds.reduce((n, r) => n + r.amount, 0)}, Medusa's refunded_total is ${order.refunded_total}`)
  const canceled = order.status === "canceled"
  check(canceled === (charge.status === "released"), `order ${order.status}, gateway charge ${charge.status}`)
  return { order, charge }
}

/**
 * No authorization is left hanging: every gateway charge still authorized
 * (uncaptured and unreleased) belongs to a Medusa payment or to an admin
 * invoice record. An authorization whose order never came would hold the
 * shopper's money for 7 days.
 */
export async function expectNoOrphanAuthorizations(): Promise<void> {
  const authorized = (await sandboxList("charges")).filter((c) => c.status === "authorized")
  if (!authorized.length) return
  const known = await withDatabase(async (db) => {
    const { rows } = await db.query(
      `select data->>'charge_id' as id from payment where data ? 'charge_id'
       union select charge_id as id from instantmerchant_invoice where charge_id is not null`
    )
    return new Set(rows.map((r) => r.id as string))
  })
  const orphans = authorized.filter((c) => !known.has(c.charge_id))
  check(orphans.length === 0, `authorizations with no Medusa payment: ${orphans.map((c) => `${c.charge_id} (${c.description}, ${c.amount})`).join("; ")}`)
}

export async function withDatabase<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: e2e.databaseUrl })
  await db.connect()
  try {
    return await work(db)
  } finally {
    await db.end()
  }
}
