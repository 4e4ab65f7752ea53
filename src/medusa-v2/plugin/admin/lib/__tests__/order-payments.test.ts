import { orderPayments } from "../order-payments"

const payment = (provider_id: string, data: Record<string, unknown>, captured_at: string | null = null) => ({ id: `pay_${provider_id}`, provider_id, captured_at, data })

describe("orderPayments reads a 2.x order's InstantMerchant payments from their data, in cents", () => {
  it("keeps only this plugin's providers, from every payment collection", () => {
    const order = {
      payment_collections: [
        { payments: [payment("pp_system_default", { amount: 100 }), payment("pp_instantmerchant_instantmerchant", { amount: 3000, charge_id: "cha_1" })] },
        { payments: [payment("pp_instantmerchant-invoice_instantmerchant", { amount: 500, invoice_num: 7 })] },
        { payments: null },
      ],
    }
    expect(orderPayments(order).map((p) => [p.kind, p.state])).toEqual([
      ["card", "authorized"],
      ["invoice", "pending"],
    ])
    expect(orderPayments({})).toEqual([])
  })

  it.each([
    ["authorized", { amount: 3000, charge_id: "cha_1" }, null, { captured: 0, refunded: 0, remaining: 0 }],
    ["captured", { amount: 3000, charge_id: "cha_1", captured: true, amount_refunded: 1000 }, null, { captured: 3000, refunded: 1000, remaining: 2000 }],
    ["captured", { amount: 3000, charge_id: "cha_1" }, "2026-12-02T10:00:00Z", { captured: 3000, refunded: 0, remaining: 3000 }],
    ["released", { amount: 3000, charge_id: "cha_1", released: true }, null, { captured: 0, refunded: 0, remaining: 0 }],
    ["captured", { amount: 3000, charge_id: "cha_1", captured: true, amount_refunded: 3000 }, null, { captured: 3000, refunded: 3000, remaining: 0 }],
  ])("%s: %j", (state, data, capturedAt, figures) => {
    const [p] = orderPayments({ payment_collections: [{ payments: [payment("pp_instantmerchant_instantmerchant", data, capturedAt)] }] })
    expect(p).toMatchObject({ state, authorized: 3000, ...figures })
  })
})
