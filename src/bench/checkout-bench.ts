import { performance } from "node:perf_hooks"
import { MedusaRest } from "../demo/stack/medusa-rest"
import type { Stack } from "../demo/stack/start-stack"
import { median, round } from "./stats"

export type CheckoutFigures = Record<string, unknown>

const ADDRESS = { first_name: "Jim", last_name: "Doe", address_1: "1 Main St", city: "Nashville", province: "TN", postal_code: "37251", country_code: "us" }
const CARD = { cardholder_name: "Jim Doe", card_number: "4242424242424242", exp_month: 12, exp_year: new Date().getUTCFullYear() + 3, cvc: "123" }

/**
 * A full storefront checkout (cart, item, address, shipping, payment
 * sessions, provider, card entry, complete) through a real Medusa store,
 * with `instantmerchant` and with Medusa's built-in `system` provider, in
 * the same store and the same run, alternating one by one. The seed is
 * left alone: the bench adds `system` to the region through the admin API.
 */
export async function checkoutBench(stack: Stack, rounds: number): Promise<CheckoutFigures> {
  await enableSystemProvider(stack)
  const perRound = 6
  const times: Record<"instantmerchant" | "system", number[]> = { instantmerchant: [], system: [] }
  // Warm both paths (first requests compile routes and fill caches).
  await checkout(stack, "instantmerchant")
  await checkout(stack, "system")
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < perRound; i++) {
      for (const provider of r % 2 === 0 ? (["instantmerchant", "system"] as const) : (["system", "instantmerchant"] as const)) {
        times[provider].push(await checkout(stack, provider))
      }
    }
  }
  const calls = await gatewayCalls(stack)
  const im = median(times.instantmerchant)
  const system = median(times.system)
  return {
    checkout_ms_instantmerchant: round(im, 1),
    checkout_ms_system: round(system, 1),
    checkout_vs_system: round(im / system),
    checkouts_timed: times.instantmerchant.length + times.system.length,
    ...calls,
  }
}

/**
 * Medusa 1.20 answers for `system` without listing it among the installed
 * providers, so the admin API refuses it for a region until it is: the
 * bench marks it installed (as Medusa does for a provider plugin at start),
 * then adds it to the region through the admin API.
 */
async function enableSystemProvider(stack: Stack): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { Client } = require("pg") as typeof import("pg")
  const db = new Client({ connectionString: stack.databaseUrl })
  await db.connect()
  try {
    await db.query("INSERT INTO payment_provider (id, is_installed) VALUES ('system', true) ON CONFLICT (id) DO UPDATE SET is_installed = true")
  } finally {
    await db.end()
  }
  const admin = new MedusaRest(stack.medusaUrl)
  admin.headers.authorization = `Bearer ${stack.seeded.adminToken}`
  const { region } = await admin.must("GET", `/admin/regions/${stack.seeded.regionId}`)
  const providers: string[] = region.payment_providers.map((p: { id: string }) => p.id)
  if (!providers.includes("system")) await admin.must("POST", `/admin/regions/${region.id}`, { payment_providers: [...providers, "system"] })
}

function shopper(stack: Stack): MedusaRest {
  const api = new MedusaRest(stack.medusaUrl)
  api.headers["x-publishable-api-key"] = stack.seeded.publishableKey
  return api
}

/** One checkout, timed from the first request to the order; answers milliseconds. */
async function checkout(stack: Stack, provider: "instantmerchant" | "system", api = shopper(stack), card: Record<string, unknown> = CARD, email = `bench-${Date.now()}-${Math.random().toString(16).slice(2)}@example.com`): Promise<number> {
  const started = performance.now()
  const { cart } = await api.must("POST", "/store/carts", { region_id: stack.seeded.regionId })
  await api.must("POST", `/store/carts/${cart.id}/line-items`, { variant_id: stack.seeded.variantId, quantity: 1 })
  await api.must("POST", `/store/carts/${cart.id}`, { email, shipping_address: ADDRESS, billing_address: ADDRESS })
  const { shipping_options } = await api.must("GET", `/store/shipping-options/${cart.id}`)
  await api.must("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  await api.must("POST", `/store/carts/${cart.id}/payment-sessions`)
  await api.must("POST", `/store/carts/${cart.id}/payment-session`, { provider_id: provider })
  if (provider === "instantmerchant") await api.must("POST", `/store/carts/${cart.id}/payment-sessions/instantmerchant`, { data: card })
  const done = await api.must("POST", `/store/carts/${cart.id}/complete`)
  if (done.type !== "order") throw new Error(`checkout with ${provider} ended as ${done.type}`)
  return performance.now() - started
}

/** Gateway requests one checkout makes, counted in the sandbox's request log. */
async function gatewayCalls(stack: Stack): Promise<Record<string, unknown>> {
  const count = () => stack.sandbox.controls.list("requests", "all").length
  const paths: Record<string, string[]> = {}
  const measure = async (run: () => Promise<unknown>, name: string) => {
    const before = count()
    await run()
    paths[name] = stack.sandbox.controls.list("requests", "all").slice(before).map((e: { path: string }) => e.path.replace("/api/v2/", ""))
    return count() - before
  }
  const guest = await measure(() => checkout(stack, "instantmerchant"), "guest")
  const api = shopper(stack)
  const email = `bench-saved-${Date.now()}@example.com`
  await api.must("POST", "/store/customers", { email, password: "bench-shopper-password", first_name: "Jim", last_name: "Doe" })
  const { access_token } = await api.must("POST", "/store/auth/token", { email, password: "bench-shopper-password" })
  api.headers.authorization = `Bearer ${access_token}`
  const saving = await measure(() => checkout(stack, "instantmerchant", api, { ...CARD, save_card: true }, email), "saving_card")
  const cards = stack.sandbox.controls.list("cards").filter((c: { saved: boolean }) => c.saved)
  const cardId: string = cards[cards.length - 1].card_id
  const saved = await measure(() => checkout(stack, "instantmerchant", api, { card_id: cardId }, email), "saved_card")
  return { gateway_calls_guest_checkout: guest, gateway_calls_saving_card_checkout: saving, gateway_calls_saved_card_checkout: saved, gateway_paths_per_checkout: paths }
}
