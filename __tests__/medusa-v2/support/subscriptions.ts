import fs from "node:fs"
import path from "node:path"
import type Medusa from "@medusajs/js-sdk"
import { STORE_APP_DIR } from "../../../src/demo/medusa-v2/store-install"
import { startV2Store, V2Store } from "../../../src/demo/medusa-v2/v2-store"
import { freePort } from "../../../src/demo/stack/free-port"
import { DEFAULT_TEST_API_KEY, DEFAULT_TEST_API_SECRET, TEST_CARDS } from "../../../src/sandbox"
import { cardData, payWith, placeOrder } from "./checkout"
import { gateway } from "./gateway"
import { adminSdk, customerSdk, US_ADDRESS } from "./medusa-sdk"
import { V2_ADMIN, v2 } from "./v2-env"

/** What the subscriptions suites share: a subscriber, the sandbox's controls, raw calls that keep refusals, a second instance. */
export const DAY = 86_400

/** A second `medusa start` on the suite's database, so that two instances (and their two renewal jobs) share the rows. */
export async function startSecondInstance(plugin: { renewalOrders?: boolean } = {}): Promise<V2Store> {
  return startV2Store({
    ...plugin,
    appDir: STORE_APP_DIR,
    databaseUrl: v2.databaseUrl,
    port: await freePort(),
    gateway: { baseUrl: `${v2.sandboxUrl}/api/v2`, apiKey: DEFAULT_TEST_API_KEY, apiSecret: DEFAULT_TEST_API_SECRET },
    adminUser: V2_ADMIN,
    stateDir: path.dirname(v2.medusaLog),
  })
}

export async function sandbox(method: "GET" | "POST", control: string, body?: unknown): Promise<any> {
  const res = await fetch(`${v2.sandboxUrl}/_sandbox/${control}`, { method, headers: { "content-type": "application/json" }, ...(body ? { body: JSON.stringify(body) } : {}) })
  if (!res.ok) throw new Error(`${method} /_sandbox/${control} answered ${res.status}`)
  return res.json()
}
export const advanceClock = (seconds: number) => sandbox("POST", "clock/advance", { seconds })
export const gatewaySubscription = async (id: string) => ((await sandbox("GET", "subscriptions")).data as any[]).find((s) => s.subscription_id === id)
/** The gateway's charges of a subscription other than the order's own, which opened it: its renewals. */
export const renewalCharges = async (subscription: { gateway_subscription_id: string; first_charge_id: string }) =>
  (await gateway.list("charges")).filter((c) => c.subscription_id === subscription.gateway_subscription_id && c.charge_id !== subscription.first_charge_id)

/** Polls until `check` stops throwing, for work done by the job and the subscriber. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (e) {
      if (Date.now() > deadline) throw e
      await new Promise((r) => setTimeout(r, 500))
    }
  }
}

/** An admin's raw call: status and body, refusals included (js-sdk would throw them). */
export async function adminCall(admin: Medusa, method: "GET" | "POST", route: string, body?: unknown, base = v2.medusaUrl): Promise<{ status: number; body: any }> {
  const token = await admin.client.getToken()
  const res = await fetch(`${base}${route}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, ...(body ? { body: JSON.stringify(body) } : {}) })
  return { status: res.status, body: await res.json() }
}

export async function customerCall(sdk: Medusa, method: "GET" | "POST", route: string, body?: unknown): Promise<{ status: number; body: any }> {
  const token = await sdk.client.getToken()
  const res = await fetch(`${v2.medusaUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-publishable-api-key": v2.seeded.publishable_key },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  return { status: res.status, body: await res.json() }
}

/** A signed-in customer buys the monthly Coffee Club ($15 + $5 shipping); the plugin records the subscription. */
export async function subscribe(card = TEST_CARDS.visa, extra: Record<string, unknown> = {}): Promise<{ sdk: Medusa; customerId: string; order: any; subscription: any; admin: Medusa; payment: any }> {
  const email = `subscriber-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`
  const { sdk, customerId } = await customerSdk(email)
  const { cart } = await sdk.store.cart.create({ region_id: v2.seeded.usd_region_id, email })
  await sdk.store.cart.update(cart.id, { shipping_address: US_ADDRESS, billing_address: US_ADDRESS })
  await sdk.store.cart.createLineItem(cart.id, { variant_id: v2.seeded.subscription_variant_id, quantity: 1 })
  const { cart: shipped } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: v2.seeded.shipping_option_id })
  await payWith(sdk, shipped, cardData(card, extra))
  const order = await placeOrder(sdk, cart.id)
  const admin = await adminSdk()
  const recorded = await eventually(async () => {
    const { body } = await adminCall(admin, "GET", `/admin/instantmerchant/subscriptions?customer_id=${customerId}`)
    expect(body.subscriptions).toHaveLength(1)
    return body.subscriptions[0]
  })
  const { order: withPayments } = await admin.admin.order.retrieve(order.id, { fields: "*payment_collections,*payment_collections.payments" })
  const payment = (withPayments as any).payment_collections[0].payments[0]
  return { sdk, customerId, order, subscription: { ...recorded, first_charge_id: payment.data.charge_id }, admin, payment }
}


/**
 * The plugin's events about one subscription, in order, as the test store's
 * subscriber logged them (app-template/src/subscribers; both instances log to
 * the same file): `[name, data]`.
 */
export function eventsOf(subscriptionId: string): Array<[string, Record<string, unknown>]> {
  const marker = "[test-store] event "
  return fs
    .readFileSync(v2.medusaLog, "utf8")
    .split("\n")
    .filter((line) => line.includes(marker))
    .map((line): [string, Record<string, unknown>] => {
      const rest = line.slice(line.indexOf(marker) + marker.length)
      const space = rest.indexOf(" ")
      return [rest.slice(0, space), JSON.parse(rest.slice(space + 1))]
    })
    .filter(([, data]) => data.id === subscriptionId)
}
