import { MedusaRest } from "../../src/demo/stack/medusa-rest"
import { admin } from "./support/admin"
import { e2e } from "./support/e2e-env"
import { gateway } from "./support/sandbox-inspector"
import { Shopper } from "./support/shopper"

/**
 * Refunds sent at the same moment, to one instance or to both: whatever mix
 * is accepted, the gateway's refunds add up to Medusa's refunded total, and
 * nothing is refunded beyond the charge.
 */
describe("concurrent refunds of one order", () => {
  async function capturedOrder(): Promise<{ id: string; chargeId: string; total: number }> {
    const order = await new Shopper().buy()
    expect((await admin().post(`/admin/orders/${order.id}/capture`)).status).toBe(200)
    return { id: order.id, chargeId: order.payments[0].data.charge_id, total: order.payments[0].amount }
  }

  async function books(order: { id: string; chargeId: string }) {
    const { order: medusa } = await admin().must("GET", `/admin/orders/${order.id}`)
    const refunds = (await gateway.list("refunds")).filter((r) => r.charge_id === order.chargeId)
    const charge = await gateway.charge(order.chargeId)
    return { medusaRefunded: medusa.refunded_total as number, medusaRefunds: medusa.refunds.length as number, gatewayRefunded: charge.amount_refunded as number, gatewayRefunds: refunds.length }
  }

  it("two identical refunds sent at once are two gateway refunds, and Medusa records two", async () => {
    const order = await capturedOrder()
    const answers = await Promise.all([1, 2].map(() => admin().post(`/admin/orders/${order.id}/refund`, { amount: 500, reason: "other" })))
    expect(answers.map((a) => a.status)).toEqual([200, 200])
    expect(await books(order)).toEqual({ medusaRefunded: 1000, medusaRefunds: 2, gatewayRefunded: 1000, gatewayRefunds: 2 })
  })

  it("a mix of refunds on both instances: the sums agree and never pass the charge", async () => {
    const order = await capturedOrder()
    const amounts = [700, 700, 1000, 500, 1200]
    const answers = await Promise.all(
      amounts.map((amount, i) => {
        const api = i % 2 ? adminOnSecondInstance() : admin()
        return api.post(`/admin/orders/${order.id}/refund`, { amount, reason: "other" })
      })
    )
    // 4,100 asked of 3,000: some are refused for going past what is left, none is a 5xx.
    for (const a of answers) expect([200, 400]).toContain(a.status)
    const accepted = answers.map((a, i) => (a.status === 200 ? amounts[i] : 0)).reduce((x, y) => x + y, 0)
    const now = await books(order)
    expect(now.gatewayRefunded).toBe(now.medusaRefunded)
    expect(now.gatewayRefunds).toBe(now.medusaRefunds)
    expect(now.medusaRefunded).toBe(accepted)
    expect(now.medusaRefunded).toBeLessThanOrEqual(order.total)
  })
})

function adminOnSecondInstance(): MedusaRest {
  const api = new MedusaRest(e2e.secondMedusaUrl)
  api.headers.authorization = `Bearer ${e2e.seed.adminToken}`
  return api
}
