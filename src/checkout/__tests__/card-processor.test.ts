import { PaymentProcessorContext, PaymentSessionStatus } from "@medusajs/medusa"
import { startSandbox, Sandbox } from "../../sandbox"
import InstantMerchantProviderService from "../../services/instantmerchant-provider"
import { InMemoryCheckoutLookup } from "../__fixtures__/in-memory-checkout-lookup"
import { runAsRequestCustomer } from "../request-customer"

/**
 * The processor against the real sandbox over HTTP. Medusa's side (carts,
 * sessions, customers) is held in memory here; the end-to-end suite runs the
 * same flows on a real Medusa server and PostgreSQL.
 */

const CARDS = {
  visa: "4242424242424242",
  declined: "4000000000000002",
  insufficient: "4000000000009995",
  expired: "4000000000000069",
  badCvc: "4000000000000127",
  processing: "4000000000000119",
  chargeDeclined: "4000000000000341",
}
const CVC = "987"
const card = (number: string, extra: Record<string, unknown> = {}) => ({
  cardholder_name: "Jim Doe",
  card_number: number,
  exp_month: 12,
  exp_year: new Date().getUTCFullYear() + 3,
  cvc: CVC,
  ...extra,
})

let sandbox: Sandbox
/** Every data object the processor handed back to "Medusa", scanned for card data at the end. */
const produced: unknown[] = []
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined }

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: "pk_test", apiSecret: "sk_test_secret" })
})
afterAll(async () => {
  await sandbox?.close()
})
beforeEach(() => sandbox.controls.reset())

function setup(options: Record<string, unknown> = {}) {
  const lookup = new InMemoryCheckoutLookup()
  const processor = new InstantMerchantProviderService(
    {},
    { api_key: "pk_test", api_secret: "sk_test_secret", base_url: sandbox.apiBaseUrl, max_retries: 1, timeout_ms: 2000, ...options },
    { lookup, logger: silent }
  )
  return { lookup, processor }
}

function contextFor(amount: number, extra: Partial<PaymentProcessorContext> = {}): PaymentProcessorContext {
  return { amount, currency_code: "usd", email: "jim@example.com", resource_id: "cart_x", context: {}, paymentSessionData: {}, ...extra }
}

function keep<T>(value: T): T {
  produced.push(value)
  return value
}

/** Runs checkout up to an authorization, the way Medusa calls the processor, and returns the authorized data. */
async function checkout(
  env: ReturnType<typeof setup>,
  number: string,
  opts: {
    amount?: number
    customer?: ReturnType<InMemoryCheckoutLookup["addCustomer"]>
    cardData?: Record<string, unknown>
    /** Who the card-entry request is signed in as; by default the cart's customer (null: a guest). */
    signedInAs?: string | null
  } = {}
) {
  const amount = opts.amount ?? 2500
  const { cart, session } = env.lookup.addCart({ amount, customer: opts.customer ?? null })
  const init = keep(await env.processor.initiatePayment(contextFor(amount, { customer: opts.customer as never })))
  if ("error" in init) throw new Error(init.error)
  env.lookup.store(session.id, init.session_data, "replace")
  const signedInAs = opts.signedInAs !== undefined ? opts.signedInAs : (opts.customer?.id ?? null)
  const updated = keep(await runAsRequestCustomer(signedInAs, () => env.processor.updatePaymentData(session.id, opts.cardData ?? card(number))))
  if ("error" in updated) return { cart, session, updateError: updated }
  env.lookup.store(session.id, updated)
  const auth = keep(await env.processor.authorizePayment({ ...session.data }, { cart_id: cart.id }))
  return { cart, session, auth }
}

function requestsTo(path: string): number {
  return sandbox.controls.list("requests").filter((r: { path: string }) => r.path === `/api/v2/${path}`).length
}

describe("a full success path", () => {
  it("authorizes, captures and refunds in parts, and the gateway agrees", async () => {
    const env = setup()
    const { auth, session } = await checkout(env, CARDS.visa, { amount: 4200 })
    if (!auth || "error" in auth) throw new Error(`authorize failed: ${JSON.stringify(auth)}`)
    expect(auth.status).toBe(PaymentSessionStatus.AUTHORIZED)
    expect(auth.data).toMatchObject({ amount: 4200, currency_code: "usd", card_last_4: "4242", payment_mode: "auth_only", captured: false })
    expect(auth.data.charge_id).toMatch(/^cha_/)
    expect(Date.parse(auth.data.authorization_expires_at as string) - Date.now()).toBeGreaterThan(6.9 * 86400_000)
    expect(await env.processor.getPaymentStatus(auth.data)).toBe("authorized")
    expect(session.data).toMatchObject({ card_id: expect.stringMatching(/^card_/), card_exp_month: 12 })

    const captured = keep(await env.processor.capturePayment(auth.data))
    expect(captured).toMatchObject({ captured: true, charge_id: auth.data.charge_id })

    const first = keep(await env.processor.refundPayment(captured as Record<string, unknown>, 1000))
    expect(first).toMatchObject({ amount_refunded: 1000, refunds: [{ amount: 1000, refund_id: expect.stringMatching(/^ref_/) }] })
    const second = keep(await env.processor.refundPayment(first as Record<string, unknown>, 3200))
    expect(second).toMatchObject({ amount_refunded: 4200 })
    expect((second as { refunds: unknown[] }).refunds).toHaveLength(2)

    const [charge] = sandbox.controls.list("charges")
    expect(charge).toMatchObject({ charge_id: auth.data.charge_id, amount: 4200, captured: true, amount_refunded: 4200 })
    expect(sandbox.controls.list("charges")).toHaveLength(1)
  })

  it("charges what Medusa computed for the session, whatever the data says", async () => {
    const env = setup()
    const { cart, session } = env.lookup.addCart({ amount: 1999 })
    env.lookup.store(session.id, { amount: 1, currency_code: "usd" }, "replace")
    env.lookup.store(session.id, (await env.processor.updatePaymentData(session.id, card(CARDS.visa))) as Record<string, unknown>)
    const auth = await env.processor.authorizePayment({ ...session.data }, { cart_id: cart.id })
    expect(auth).toMatchObject({ data: { amount: 1999 } })
    expect(sandbox.controls.list("charges")[0].amount).toBe(1999)
  })
})

describe("declines", () => {
  it.each([
    [CARDS.declined, "card_declined", "Your card was declined: the bank declined it"],
    [CARDS.expired, "expired_card", "Your card was declined: the card has expired"],
    [CARDS.badCvc, "incorrect_cvc", "Your card was declined: the security code (CVC) is incorrect"],
    [CARDS.processing, "processing_error", "Your card was declined: a processing error occurred, please try again"],
  ])("%s is declined when the card is stored (%s)", async (number, code, message) => {
    const env = setup()
    const result = await checkout(env, number)
    expect(result.updateError).toMatchObject({ code, error: message })
    expect(result.session.data.card_id).toBeUndefined()
    expect(sandbox.controls.list("charges")).toHaveLength(0)
  })

  it.each([
    [CARDS.insufficient, "insufficient_funds", "Your card was declined: insufficient funds"],
    [CARDS.chargeDeclined, "card_declined", "Your card was declined: the bank declined it"],
  ])("%s is declined at authorization (%s), and nothing is charged", async (number, code, message) => {
    const env = setup()
    const { auth } = await checkout(env, number)
    expect(auth).toMatchObject({ code, error: message, detail: expect.any(String) })
    expect(sandbox.controls.list("charges")).toHaveLength(0)
  })
})

describe("bad input is refused before the gateway", () => {
  it.each([
    [card("4242424242424241"), "card_number"],
    [card(CARDS.visa, { exp_year: 2001 }), "exp_year"],
    [card(CARDS.visa, { cvc: "12" }), "cvc"],
    [card(CARDS.visa, { cardholder_name: "" }), "cardholder_name"],
    [{}, "card_number"],
  ])("%j names %s", async (data, field) => {
    const env = setup()
    const { session } = env.lookup.addCart()
    const before = sandbox.controls.list("requests").length
    const result = await env.processor.updatePaymentData(session.id, data)
    expect(result).toMatchObject({ code: "invalid_data", error: expect.stringContaining(`${field}:`) })
    expect(sandbox.controls.list("requests").length).toBe(before)
    expect(session.data).toEqual({})
  })

  it.each([
    ["eur", 2500, "InstantMerchant only accepts USD, and this region's currency is EUR"],
    ["usd", 99, "at least 100 cents"],
    ["usd", 1999.5, "integer number of cents"],
  ])("initiatePayment refuses %s %p", async (currency_code, amount, message) => {
    const env = setup()
    const result = await env.processor.initiatePayment(contextFor(amount, { currency_code }))
    expect(result).toMatchObject({ code: "invalid_data", error: expect.stringContaining(message) })
    expect(sandbox.controls.list("requests")).toHaveLength(0)
  })

  it("updatePayment re-checks amount and currency", async () => {
    const env = setup()
    expect(await env.processor.updatePayment(contextFor(50, { paymentSessionData: { amount: 2500, currency_code: "usd" } }))).toMatchObject({ code: "invalid_data" })
    expect(await env.processor.updatePayment(contextFor(3000, { paymentSessionData: { amount: 2500, currency_code: "usd", card_id: "card_1" } }))).toEqual({
      session_data: { amount: 3000, currency_code: "usd", card_id: "card_1" },
    })
  })

  it("refuses to construct without api_key, naming it", () => {
    expect(() => new InstantMerchantProviderService({}, { api_secret: "s" })).toThrow("api_key is required")
  })
})

describe("capture", () => {
  it("with capture on, authorizes and captures at once, and capturePayment calls nothing", async () => {
    const env = setup({ capture: true })
    const { auth } = await checkout(env, CARDS.visa)
    if (!auth || "error" in auth) throw new Error("authorize failed")
    expect(auth.data).toMatchObject({ payment_mode: "auth_and_capture", captured: true })
    expect(auth.data.authorization_expires_at).toBeUndefined()
    const before = requestsTo("capture")
    expect(await env.processor.capturePayment(auth.data)).toMatchObject({ captured: true })
    expect(requestsTo("capture")).toBe(before)
    expect(sandbox.controls.list("charges")[0]).toMatchObject({ captured: true, payment_mode: "auth_and_capture" })
  })

  it("treats a second capture (stale data, the gateway says already captured) as success", async () => {
    const env = setup()
    const { auth } = await checkout(env, CARDS.visa)
    if (!auth || "error" in auth) throw new Error("authorize failed")
    expect(await env.processor.capturePayment(auth.data)).toMatchObject({ captured: true })
    expect(await env.processor.capturePayment(auth.data)).toMatchObject({ captured: true })
    expect(requestsTo("capture")).toBe(2)
    expect(sandbox.controls.list("charges")[0]).toMatchObject({ captured: true, amount_captured: 2500 })
  })

  it("says when an authorization expired after 7 days, and logs it", async () => {
    const lines: string[] = []
    const lookup = new InMemoryCheckoutLookup()
    const processor = new InstantMerchantProviderService(
      {},
      { api_key: "pk_test", api_secret: "sk_test_secret", base_url: sandbox.apiBaseUrl },
      { lookup, logger: { info: () => undefined, warn: (l: string) => lines.push(l), error: (l: string) => lines.push(l) } }
    )
    const { auth } = await checkout({ lookup, processor }, CARDS.visa)
    if (!auth || "error" in auth) throw new Error("authorize failed")
    sandbox.controls.advanceClock(8 * 86400)
    const result = await processor.capturePayment(auth.data)
    expect(lines).toEqual([expect.stringContaining(`InstantMerchant capture failed: authorization_expired: The authorization of ${auth.data.charge_id} expired`)])
    expect(result).toMatchObject({ code: "authorization_expired", error: expect.stringContaining(`expired on ${auth.data.authorization_expires_at}`) })
    expect(sandbox.controls.list("charges")[0]).toMatchObject({ captured: false, status: "expired" })
  })
})

describe("refunds", () => {
  it("refuses more than the remainder before calling the gateway", async () => {
    const env = setup({ capture: true })
    const { auth } = await checkout(env, CARDS.visa, { amount: 3000 })
    if (!auth || "error" in auth) throw new Error("authorize failed")
    const partial = await env.processor.refundPayment(auth.data, 2000)
    const before = requestsTo("refund")
    const over = await env.processor.refundPayment(partial as Record<string, unknown>, 1001)
    expect(over).toMatchObject({ code: "invalid_data", error: "amount: $10.01 is more than the $10.00 left to refund" })
    expect(requestsTo("refund")).toBe(before)
    expect(sandbox.controls.list("charges")[0].amount_refunded).toBe(2000)
  })

  it("refuses a non-integer amount instead of rounding it", async () => {
    const env = setup({ capture: true })
    const { auth } = await checkout(env, CARDS.visa)
    if (!auth || "error" in auth) throw new Error("authorize failed")
    expect(await env.processor.refundPayment(auth.data, 10.5)).toMatchObject({ code: "invalid_data", error: expect.stringContaining("integer") })
    expect(requestsTo("refund")).toBe(0)
  })

  it("re-running the same refund after a lost answer refunds once", async () => {
    const env = setup({ capture: true })
    const { auth } = await checkout(env, CARDS.visa)
    if (!auth || "error" in auth) throw new Error("authorize failed")
    sandbox.controls.injectFault({ path: "/api/v2/refund", type: "reset", process: true, count: 1 })
    const lost = await env.processor.refundPayment(auth.data, 500)
    expect(lost).toMatchObject({ code: "maybe_processed" })
    expect(requestsTo("refund")).toBe(1)
    const again = await env.processor.refundPayment(auth.data, 500)
    expect(again).toMatchObject({ amount_refunded: 500 })
    expect(sandbox.controls.list("refunds")).toHaveLength(1)
    expect(sandbox.controls.list("charges")[0].amount_refunded).toBe(500)
  })
})

describe("cancel and delete", () => {
  it("cancel before capture releases the authorization", async () => {
    const env = setup()
    const { auth } = await checkout(env, CARDS.visa)
    if (!auth || "error" in auth) throw new Error("authorize failed")
    const canceled = await env.processor.cancelPayment(auth.data)
    expect(canceled).toMatchObject({ released: true })
    expect(await env.processor.getPaymentStatus(canceled as Record<string, unknown>)).toBe("canceled")
    expect(sandbox.controls.list("charges")[0]).toMatchObject({ status: "released", amount_refunded: 2500 })
    // Twice is fine: already released is success.
    expect(await env.processor.cancelPayment(auth.data)).toMatchObject({ released: true })
  })

  it("cancel after capture changes nothing at the gateway", async () => {
    const env = setup({ capture: true })
    const { auth } = await checkout(env, CARDS.visa)
    if (!auth || "error" in auth) throw new Error("authorize failed")
    const before = sandbox.controls.list("requests").length
    expect(await env.processor.cancelPayment(auth.data)).toMatchObject({ captured: true })
    expect(sandbox.controls.list("requests").length).toBe(before)
    expect(sandbox.controls.list("charges")[0]).toMatchObject({ captured: true, amount_refunded: 0 })
  })

  it("delete releases an authorization that never became an order payment", async () => {
    const env = setup()
    const { auth } = await checkout(env, CARDS.visa)
    if (!auth || "error" in auth) throw new Error("authorize failed")
    expect(await env.processor.deletePayment(auth.data)).toMatchObject({ released: true })
    expect(sandbox.controls.list("charges")[0].status).toBe("released")
  })

  it("delete of a session without a charge calls nothing", async () => {
    const env = setup()
    expect(await env.processor.deletePayment({ amount: 1000, currency_code: "usd", card_id: "card_1" })).toEqual({ amount: 1000, currency_code: "usd", card_id: "card_1" })
    expect(sandbox.controls.list("requests")).toHaveLength(0)
  })
})

describe("authorize runs once", () => {
  it("answers authorized without charging again when the data holds a charge", async () => {
    const env = setup()
    const { auth, cart } = await checkout(env, CARDS.visa)
    if (!auth || "error" in auth) throw new Error("authorize failed")
    const again = await env.processor.authorizePayment(auth.data, { cart_id: cart.id })
    expect(again).toEqual({ status: "authorized", data: auth.data })
    expect(requestsTo("charge")).toBe(1)
  })

  it("a charge whose answer was lost is not retried, and re-running authorize replays it", async () => {
    const env = setup()
    const { cart, session } = env.lookup.addCart({ amount: 2500 })
    env.lookup.store(session.id, { amount: 2500, currency_code: "usd" }, "replace")
    env.lookup.store(session.id, (await env.processor.updatePaymentData(session.id, card(CARDS.visa))) as Record<string, unknown>)
    sandbox.controls.injectFault({ path: "/api/v2/charge", type: "reset", process: true, count: 1 })
    const lost = await env.processor.authorizePayment({ ...session.data }, { cart_id: cart.id })
    expect(lost).toMatchObject({ code: "maybe_processed" })
    expect(requestsTo("charge")).toBe(1)
    expect(sandbox.controls.list("charges")).toHaveLength(1)

    const again = await env.processor.authorizePayment({ ...session.data }, { cart_id: cart.id })
    expect(again).toMatchObject({ status: "authorized", data: { charge_id: sandbox.controls.list("charges")[0].charge_id } })
    expect(sandbox.controls.list("charges")).toHaveLength(1)
  })

  it("a charge that never reached the gateway is retried and charged once", async () => {
    const env = setup()
    const { cart, session } = env.lookup.addCart({ amount: 2500 })
    env.lookup.store(session.id, { amount: 2500, currency_code: "usd" }, "replace")
    env.lookup.store(session.id, (await env.processor.updatePaymentData(session.id, card(CARDS.visa))) as Record<string, unknown>)
    sandbox.controls.injectFault({ path: "/api/v2/charge", type: "http_status", status: 429, count: 1 })
    const auth = await env.processor.authorizePayment({ ...session.data }, { cart_id: cart.id })
    expect(auth).toMatchObject({ status: "authorized" })
    expect(requestsTo("charge")).toBe(2)
    expect(sandbox.controls.list("charges")).toHaveLength(1)
  })
})

describe("a released or expired authorization is never reused", () => {
  /** A checkout whose Medusa payment was then canceled (stock ran out): the session keeps the charge, unaware. */
  async function releasedByMedusa(env: ReturnType<typeof setup>) {
    const first = await checkout(env, CARDS.visa)
    if (!first.auth || "error" in first.auth) throw new Error("checkout failed")
    env.lookup.store(first.session.id, first.auth.data as Record<string, unknown>, "replace")
    const canceled = keep(await env.processor.cancelPayment({ ...first.auth.data }))
    expect(canceled).toMatchObject({ released: true })
    env.lookup.releasedCharges.add(first.auth.data.charge_id as string)
    return { ...first, charge_id: first.auth.data.charge_id as string }
  }

  it("the next authorization after Medusa canceled the payment charges anew, under a new key", async () => {
    const env = setup()
    const first = await releasedByMedusa(env)
    const again = keep(await env.processor.authorizePayment({ ...first.session.data }, { cart_id: first.cart.id }))
    if ("error" in again) throw new Error(again.error)
    expect(again.status).toBe(PaymentSessionStatus.AUTHORIZED)
    expect(again.data.charge_id).not.toBe(first.charge_id)
    expect(again.data).toMatchObject({ authorization_attempt: 2, amount_refunded: 0, captured: false })
    expect(again.data.released).toBeUndefined()
    const charges = sandbox.controls.list("charges")
    expect(charges).toHaveLength(2)
    expect(charges.find((c) => c.charge_id === first.charge_id)).toMatchObject({ amount_refunded: 2500 })
    expect(charges.find((c) => c.charge_id === again.data.charge_id)).toMatchObject({ amount: 2500, amount_refunded: 0 })
    // And a replay of that second authorization (a timeout, a retry) is the same charge.
    const replay = keep(await env.processor.authorizePayment({ ...first.session.data }, { cart_id: first.cart.id }))
    expect(replay).toMatchObject({ data: { charge_id: again.data.charge_id } })
    expect(sandbox.controls.list("charges")).toHaveLength(2)
  })

  it("a cart edit after the release is accepted instead of failing with already_authorized", async () => {
    const env = setup()
    const first = await releasedByMedusa(env)
    const updated = await env.processor.updatePayment(contextFor(3100, { resource_id: first.cart.id, paymentSessionData: { ...first.session.data } }))
    expect(updated).toMatchObject({ session_data: { amount: 3100, card_id: first.session.data.card_id, authorization_attempt: 2 } })
    expect((updated as { session_data: Record<string, unknown> }).session_data.charge_id).toBeUndefined()
  })

  it("a new card may be entered after the release, and the stored charge fields are cleared", async () => {
    const env = setup()
    const first = await releasedByMedusa(env)
    const entered = keep(await env.processor.updatePaymentData(first.session.id, card("5555555555554444")))
    if ("error" in entered) throw new Error(String(entered.error))
    env.lookup.store(first.session.id, entered as Record<string, unknown>)
    const session = await env.lookup.session(first.session.id)
    expect(await env.processor.getPaymentStatus(session!.data)).toBe("pending")
    const auth = keep(await env.processor.authorizePayment({ ...session!.data }, { cart_id: first.cart.id }))
    expect(auth).toMatchObject({ data: { card_last_4: "4444", authorization_attempt: 2 } })
    expect(sandbox.controls.list("charges")).toHaveLength(2)
  })

  it.each([
    ["released in the data", { released: true }],
    ["expired", { authorization_expires_at: new Date(Date.now() - 1000).toISOString() }],
  ])("an authorization %s is replaced by a new charge", async (_what, dead) => {
    const env = setup()
    const first = await checkout(env, CARDS.visa)
    if (!first.auth || "error" in first.auth) throw new Error("checkout failed")
    const again = keep(await env.processor.authorizePayment({ ...first.auth.data, ...dead }, { cart_id: first.cart.id }))
    expect(again).toMatchObject({ status: "authorized", data: { authorization_attempt: 2 } })
    expect((again as unknown as { data: { charge_id: string } }).data.charge_id).not.toBe(first.auth.data.charge_id)
    expect(sandbox.controls.list("charges")).toHaveLength(2)
  })

  it("a live authorization is answered as it is, without a second charge", async () => {
    const env = setup()
    const first = await checkout(env, CARDS.visa)
    if (!first.auth || "error" in first.auth) throw new Error("checkout failed")
    expect(await env.processor.authorizePayment({ ...first.auth.data }, { cart_id: first.cart.id })).toMatchObject({ data: { charge_id: first.auth.data.charge_id } })
    expect(sandbox.controls.list("charges")).toHaveLength(1)
  })
})

describe("saved cards", () => {
  it("a signed-in customer saves a card, then pays with its card_id", async () => {
    const env = setup({ capture: true })
    const customer = env.lookup.addCustomer()
    const first = await checkout(env, CARDS.visa, { customer, cardData: card(CARDS.visa, { save_card: true }) })
    if (!first.auth || "error" in first.auth) throw new Error("first checkout failed")
    const gatewayCustomer = customer.metadata?.instantmerchant_customer_id
    expect(gatewayCustomer).toEqual(expect.any(Number))

    const second = await checkout(env, CARDS.visa, { customer, cardData: { card_id: first.auth.data.card_id } })
    if (!second.auth || "error" in second.auth) throw new Error(`second checkout failed: ${JSON.stringify(second)}`)
    expect(second.auth.data).toMatchObject({ card_id: first.auth.data.card_id, card_last_4: "4242", instantmerchant_customer_id: gatewayCustomer })
    expect(sandbox.controls.list("charges")).toHaveLength(2)
    expect(sandbox.controls.list("customers")).toHaveLength(1)
  })

  it("refuses another customer's card_id", async () => {
    const env = setup()
    const alice = env.lookup.addCustomer()
    const mallory = env.lookup.addCustomer()
    const first = await checkout(env, CARDS.visa, { customer: alice, cardData: card(CARDS.visa, { save_card: true }) })
    if (!first.auth || "error" in first.auth) throw new Error("first checkout failed")
    await checkout(env, CARDS.visa, { customer: mallory, cardData: card(CARDS.visa, { save_card: true }) })
    const stolen = await checkout(env, CARDS.visa, { customer: mallory, cardData: { card_id: first.auth.data.card_id } })
    expect(stolen.updateError).toMatchObject({ error: "card_id: is not one of your saved cards" })
  })

  it("a card the signed-in customer chose not to save is not among their saved cards", async () => {
    const env = setup({ capture: true })
    const customer = env.lookup.addCustomer()
    const saved = await checkout(env, CARDS.visa, { customer, cardData: card(CARDS.visa, { save_card: true }) })
    const unsaved = await checkout(env, CARDS.visa, { customer, cardData: card("5555555555554444") })
    if (!saved.auth || "error" in saved.auth || !unsaved.auth || "error" in unsaved.auth) throw new Error("checkout failed")
    const listed = sandbox.controls.list("cards").filter((c) => c.customer_id === customer.metadata?.instantmerchant_customer_id)
    expect(listed.map((c) => c.card_id)).toEqual([saved.auth.data.card_id])
    expect(unsaved.auth.data.instantmerchant_customer_id).not.toBe(customer.metadata?.instantmerchant_customer_id)
    // And it cannot be used as a saved card later.
    const reuse = await checkout(env, CARDS.visa, { customer, cardData: { card_id: unsaved.auth.data.card_id } })
    expect(reuse.updateError).toMatchObject({ error: "card_id: is not one of your saved cards" })
  })

  it("keeps a card the customer did not save when the cart changes, and drops a saved one when another customer signs in", async () => {
    const env = setup()
    const alice = env.lookup.addCustomer()
    await checkout(env, CARDS.visa, { customer: alice, cardData: card(CARDS.visa, { save_card: true }) })
    const linked = alice.metadata?.instantmerchant_customer_id
    const aliceContext = (data: Record<string, unknown>) => contextFor(2500, { customer: { ...alice, metadata: alice.metadata } as never, paymentSessionData: data })

    // Alice, signed in and linked, enters a card without saving it: a cart update keeps it.
    const { session } = env.lookup.addCart({ customer: alice })
    env.lookup.store(session.id, { amount: 2500, currency_code: "usd", instantmerchant_customer_id: linked }, "replace")
    env.lookup.store(session.id, (await env.processor.updatePaymentData(session.id, card("5555555555554444"))) as Record<string, unknown>)
    expect(session.data).toMatchObject({ card_saved: false, card_last_4: "4444" })
    expect(await env.processor.updatePayment(aliceContext({ ...session.data }))).toMatchObject({ session_data: { card_id: session.data.card_id } })

    // With one of her saved cards, another customer signing in on the cart starts over.
    const saved: Record<string, unknown> = { ...session.data, card_saved: true, instantmerchant_customer_id: linked }
    expect(await env.processor.updatePayment(aliceContext(saved))).toMatchObject({ session_data: { card_id: saved.card_id } })
    const bob = env.lookup.addCustomer()
    const bobContext = contextFor(2500, { customer: bob as never, paymentSessionData: saved })
    const restarted = await env.processor.updatePayment(bobContext)
    expect(restarted).toEqual({ session_data: { amount: 2500, currency_code: "usd" } })
  })

  describe("only a request signed in as the cart's customer may use or save a saved card", () => {
    // Medusa v1 lets anyone set customer_id on a cart: the cart's customer is the victim here, the request is not theirs.
    it.each([
      ["a guest", null, { card_id: "victim" }, "card_id: saved cards are only for signed-in customers"],
      ["a guest", null, card(CARDS.visa, { save_card: true }), "save_card: saved cards are only for signed-in customers: sign in, or send save_card: false"],
      ["a guest", null, card(CARDS.visa, { is_default: true }), "is_default: saved cards are only for signed-in customers"],
      ["another customer", "mallory", { card_id: "victim" }, "card_id: this cart belongs to another customer than the one signed in"],
      ["another customer", "mallory", card(CARDS.visa, { save_card: true }), "save_card: this cart belongs to another customer than the one signed in"],
    ])("%s (signed in as %s) on a cart set to the victim's customer_id, sending %j: refused", async (_who, signedIn, cardData, message) => {
      const env = setup({ capture: true })
      const victim = env.lookup.addCustomer()
      const saved = await checkout(env, CARDS.visa, { customer: victim, cardData: card(CARDS.visa, { save_card: true }) })
      if (!saved.auth || "error" in saved.auth) throw new Error("the victim's checkout failed")
      const victimCards = () => sandbox.controls.list("cards").filter((c) => c.customer_id === victim.metadata?.instantmerchant_customer_id)
      const cardsBefore = victimCards().length
      const chargesBefore = sandbox.controls.list("charges").length
      const data = "card_id" in cardData ? { ...cardData, card_id: saved.auth.data.card_id } : cardData
      const attack = await checkout(env, CARDS.visa, { customer: victim, cardData: data, signedInAs: signedIn === null ? null : env.lookup.addCustomer().id })
      expect(attack.updateError).toMatchObject({ code: "invalid_data", error: expect.stringContaining(message) })
      expect(attack.session.data.card_id).toBeUndefined()
      expect(sandbox.controls.list("charges")).toHaveLength(chargesBefore)
      expect(victimCards()).toHaveLength(cardsBefore)
    })

    it("outside any storefront request (nobody bound), a saved card is refused: it fails closed", async () => {
      const env = setup()
      const customer = env.lookup.addCustomer()
      const { session } = env.lookup.addCart({ customer })
      const answer = await env.processor.updatePaymentData(session.id, { card_id: "card_x" })
      expect(answer).toMatchObject({ code: "invalid_data", error: expect.stringContaining("card_id: saved cards are only for signed-in customers") })
    })
  })

  it("refuses a card_id from a guest", async () => {
    const env = setup()
    const guest = await checkout(env, CARDS.visa, { cardData: { card_id: "card_abc" } })
    expect(guest.updateError).toMatchObject({ error: expect.stringContaining("card_id: saved cards are only for signed-in customers") })
  })
})

describe("subscriptions", () => {
  const item = (title: string, interval?: string) => ({
    id: `item_${title}`, title, quantity: 1, subtotal: 1500, discount_total: 0, tax_total: 0, total: 1500, variant_id: "v",
    variant_metadata: interval ? { instantmerchant_interval: interval } : null, product_metadata: null,
  })

  it("a cart with a monthly item is charged as recurring, and the data keeps the subscription", async () => {
    const env = setup({ capture: true })
    const { cart, session } = env.lookup.addCart({ amount: 1500, items: [item("Coffee", "monthly")] })
    const init = keep(await env.processor.initiatePayment(contextFor(1500, { resource_id: cart.id })))
    if ("error" in init) throw new Error(init.error)
    env.lookup.store(session.id, init.session_data, "replace")
    env.lookup.store(session.id, keep(await env.processor.updatePaymentData(session.id, card(CARDS.visa))) as Record<string, unknown>)
    const auth = keep(await env.processor.authorizePayment({ ...session.data }, { cart_id: cart.id }))
    expect(auth).toMatchObject({ status: "authorized", data: { interval: "monthly", subscription_id: expect.stringMatching(/^sub_/), expiry_date: expect.any(Number) } })
    const [subscription] = sandbox.controls.list("subscriptions")
    expect(subscription).toMatchObject({ subscription_id: (auth as unknown as { data: { subscription_id: string } }).data.subscription_id, amount: 1500, interval: "monthly" })
  })

  it("a one-time cart opens no subscription", async () => {
    const env = setup()
    await checkout(env, CARDS.visa)
    expect(sandbox.controls.list("subscriptions")).toHaveLength(0)
  })

  it.each([
    [[item("Coffee", "monthly"), item("Magazine", "yearly")], {}, "mixes subscriptions with different intervals"],
    [[item("Coffee", "monthly"), item("Mug")], {}, "mixes a monthly subscription with one-time items (Mug)"],
  ])("refuses a mixed cart at payment-session time: %#", async (items, options, message) => {
    const env = setup(options)
    const { cart } = env.lookup.addCart({ amount: 3000, items })
    expect(await env.processor.initiatePayment(contextFor(3000, { resource_id: cart.id }))).toMatchObject({ code: "invalid_data", error: expect.stringContaining(message) })
    expect(await env.processor.updatePayment(contextFor(3000, { resource_id: cart.id, paymentSessionData: { amount: 3000, currency_code: "usd" } }))).toMatchObject({ code: "invalid_data" })
  })

  it("a mixed cart is charged as recurring when the shop allows it", async () => {
    const env = setup({ subscription_allow_mixed_cart: true })
    const { cart, session } = env.lookup.addCart({ amount: 3000, items: [item("Coffee", "monthly"), item("Mug")] })
    expect(await env.processor.initiatePayment(contextFor(3000, { resource_id: cart.id }))).toHaveProperty("session_data")
    env.lookup.store(session.id, { amount: 3000, currency_code: "usd" }, "replace")
    env.lookup.store(session.id, (await env.processor.updatePaymentData(session.id, card(CARDS.visa))) as Record<string, unknown>)
    const auth = await env.processor.authorizePayment({ ...session.data }, { cart_id: cart.id })
    expect(auth).toMatchObject({ data: { interval: "monthly" } })
    expect(sandbox.controls.list("subscriptions")[0].amount).toBe(3000)
  })
})

describe("card data", () => {
  it("keeps only card_id, the last 4 and the expiry", async () => {
    const env = setup()
    const customer = env.lookup.addCustomer()
    const { session } = env.lookup.addCart({ customer })
    const data = keep(await runAsRequestCustomer(customer.id, () => env.processor.updatePaymentData(session.id, card(CARDS.visa, { save_card: true }))))
    expect(Object.keys(data).sort()).toEqual(["card_exp_month", "card_exp_year", "card_id", "card_last_4", "card_saved", "charge_failed", "instantmerchant_customer_id"])
  })

  // Jest runs a file's tests in order, so this one sees every data object produced above.
  it("no session data any test produced holds a card number or a CVC", () => {
    expect(produced.length).toBeGreaterThan(40)
    const text = JSON.stringify(produced)
    for (const number of Object.values(CARDS)) expect(text).not.toContain(number)
    expect(text).not.toMatch(/\d{12,19}/)
    expect(text).not.toMatch(/"(card_number|cvc)"/)
    const values: unknown[] = []
    JSON.parse(text, (_k, v) => (values.push(v), v))
    expect(values).not.toContain(CVC)
  })
})
