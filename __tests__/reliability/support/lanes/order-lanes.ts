import fs from "node:fs"
import { admin } from "../../../e2e/support/admin"
import { e2e } from "../../../e2e/support/e2e-env"
import { eventually } from "../../../e2e/support/eventually"
import { check, expectOrderBooks } from "../books"
import { capturedOrder, guestOrder } from "../fixtures"
import { failureOutcome, Lane } from "../lane"

/** The admin's side of an order: capture, refund, and cancel (the release of the authorization). */

interface OrderFixture {
  order: any
  /** Where the server log stood when the action started. */
  logMark?: number
}

const REFUND = 1000

export const captureLane: Lane<OrderFixture> = {
  op: "capture",
  path: "capture",
  retry: "repeatable",
  prepare: async () => ({ order: (await guestOrder()).order }),
  act(f) {
    f.logMark = fs.statSync(e2e.medusaLog).size
    return admin().post(`/admin/orders/${f.order.id}/capture`)
  },
  /**
   * Medusa 1.20 answers a failed capture with 200 and the payment "requires
   * action"; the plugin's reason is in the server log (README,
   * Troubleshooting). That log line is what the admin has to go on.
   */
  async outcome(answer, f) {
    if (answer.status !== 200) return failureOutcome(answer)
    const status = answer.body.order?.payment_status
    if (status === "captured") return "succeeded"
    if (status !== "requires_action") throw new Error(`a capture left the payment ${status}`)
    const line = await eventually(async () => {
      // logMark is a byte offset: slice the bytes, not the (multi-byte) characters.
      const log = fs.readFileSync(e2e.medusaLog).subarray(f.logMark).toString("utf8")
      const found = /InstantMerchant capture failed: (\w+): (.+)/.exec(log)
      if (!found) throw new Error("the payment requires action, and the server log does not say why")
      return found
    }, 15_000)
    return line[1] === "maybe_processed" ? "maybe" : "refused"
  },
  async verify(f) {
    const { order, charge } = await expectOrderBooks(f.order.id)
    check(order.payment_status === "captured" && charge.amount_captured === charge.amount, `order ${order.payment_status}, gateway captured ${charge.amount_captured} of ${charge.amount}`)
  },
}

export const refundLane: Lane<OrderFixture> = {
  op: "refund",
  path: "refund",
  retry: "never-twice",
  prepare: async () => ({ order: (await capturedOrder()).order }),
  act: (f) => admin().post(`/admin/orders/${f.order.id}/refund`, { amount: REFUND, reason: "other" }),
  outcome: async (answer) => (answer.status === 200 ? "succeeded" : failureOutcome(answer)),
  async verify(f) {
    const { order, charge } = await expectOrderBooks(f.order.id)
    check(order.refunded_total === REFUND && charge.amount_refunded === REFUND, `refunded once ${REFUND}: Medusa ${order.refunded_total}, gateway ${charge.amount_refunded}`)
  },
}

export const releaseLane: Lane<OrderFixture> = {
  op: "release",
  path: "refund",
  retry: "never-twice",
  prepare: async () => ({ order: (await guestOrder()).order }),
  act: (f) => admin().post(`/admin/orders/${f.order.id}/cancel`),
  outcome: async (answer) => (answer.status === 200 ? "succeeded" : failureOutcome(answer)),
  async verify(f) {
    const { order, charge } = await expectOrderBooks(f.order.id)
    check(order.status === "canceled" && charge.status === "released", `order ${order.status}, gateway charge ${charge.status}`)
  },
}
