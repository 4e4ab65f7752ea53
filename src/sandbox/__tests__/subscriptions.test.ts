import { addInterval } from "../billing-interval"
import { TEST_CARDS } from "../cards/test-cards"
import { cardDetails, chargeParams, control, expectError, post, useSandbox } from "./http-kit"

const sandbox = useSandbox()

async function subscribe(interval = "monthly", extra = {}): Promise<any> {
  const reply = await post(sandbox(), "charge", chargeParams({ payment_type: "recurring", interval, create_customer: true, save_card: true, ...extra }))
  expect(reply.status).toBe(200)
  return reply.body
}

/** Moves sandbox time to 10:00 UTC on the next January 31st. */
function travelToJanuary31(): void {
  const now = sandbox().controls.now()
  const year = new Date(now * 1000).getUTCFullYear() + 1
  sandbox().controls.advanceClock(Date.UTC(year, 0, 31, 10) / 1000 - now)
}

describe("subscriptions", () => {
  it.each([
    ["weekly", 7],
    ["monthly", 28],
    ["quarterly", 89],
    ["yearly", 365],
  ])("a %s subscription's expiry_date is the end of the first period", async (interval) => {
    const body = await subscribe(interval)
    const created = sandbox().controls.list("subscriptions")[0].created_at
    expect(body.expiry_date).toBe(addInterval(created, interval as never))
  })

  it("monthly from January 31 ends on the last day of February; renewal moves on from the current expiry", async () => {
    travelToJanuary31()
    const body = await subscribe("monthly")
    const expiry = new Date(body.expiry_date * 1000)
    expect([expiry.getUTCMonth(), expiry.getUTCDate()]).toEqual([1, expiry.getUTCFullYear() % 4 === 0 ? 29 : 28])
    const renewed = await post(sandbox(), "subscription/renew", { subscription_id: body.subscription_id })
    expect(renewed.body.expiry_date).toBe(addInterval(body.expiry_date, "monthly"))
  })

  it("renew charges the amount on the card, answers the reference's fields, with a new invoice", async () => {
    const body = await subscribe("weekly")
    const reply = await post(sandbox(), "subscription/renew", { subscription_id: body.subscription_id })
    expect(Object.keys(reply.body)).toEqual(["status", "message", "charge_id", "subscription_id", "expiry_date", "invoice_num"])
    expect(reply.body).toMatchObject({ status: true, message: "subscription renewed successfully", subscription_id: body.subscription_id, expiry_date: body.expiry_date + 7 * 86400 })
    expect(reply.body.charge_id).toMatch(/^cha_/)
    expect(reply.body.charge_id).not.toBe(body.charge_id)
    expect(Number.isInteger(reply.body.invoice_num)).toBe(true)
    const charge = sandbox().controls.list("charges").find((c) => c.charge_id === reply.body.charge_id)
    expect(charge).toMatchObject({ amount: 1000, status: "captured", subscription_id: body.subscription_id, invoice_num: reply.body.invoice_num })
    expect(sandbox().controls.list("invoices")).toEqual([expect.objectContaining({ invoice_num: reply.body.invoice_num, status: "paid", charge_id: reply.body.charge_id })])
    const second = await post(sandbox(), "subscription/renew", { subscription_id: body.subscription_id })
    expect(second.body.invoice_num).toBe(reply.body.invoice_num + 1)
  })

  it("a declining card (decline control) makes renew a 402 that changes nothing", async () => {
    const body = await subscribe("monthly")
    const decline = await control(sandbox(), "POST", `cards/${body.card_id}/decline`, { code: "insufficient_funds" })
    expect(decline.status).toBe(200)
    const reply = await post(sandbox(), "subscription/renew", { subscription_id: body.subscription_id })
    expect(reply.status).toBe(402)
    expect(reply.body).toMatchObject({ code: "insufficient_funds", decline_code: "insufficient_funds" })
    expect(sandbox().controls.list("subscriptions")[0].expiry_date).toBe(body.expiry_date)
    expect(sandbox().controls.list("charges")).toHaveLength(1)
    expect(sandbox().controls.list("invoices")).toHaveLength(0)
    sandbox().controls.setCardDecline(body.card_id, null)
    expect((await post(sandbox(), "subscription/renew", { subscription_id: body.subscription_id })).status).toBe(200)
  })

  it("a stored card past its expiry (sandbox clock) declines expired_card on renewal", async () => {
    const year = new Date().getUTCFullYear() + 1
    const body = await subscribe("yearly", { exp_month: "1", exp_year: String(year) })
    sandbox().controls.advanceClock(Date.UTC(year, 1, 2) / 1000 - sandbox().controls.now())
    const reply = await post(sandbox(), "subscription/renew", { subscription_id: body.subscription_id })
    expect(reply.body).toMatchObject({ code: "expired_card" })
  })

  it("cancel answers the reference's fields; then cancel, renew and update_card are 409 subscription_canceled", async () => {
    const body = await subscribe()
    const reply = await post(sandbox(), "subscription/cancel", { subscription_id: body.subscription_id })
    expect(reply.body).toEqual({ status: true, message: "subscription canceled successfully" })
    expect(sandbox().controls.list("subscriptions")[0].status).toBe("canceled")
    expectError(await post(sandbox(), "subscription/cancel", { subscription_id: body.subscription_id }), 409, "subscription_canceled")
    expectError(await post(sandbox(), "subscription/renew", { subscription_id: body.subscription_id }), 409, "subscription_canceled")
    expectError(await post(sandbox(), "subscription/update_card", { subscription_id: body.subscription_id, ...cardDetails() }), 409, "subscription_canceled")
  })

  it("unknown subscription ids are 404 naming subscription_id", async () => {
    for (const path of ["subscription/renew", "subscription/cancel"]) {
      expectError(await post(sandbox(), path, { subscription_id: "sub_nope" }), 404, "resource_missing", "subscription_id")
    }
    expectError(await post(sandbox(), "subscription/update_card", { subscription_id: "sub_nope", ...cardDetails() }), 404, "resource_missing", "subscription_id")
  })

  it("update_card stores the new card, answers its real last 4, and renewals use it", async () => {
    const body = await subscribe()
    const reply = await post(sandbox(), "subscription/update_card", { subscription_id: body.subscription_id, ...cardDetails(TEST_CARDS.mastercard), save_card: true, is_default: true })
    expect(reply.body).toEqual({ status: true, message: "Customer card updated successfully", card_id: expect.stringMatching(/^card_/), card_last_4: "4444" })
    const renewed = await post(sandbox(), "subscription/renew", { subscription_id: body.subscription_id })
    const charge = sandbox().controls.list("charges").find((c) => c.charge_id === renewed.body.charge_id)
    expect(charge.card_id).toBe(reply.body.card_id)
    const cards = await post(sandbox(), "card/get", { customer: body.customer_id })
    expect(cards.body.data.find((c: any) => c.is_default === "1").card_id).toBe(reply.body.card_id)
  })

  it("update_card verifies the card: 0002 declines and the old card stays", async () => {
    const body = await subscribe()
    const reply = await post(sandbox(), "subscription/update_card", { subscription_id: body.subscription_id, ...cardDetails(TEST_CARDS.declined) })
    expect(reply.status).toBe(402)
    expect(sandbox().controls.list("subscriptions")[0].card_id).toBe(body.card_id)
    expect(sandbox().controls.list("cards")).toHaveLength(1)
  })

  it("update_card with 9995 stores it, and the next renewal declines insufficient_funds", async () => {
    const body = await subscribe()
    expect((await post(sandbox(), "subscription/update_card", { subscription_id: body.subscription_id, ...cardDetails(TEST_CARDS.insufficientFunds) })).status).toBe(200)
    expect((await post(sandbox(), "subscription/renew", { subscription_id: body.subscription_id })).body.code).toBe("insufficient_funds")
  })
})
