import fs from "node:fs"
import { MedusaRest } from "../../src/demo/stack/medusa-rest"
import { admin } from "./support/admin"
import { e2e } from "./support/e2e-env"
import { eventually } from "./support/eventually"
import { gateway } from "./support/sandbox-inspector"
import { Shopper, VALID_CARD } from "./support/shopper"

/**
 * Subscriptions on the real store: bought at checkout, recorded by the
 * subscriber, renewed by an admin and by the job (every 2 s in this suite, by
 * the sandbox's clock), canceled and moved to another card by the customer.
 * The tests that advance the sandbox clock come last.
 */
const DAY = 86_400

async function subscribe(card: Record<string, unknown> = VALID_CARD): Promise<{ shopper: Shopper; order: any; subscription: any }> {
  const shopper = new Shopper()
  const address = `subscriber-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`
  await shopper.signUp(address)
  const order = await shopper.buy(card, { email: address, variantId: e2e.seed.subscriptionVariantId })
  const subscription = await eventually(async () => {
    const { subscriptions } = await admin().must("GET", `/admin/instantmerchant/subscriptions?customer_id=${order.customer_id}`)
    expect(subscriptions).toHaveLength(1)
    return subscriptions[0]
  })
  return { shopper, order, subscription }
}

/** How many times either instance processed an event (Medusa logs "Processing <event> which has N subscribers"). */
function eventCount(event: string): number {
  return e2e.medusaLogs.map((f) => fs.readFileSync(f, "utf8").split(`Processing ${event} which has`).length - 1).reduce((a, b) => a + b, 0)
}

const renewalCharges = async (gatewaySubscriptionId: string) => (await gateway.list("charges")).filter((c) => c.subscription_id === gatewaySubscriptionId)

describe("buying a subscription", () => {
  it("charges the cart as monthly and records the subscription", async () => {
    const { order, subscription } = await subscribe()
    const data = order.payments[0].data
    expect(data).toMatchObject({ interval: "monthly", subscription_id: expect.stringMatching(/^sub_/), expiry_date: expect.any(Number) })
    expect(subscription).toMatchObject({
      id: expect.stringMatching(/^imsub_/),
      gateway_subscription_id: data.subscription_id,
      status: "active",
      interval: "monthly",
      amount: 2000,
      currency_code: "usd",
      email: order.email,
      order_id: order.id,
      cart_id: order.cart_id,
      card_id: data.card_id,
      card_last_4: "4242",
      current_period_end: new Date(data.expiry_date * 1000).toISOString(),
    })
    const [gatewaySubscription] = (await gateway.list("subscriptions")).filter((s) => s.subscription_id === data.subscription_id)
    expect(gatewaySubscription).toMatchObject({ amount: 2000, interval: "monthly" })
  })

  it("refuses a cart that mixes the subscription with a one-time item, at payment-session time", async () => {
    const shopper = new Shopper()
    const { cart } = await shopper.api.must("POST", "/store/carts", { region_id: e2e.seed.regionId })
    shopper.cartId = cart.id
    for (const variant_id of [e2e.seed.subscriptionVariantId, e2e.seed.variantId]) {
      await shopper.api.must("POST", `/store/carts/${cart.id}/line-items`, { variant_id, quantity: 1 })
    }
    // With two providers in the region, Medusa initiates a session when the shopper selects it.
    await shopper.api.must("POST", `/store/carts/${cart.id}/payment-sessions`)
    const selected = await shopper.selectInstantMerchant()
    expect(selected.status).toBe(400)
    expect(selected.body.message).toContain("mixes a monthly subscription with one-time items (Demo T-Shirt)")
  })

  it("refuses to add a one-time item once an InstantMerchant session exists for a subscription", async () => {
    const shopper = new Shopper()
    await shopper.fillCart({ variantId: e2e.seed.subscriptionVariantId })
    expect((await shopper.selectInstantMerchant()).status).toBe(200)
    const added = await shopper.api.post(`/store/carts/${shopper.cartId}/line-items`, { variant_id: e2e.seed.variantId, quantity: 1 })
    expect(added.status).toBe(400)
    expect(added.body.message).toContain("mixes a monthly subscription with one-time items")
  })
})

describe("the admin", () => {
  it("lists with filters and pagination, and shows one with its renewals", async () => {
    const { subscription } = await subscribe()
    const api = admin()
    const page = await api.must("GET", "/admin/instantmerchant/subscriptions?status=active&limit=1&offset=0")
    expect(page).toMatchObject({ count: expect.any(Number), offset: 0, limit: 1 })
    expect(page.subscriptions).toHaveLength(1)
    expect(page.count).toBeGreaterThanOrEqual(1)
    const one = await api.must("GET", `/admin/instantmerchant/subscriptions/${subscription.id}`)
    expect(one.subscription).toMatchObject({ id: subscription.id, renewals: [] })
    expect((await api.get("/admin/instantmerchant/subscriptions?status=paused")).status).toBe(400)
    expect((await api.get("/admin/instantmerchant/subscriptions?limit=1000")).body.message).toContain("limit:")
    expect((await api.get("/admin/instantmerchant/subscriptions/imsub_nope")).status).toBe(404)
    expect((await new MedusaRest(e2e.medusaUrl).get("/admin/instantmerchant/subscriptions")).status).toBe(401)

    // A body that is not JSON is a 400 before any of the plugin's code runs, and changes nothing.
    const garbled = await fetch(`${e2e.medusaUrl}/admin/instantmerchant/subscriptions/${subscription.id}/renew`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: api.headers.authorization },
      body: '{"expected_period_end": ',
    })
    expect(garbled.status).toBe(400)
    expect(await garbled.json()).toMatchObject({ type: "invalid_data", message: "body: is not valid JSON" })
    const badDate = await api.post(`/admin/instantmerchant/subscriptions/${subscription.id}/renew`, { expected_period_end: "next tuesday" })
    expect(badDate.status).toBe(400)
    expect(badDate.body.message).toContain("expected_period_end: must be an ISO 8601 date and time")
    // Strings Date reads anyway ("1" is the year 2001, "2026-02-30" is March 2) are bad input too, not a 409 "renewed meanwhile".
    for (const loose of ["1", "2026-02-30T00:00:00.000Z", subscription.current_period_end.slice(0, 10)]) {
      const refused = await api.post(`/admin/instantmerchant/subscriptions/${subscription.id}/renew`, { expected_period_end: loose })
      expect({ loose, status: refused.status, code: refused.body.code }).toEqual({ loose, status: 400, code: "invalid_data" })
    }
    expect(await renewalCharges(subscription.gateway_subscription_id)).toHaveLength(1)
  })

  it("renews now: one more period, one more charge", async () => {
    const { subscription } = await subscribe()
    const renewed = await admin().must("POST", `/admin/instantmerchant/subscriptions/${subscription.id}/renew`)
    expect(renewed.renewal).toMatchObject({ status: "succeeded", attempt: 1, trigger: "admin", amount: 2000, charge_id: expect.stringMatching(/^cha_/), invoice_num: expect.any(Number) })
    expect(renewed.subscription.current_period_start).toBe(subscription.current_period_end)
    expect(new Date(renewed.subscription.current_period_end).getTime()).toBeGreaterThan(new Date(subscription.current_period_end).getTime() + 27 * DAY * 1000)
    expect(await renewalCharges(subscription.gateway_subscription_id)).toHaveLength(2)

    // This suite turns on subscription_renewal_orders: the renewal has its own order, paid by the renewal charge.
    expect(renewed.renewal.order_id).toMatch(/^order_/)
    const { order } = await admin().must("GET", `/admin/orders/${renewed.renewal.order_id}`)
    expect(order).toMatchObject({ total: 2000, payment_status: "captured", email: subscription.email, customer_id: subscription.customer_id })
    expect(order.items.map((i: { variant_id: string; quantity: number }) => [i.variant_id, i.quantity])).toEqual([[e2e.seed.subscriptionVariantId, 1]])
    expect(order.payments[0].data).toMatchObject({ charge_id: renewed.renewal.charge_id, captured: true })
    expect(order.shipping_address).toMatchObject({ address_1: "1 Main St", province: "TN" })
    // No second charge for the order: still two charges on the subscription.
    expect(await renewalCharges(subscription.gateway_subscription_id)).toHaveLength(2)
  })

  it("two instances asked to renew at once renew once", async () => {
    const { subscription } = await subscribe()
    const one = admin()
    const two = new MedusaRest(e2e.secondMedusaUrl)
    two.headers.authorization = one.headers.authorization
    const path = `/admin/instantmerchant/subscriptions/${subscription.id}/renew`
    // Both admins saw the same period end; whichever comes second is refused (locked, or already renewed).
    const body = { expected_period_end: subscription.current_period_end }
    const answers = await Promise.all([one.post(path, body), two.post(path, body)])
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([200, 409])
    expect(answers.find((a) => a.status === 409)!.body.message).toMatch(/already under way|was already renewed/)
    expect(await renewalCharges(subscription.gateway_subscription_id)).toHaveLength(2)
  })

  it("a renewal whose answer was lost is replayed, not charged again", async () => {
    const { subscription } = await subscribe()
    await gateway.injectFault({ path: "/api/v2/subscription/renew", type: "reset", process: true, count: 1 })
    const lost = await admin().must("POST", `/admin/instantmerchant/subscriptions/${subscription.id}/renew`)
    expect(lost.renewal).toMatchObject({ status: "unknown", failure_code: "maybe_processed" })
    expect(lost.subscription.current_period_end).toBe(subscription.current_period_end)
    const replayed = await admin().must("POST", `/admin/instantmerchant/subscriptions/${subscription.id}/renew`)
    expect(replayed.renewal).toMatchObject({ status: "succeeded", attempt: 1 })
    expect(await renewalCharges(subscription.gateway_subscription_id)).toHaveLength(2)
  })

  it("cancels, at the gateway too; a canceled subscription is not renewed", async () => {
    const { subscription } = await subscribe()
    const api = admin()
    const canceledEvents = eventCount("instantmerchant.subscription.canceled")
    const canceled = await api.must("POST", `/admin/instantmerchant/subscriptions/${subscription.id}/cancel`)
    // At least one: the renewal job on either instance may cancel another test's subscription (canceled at the gateway) meanwhile.
    await eventually(async () => expect(eventCount("instantmerchant.subscription.canceled")).toBeGreaterThanOrEqual(canceledEvents + 1), 15_000)
    expect(canceled.subscription).toMatchObject({ status: "canceled", next_renewal_at: null, canceled_at: expect.any(String) })
    const [gatewaySubscription] = (await gateway.list("subscriptions")).filter((s) => s.subscription_id === subscription.gateway_subscription_id)
    expect(gatewaySubscription.status).toBe("canceled")
    const renew = await api.post(`/admin/instantmerchant/subscriptions/${subscription.id}/renew`)
    expect(renew.status).toBe(400)
    expect(renew.body.message).toContain("is canceled")
    // Canceling again is fine.
    expect((await api.post(`/admin/instantmerchant/subscriptions/${subscription.id}/cancel`)).status).toBe(200)
  })
})

describe("the customer", () => {
  it("sees only their own subscriptions, moves one to another card and cancels it; another customer is refused", async () => {
    const { shopper, subscription } = await subscribe({ ...VALID_CARD, save_card: true })
    const mine = await shopper.api.must("GET", "/store/customers/me/instantmerchant/subscriptions")
    expect(mine.subscriptions.map((s: { id: string }) => s.id)).toEqual([subscription.id])

    const other = new Shopper()
    await other.signUp(`other-${Date.now()}@example.com`)
    expect((await other.api.must("GET", "/store/customers/me/instantmerchant/subscriptions")).subscriptions).toEqual([])
    expect((await other.api.post(`/store/customers/me/instantmerchant/subscriptions/${subscription.id}/cancel`)).status).toBe(404)
    expect((await other.api.post(`/store/customers/me/instantmerchant/subscriptions/${subscription.id}/card`, { ...VALID_CARD, card_number: "5555555555554444" })).status).toBe(404)

    const garbled = await fetch(`${e2e.medusaUrl}/store/customers/me/instantmerchant/subscriptions/${subscription.id}/card`, {
      method: "POST",
      headers: { ...shopper.api.headers, "content-type": "application/json" },
      body: '{"card_number": "4242',
    })
    expect(garbled.status).toBe(400)
    expect(await garbled.json()).toMatchObject({ message: "body: is not valid JSON" })

    const bad = await shopper.api.post(`/store/customers/me/instantmerchant/subscriptions/${subscription.id}/card`, { ...VALID_CARD, card_number: "4242424242424241" })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain("card_number:")

    const moved = await shopper.api.must("POST", `/store/customers/me/instantmerchant/subscriptions/${subscription.id}/card`, {
      ...VALID_CARD,
      card_number: "5555555555554444",
      is_default: true,
    })
    expect(moved.subscription).toMatchObject({ card_last_4: "4444", card_id: expect.stringMatching(/^card_/) })
    expect(moved.subscription.card_id).not.toBe(subscription.card_id)
    const [gatewaySubscription] = (await gateway.list("subscriptions")).filter((s) => s.subscription_id === subscription.gateway_subscription_id)
    expect(gatewaySubscription.card_id).toBe(moved.subscription.card_id)

    const { cards } = await shopper.api.must("GET", "/store/customers/me/instantmerchant/cards")
    expect(cards).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ card_id: subscription.card_id, last_4: "4242", is_default: false }),
        expect.objectContaining({ card_id: moved.subscription.card_id, last_4: "4444", exp_month: 12, is_default: true }),
      ])
    )
    expect(cards).toHaveLength(2)
    expect(JSON.stringify(cards)).not.toContain("5555555555554444")

    const canceled = await shopper.api.must("POST", `/store/customers/me/instantmerchant/subscriptions/${subscription.id}/cancel`)
    expect(canceled.subscription.status).toBe("canceled")
  })

  it("must be signed in", async () => {
    const anonymous = new Shopper()
    expect((await anonymous.api.get("/store/customers/me/instantmerchant/subscriptions")).status).toBe(401)
    expect((await anonymous.api.get("/store/customers/me/instantmerchant/cards")).status).toBe(401)
  })
})

describe("renewals by the job, on two instances, as the sandbox clock passes the period", () => {
  it("renews each due subscription exactly once; a declined one goes past due, then expires", async () => {
    const events = ["renewed", "renewal_failed", "expired", "canceled"].map((e) => `instantmerchant.subscription.${e}`)
    const before = Object.fromEntries(events.map((e) => [e, eventCount(e)]))
    const good = await subscribe()
    const declining = await subscribe()
    await gateway.declineCard(declining.subscription.card_id, "insufficient_funds")

    await gateway.advanceClock(32 * DAY)

    const renewed = await eventually(async () => {
      const { subscription } = await admin().must("GET", `/admin/instantmerchant/subscriptions/${good.subscription.id}`)
      expect(subscription.renewals).toEqual([expect.objectContaining({ status: "succeeded", trigger: "job", attempt: 1 })])
      return subscription
    })
    expect(renewed.status).toBe("active")
    expect(new Date(renewed.current_period_end).getTime()).toBeGreaterThan(new Date(good.subscription.current_period_end).getTime())

    const pastDue = await eventually(async () => {
      const { subscription } = await admin().must("GET", `/admin/instantmerchant/subscriptions/${declining.subscription.id}`)
      expect(subscription.status).toBe("past_due")
      return subscription
    })
    expect(pastDue.renewals).toEqual([expect.objectContaining({ status: "failed", failure_code: "insufficient_funds", attempt: 1, trigger: "job" })])
    expect(pastDue.current_period_end).toBe(declining.subscription.current_period_end)

    // The retry schedule in this suite is one hour after the period's end, then the subscription expires.
    await gateway.advanceClock(2 * 3600)
    const expired = await eventually(async () => {
      const { subscription } = await admin().must("GET", `/admin/instantmerchant/subscriptions/${declining.subscription.id}`)
      expect(subscription.status).toBe("expired")
      return subscription
    })
    expect(expired.renewals.map((r: { status: string; attempt: number }) => [r.status, r.attempt])).toEqual([["failed", 1], ["failed", 2]])
    expect(expired.next_renewal_at).toBeNull()

    // Let several more job runs pass on both instances: still one renewal charge for the good one, none for the declined one.
    await new Promise((r) => setTimeout(r, 6000))
    expect(await renewalCharges(good.subscription.gateway_subscription_id)).toHaveLength(2)
    expect(await renewalCharges(declining.subscription.gateway_subscription_id)).toHaveLength(1)
    const { subscription: after } = await admin().must("GET", `/admin/instantmerchant/subscriptions/${good.subscription.id}`)
    expect(after.renewals).toHaveLength(1)

    // Shops hear about it: one renewed (the good one; other suites' subscriptions may renew too), two failures, one expiry.
    await eventually(async () => {
      expect(eventCount("instantmerchant.subscription.renewed") - before["instantmerchant.subscription.renewed"]).toBeGreaterThanOrEqual(1)
      expect(eventCount("instantmerchant.subscription.renewal_failed") - before["instantmerchant.subscription.renewal_failed"]).toBe(2)
      expect(eventCount("instantmerchant.subscription.expired") - before["instantmerchant.subscription.expired"]).toBe(1)
    }, 15_000)
  })
})
