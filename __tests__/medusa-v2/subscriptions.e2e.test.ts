import { TEST_CARDS } from "../../src/sandbox"
import { CARD_PROVIDER, cardData, payWith } from "./support/checkout"
import { gateway } from "./support/gateway"
import { customerSdk, refusal, sdkClient, US_ADDRESS } from "./support/medusa-sdk"
import { adminCall, customerCall, eventsOf, eventually, gatewaySubscription, renewalCharges, subscribe } from "./support/subscriptions"
import { v2 } from "./support/v2-env"

/**
 * Subscriptions on Medusa 2.x, through the plugin installed from the
 * tarball: bought at checkout (the cart's interval, from the variant's
 * metadata), recorded on order.placed, renewed by an admin, canceled and
 * moved to another card by the customer, refused to another customer, with
 * v1's answers. Races, the job and two instances: subscriptions-two-instances.
 */
describe("buying a subscription on Medusa 2.x", () => {
  it("charges the cart as monthly (the interval comes from the variant, not the storefront) and records the subscription on order.placed", async () => {
    const { order, subscription, customerId, payment } = await subscribe()
    const data = payment.data
    expect(data).toMatchObject({ interval: "monthly", subscription_id: expect.stringMatching(/^sub_/), expiry_date: expect.any(Number) })
    expect(subscription).toMatchObject({
      id: expect.stringMatching(/^imsub_/),
      gateway_subscription_id: data.subscription_id,
      status: "active",
      interval: "monthly",
      amount: 2000,
      currency_code: "usd",
      customer_id: customerId,
      email: order.email,
      order_id: order.id,
      card_id: data.card_id,
      card_last_4: "4242",
      failed_attempts: 0,
      current_period_end: new Date(data.expiry_date * 1000).toISOString(),
    })
    expect(await gatewaySubscription(data.subscription_id)).toMatchObject({ amount: 2000, interval: "monthly" })
    await eventually(async () => expect(eventsOf(subscription.id)).toEqual([["instantmerchant.subscription.created", { id: subscription.id, status: "active", customer_id: customerId }]]))
  })

  it("is linked to its customer and order: the README's query.graph from the customer's side answers it", async () => {
    const { subscription, customerId, order, admin } = await subscribe()
    const probe = await adminCall(admin, "POST", "/admin/graph-probe", { entity: "customer", fields: ["id", "instantmerchant_subscriptions.*"], filters: { id: customerId } })
    expect(probe.status).toBe(200)
    expect(probe.body.data[0].instantmerchant_subscriptions).toEqual([expect.objectContaining({ id: subscription.id, order_id: order.id })])
  })

  it("a storefront's own `interval` on a one-time cart is replaced by the cart's truth: the charge does not recur", async () => {
    const email = `one-time-${Date.now()}@example.com`
    const sdk = sdkClient()
    const { cart } = await sdk.store.cart.create({ region_id: v2.seeded.usd_region_id, email })
    await sdk.store.cart.update(cart.id, { shipping_address: US_ADDRESS, billing_address: US_ADDRESS })
    await sdk.store.cart.createLineItem(cart.id, { variant_id: v2.seeded.variant_id, quantity: 1 })
    const { cart: shipped } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: v2.seeded.shipping_option_id })
    const session = await payWith(sdk, shipped, { ...cardData(), email, billing_address: US_ADDRESS, interval: "weekly" })
    expect(session.data.interval ?? null).toBeNull()
  })

  it("refuses a cart that mixes the subscription with a one-time item, at payment setup (400, v1's message)", async () => {
    const email = `mixed-${Date.now()}@example.com`
    const sdk = sdkClient()
    const { cart } = await sdk.store.cart.create({ region_id: v2.seeded.usd_region_id, email })
    await sdk.store.cart.update(cart.id, { shipping_address: US_ADDRESS, billing_address: US_ADDRESS })
    await sdk.store.cart.createLineItem(cart.id, { variant_id: v2.seeded.subscription_variant_id, quantity: 1 })
    const { cart: mixed } = await sdk.store.cart.createLineItem(cart.id, { variant_id: v2.seeded.variant_id, quantity: 1 })
    const refused = await refusal(sdk.store.payment.initiatePaymentSession(mixed, { provider_id: CARD_PROVIDER, data: { ...cardData(), email, billing_address: US_ADDRESS } }))
    expect(refused.status).toBe(400)
    expect(refused.message).toContain("mixes a monthly subscription with one-time items (InstantMerchant Mug)")
  })
})

describe("the customer's subscriptions and cards (/store/customers/me/instantmerchant)", () => {
  it("lists their own, cancels at the gateway; another customer sees none and gets 404s for cancel and card update", async () => {
    const ada = await subscribe()
    const listed = await customerCall(ada.sdk, "GET", "/store/customers/me/instantmerchant/subscriptions")
    expect(listed.status).toBe(200)
    expect(listed.body).toMatchObject({ count: 1, offset: 0, limit: 20 })
    expect(listed.body.subscriptions.map((s: any) => s.id)).toEqual([ada.subscription.id])

    const grace = await customerSdk(`grace-${Date.now()}@example.com`)
    expect((await customerCall(grace.sdk, "GET", "/store/customers/me/instantmerchant/subscriptions")).body).toMatchObject({ subscriptions: [], count: 0 })
    const theirCancel = await customerCall(grace.sdk, "POST", `/store/customers/me/instantmerchant/subscriptions/${ada.subscription.id}/cancel`)
    expect(theirCancel).toEqual({ status: 404, body: { type: "not_found", code: "not_found", message: `Subscription ${ada.subscription.id} was not found` } })
    const theirCard = await customerCall(grace.sdk, "POST", `/store/customers/me/instantmerchant/subscriptions/${ada.subscription.id}/card`, cardData(TEST_CARDS.mastercard))
    expect(theirCard.status).toBe(404)
    // A guest is not signed in: Medusa's authentication refuses before the route.
    expect((await fetch(`${v2.medusaUrl}/store/customers/me/instantmerchant/subscriptions`, { headers: { "x-publishable-api-key": v2.seeded.publishable_key } })).status).toBe(401)

    const canceled = await customerCall(ada.sdk, "POST", `/store/customers/me/instantmerchant/subscriptions/${ada.subscription.id}/cancel`)
    expect(canceled.status).toBe(200)
    expect(canceled.body.subscription).toMatchObject({ status: "canceled", next_renewal_at: null, canceled_at: expect.any(String) })
    expect(await gatewaySubscription(ada.subscription.gateway_subscription_id)).toMatchObject({ status: "canceled" })
    // Canceling again is success, and sends nothing new: one canceled event.
    expect((await customerCall(ada.sdk, "POST", `/store/customers/me/instantmerchant/subscriptions/${ada.subscription.id}/cancel`)).status).toBe(200)
    await eventually(async () => expect(eventsOf(ada.subscription.id).map(([name]) => name)).toEqual(["instantmerchant.subscription.created", "instantmerchant.subscription.canceled"]))
  })

  it("moves the subscription to a new card (only its id and last 4 are kept); bad card input is a 400 that names the field; saved cards list", async () => {
    const ada = await subscribe(TEST_CARDS.visa, { save_card: true })
    const route = `/store/customers/me/instantmerchant/subscriptions/${ada.subscription.id}/card`
    const bad = await customerCall(ada.sdk, "POST", route, { ...cardData(TEST_CARDS.mastercard), exp_month: 13 })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ type: "invalid_data", code: expect.any(String), message: expect.stringContaining("exp_month") })
    const unknownField = await customerCall(ada.sdk, "POST", route, { ...cardData(TEST_CARDS.mastercard), pan: TEST_CARDS.mastercard })
    expect(unknownField.status).toBe(400)
    expect(unknownField.body.message).not.toContain(TEST_CARDS.mastercard)

    const moved = await customerCall(ada.sdk, "POST", route, cardData(TEST_CARDS.mastercard))
    expect(moved.status).toBe(200)
    expect(moved.body.subscription).toMatchObject({ card_last_4: "4444", status: "active" })
    expect(moved.body.subscription.card_id).not.toBe(ada.subscription.card_id)
    expect(await gatewaySubscription(ada.subscription.gateway_subscription_id)).toMatchObject({ card_id: moved.body.subscription.card_id })

    // The card saved at checkout, as v1 lists saved cards (last 4 and expiry only); another customer has none.
    const cards = await customerCall(ada.sdk, "GET", "/store/customers/me/instantmerchant/cards")
    expect(cards).toEqual({ status: 200, body: { cards: [{ card_id: ada.payment.data.card_id, last_4: "4242", exp_month: 12, exp_year: 2031, is_default: expect.any(Boolean) }] } })
    const grace = await customerSdk(`grace-cards-${Date.now()}@example.com`)
    expect(await customerCall(grace.sdk, "GET", "/store/customers/me/instantmerchant/cards")).toEqual({ status: 200, body: { cards: [] } })

    // The admin's view of the same customer (the customer widget), v1's route; an unknown customer is a 404, no session a 401.
    expect(await adminCall(ada.admin, "GET", `/admin/instantmerchant/customers/${ada.customerId}/cards`)).toEqual(cards)
    expect(await adminCall(ada.admin, "GET", `/admin/instantmerchant/customers/${grace.customerId}/cards`)).toEqual({ status: 200, body: { cards: [] } })
    const unknown = await adminCall(ada.admin, "GET", "/admin/instantmerchant/customers/cus_nobody/cards")
    expect(unknown).toMatchObject({ status: 404, body: { type: "not_found" } })
    const anonymous = await fetch(`${v2.medusaUrl}/admin/instantmerchant/customers/${ada.customerId}/cards`)
    expect(anonymous.status).toBe(401)
  })
})

describe("the admin's subscriptions (/admin/instantmerchant/subscriptions)", () => {
  it("lists with filters and pagination, refuses bad queries with a 400 naming the field, shows one with its renewals", async () => {
    const { subscription, admin, customerId } = await subscribe()
    const page = await adminCall(admin, "GET", `/admin/instantmerchant/subscriptions?status=active&customer_id=${customerId}&limit=1&offset=0`)
    expect(page.status).toBe(200)
    expect(page.body).toMatchObject({ count: 1, limit: 1, offset: 0 })
    expect(page.body.subscriptions[0].id).toBe(subscription.id)
    expect((await adminCall(admin, "GET", `/admin/instantmerchant/subscriptions?status=canceled&customer_id=${customerId}`)).body.count).toBe(0)
    for (const query of ["limit=500", "status=paused", "offset=-1", "customer_id=a%20b", "colour=red"]) {
      const refused = await adminCall(admin, "GET", `/admin/instantmerchant/subscriptions?${query}`)
      expect({ query, status: refused.status, type: refused.body.type }).toEqual({ query, status: 400, type: "invalid_data" })
      expect(refused.body.message).toContain(query.split("=")[0])
    }
    const one = await adminCall(admin, "GET", `/admin/instantmerchant/subscriptions/${subscription.id}`)
    expect(one).toMatchObject({ status: 200, body: { subscription: { id: subscription.id, renewals: [] } } })
    expect((await adminCall(admin, "GET", "/admin/instantmerchant/subscriptions/imsub_nope")).status).toBe(404)
    expect((await fetch(`${v2.medusaUrl}/admin/instantmerchant/subscriptions`)).status).toBe(401)
  })

  it("renews now with expected_period_end; the same click again is a 409 and charges nothing", async () => {
    const { subscription, admin } = await subscribe()
    const route = `/admin/instantmerchant/subscriptions/${subscription.id}/renew`
    const renewed = await adminCall(admin, "POST", route, { expected_period_end: subscription.current_period_end })
    expect(renewed.status).toBe(200)
    expect(renewed.body.renewal).toMatchObject({ status: "succeeded", trigger: "admin", attempt: 1, amount: 2000, period_start: subscription.current_period_end, charge_id: expect.any(String) })
    expect(new Date(renewed.body.subscription.current_period_end).getTime()).toBeGreaterThan(new Date(subscription.current_period_end).getTime())
    const again = await adminCall(admin, "POST", route, { expected_period_end: subscription.current_period_end })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ type: "conflict", message: expect.stringContaining("was already renewed") })
    expect(await renewalCharges(subscription)).toHaveLength(1)
    expect((await adminCall(admin, "POST", route, { expected_period_end: "not a date" })).status).toBe(400)
    const detail = await adminCall(admin, "GET", `/admin/instantmerchant/subscriptions/${subscription.id}`)
    expect(detail.body.subscription.renewals).toHaveLength(1)
    await eventually(async () => expect(eventsOf(subscription.id).map(([name]) => name)).toEqual(["instantmerchant.subscription.created", "instantmerchant.subscription.renewed"]))
  })

  it("a renewal whose answer was lost is recorded `unknown` and replayed under the same key: charged once", async () => {
    const { subscription, admin } = await subscribe()
    const route = `/admin/instantmerchant/subscriptions/${subscription.id}/renew`
    const body = { expected_period_end: subscription.current_period_end }
    await gateway.injectFault({ path: "/api/v2/subscription/renew", type: "500", process: true })
    const lost = await adminCall(admin, "POST", route, body)
    expect(lost.status).toBe(200)
    expect(lost.body.renewal).toMatchObject({ status: "unknown", attempt: 1, failure_code: "maybe_processed" })
    expect(lost.body.subscription.current_period_end).toBe(subscription.current_period_end)
    expect(await renewalCharges(subscription)).toHaveLength(1)

    const replayed = await adminCall(admin, "POST", route, body)
    expect(replayed.status).toBe(200)
    expect(replayed.body.renewal).toMatchObject({ status: "succeeded", attempt: 1 })
    const charges = await renewalCharges(subscription)
    expect(charges.map((c) => c.charge_id)).toEqual([replayed.body.renewal.charge_id])
    const keys = (await gateway.list("requests")).filter((r) => r.path === "/api/v2/subscription/renew" && String(r.idempotency_key).includes(subscription.gateway_subscription_id)).map((r) => r.idempotency_key)
    expect(new Set(keys)).toEqual(new Set([`im_renew_${subscription.gateway_subscription_id}_${new Date(subscription.current_period_end).getTime() / 1000}_1`]))
  })
})
