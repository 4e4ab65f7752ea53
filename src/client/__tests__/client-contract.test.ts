import { inspect } from "node:util"
import net from "node:net"
import { startSandbox, Sandbox } from "../../sandbox"
import {
  ApiError,
  AuthenticationError,
  CardError,
  ConnectionError,
  InstantMerchantClient,
  InstantMerchantClientOptions,
  InstantMerchantError,
  InvalidRequestError,
  PermissionError,
  RateLimitError,
} from ".."

/**
 * The client against the sandbox over HTTP: every endpoint, every error class,
 * idempotent replay, retries, the clock and the environments.
 */

const KEY = "im_contract_key"
const SECRET = "im_contract_secret_do_not_leak"
const LIVE_KEY = "im_live_key"
const LIVE_SECRET = "im_live_secret_do_not_leak"
const VISA = "4242424242424242"
const CVC = "987"
const YEAR = new Date().getUTCFullYear() + 2

let sandbox: Sandbox
const thrown: unknown[] = []
const logLines: string[] = []

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: KEY, apiSecret: SECRET, liveApiKey: LIVE_KEY, liveApiSecret: LIVE_SECRET })
})
afterAll(() => sandbox?.close())
beforeEach(() => sandbox.controls.reset())

function client(options: Partial<InstantMerchantClientOptions> = {}): InstantMerchantClient {
  const log = (line: string) => logLines.push(line)
  return new InstantMerchantClient({
    apiKey: KEY,
    apiSecret: SECRET,
    baseUrl: sandbox.apiBaseUrl,
    timeoutMs: 2000,
    retryBaseDelayMs: 10,
    retryMaxDelayMs: 50,
    logger: { debug: log, warn: log },
    ...options,
  })
}

async function failure<T extends InstantMerchantError>(promise: Promise<unknown>, klass: new (...a: never[]) => T): Promise<T> {
  try {
    await promise
  } catch (e) {
    thrown.push(e)
    expect(e).toBeInstanceOf(klass)
    return e as T
  }
  throw new Error(`expected a ${klass.name}`)
}

const card = { cardholder_name: "Jim", card_number: VISA, exp_month: 12, exp_year: YEAR, cvc: CVC }
const person = { name: "Jim", email: "jim@example.com", address: "1 Main St", city: "Nashville", zip: "37251", state: "TN", country: "US" }
const requests = (path: string) => sandbox.controls.list("requests").filter((r) => r.path === `/api/v2/${path}`)

async function customer(im = client()): Promise<number> {
  const c = await im.customers.create({ ...person, username: `jim_${Math.random().toString(36).slice(2)}` })
  return c.customer_id
}

describe("every endpoint", () => {
  it("customer create, card create and card retrieve", async () => {
    const im = client()
    const customerId = await customer(im)
    expect(customerId).toEqual(expect.any(Number))
    const stored = await im.cards.create({ customer: customerId, ...card, card_number: "5555555555554444", is_default: true, save_card: true })
    expect(stored).toMatchObject({ status: true, card_id: expect.stringMatching(/^card_/), card_last_4: "4444" })
    const listed = await im.cards.retrieve({ customer: customerId })
    expect(listed.data).toEqual([
      { card_id: stored.card_id, is_default: "1", card_type: expect.any(String), cc_last_4: "4444", cc_valid_thru: `12/${YEAR}` },
    ])
    const one = await im.cards.retrieve({ customer: customerId, card_id: stored.card_id })
    expect(one.data.map((c) => c.card_id)).toEqual([stored.card_id])
    // A read carries no idempotency key.
    expect(requests("card/get").every((r) => !r.idempotency_key)).toBe(true)
  })

  it("charge create (auth_only), capture and partial refunds", async () => {
    const im = client()
    const charge = await im.charges.create({ ...person, ...card, description: "order 1", amount: 2000, payment_mode: "auth_only" })
    expect(charge).toMatchObject({ status: true, message: "payment processed successfully", charge_id: expect.stringMatching(/^cha_/), card_last_4: "4242" })
    expect(charge.lastResponse).toMatchObject({ statusCode: 200, requestId: expect.stringMatching(/^req_/), replayed: false, attempts: 1 })
    // Transport details stay off the answer's own fields.
    expect(Object.keys(charge)).not.toContain("lastResponse")

    await expect(im.charges.capture({ charge_id: charge.charge_id })).resolves.toMatchObject({ charge_id: charge.charge_id })
    const refund = await im.charges.refund({ charge_id: charge.charge_id, amount: 500 })
    expect(refund.refund_id).toMatch(/^ref_/)
    await im.charges.refund({ charge_id: charge.charge_id })
    expect(sandbox.controls.list("charges")[0]).toMatchObject({ captured: true, amount_refunded: 2000 })
  })

  it("a recurring charge opens a subscription; renew, update_card and cancel it", async () => {
    const im = client()
    const charge = await im.charges.create({
      ...person, ...card, description: "monthly box", amount: 1500, payment_type: "recurring", interval: "monthly", create_customer: true, save_card: true,
    })
    expect(charge).toMatchObject({ subscription_id: expect.stringMatching(/^sub_/), customer_id: expect.any(Number), expiry_date: expect.any(Number) })
    const renewed = await im.subscriptions.renew({ subscription_id: charge.subscription_id! })
    expect(renewed).toMatchObject({ charge_id: expect.stringMatching(/^cha_/), invoice_num: expect.any(Number), subscription_id: charge.subscription_id })
    expect(renewed.expiry_date).toBeGreaterThan(charge.expiry_date!)
    const moved = await im.subscriptions.updateCard({ subscription_id: charge.subscription_id!, ...card, card_number: "4111111111111111" })
    expect(moved).toMatchObject({ card_id: expect.stringMatching(/^card_/), card_last_4: "1111" })
    await expect(im.subscriptions.cancel({ subscription_id: charge.subscription_id! })).resolves.toMatchObject({ status: true })
    const again = await failure(im.subscriptions.renew({ subscription_id: charge.subscription_id! }), InvalidRequestError)
    expect(again).toMatchObject({ statusCode: 409, code: "subscription_canceled" })
  })

  it("invoice create (pay_later, with item arrays), send, charge, capture and refund", async () => {
    const im = client()
    const customerId = await customer(im)
    const invoice = await im.invoices.create({
      customer: customerId, description: "phone order", date_due: "12/31/2030", items: ["apple", "orange"], items_price: [2000, 1800], send_now: 1,
    })
    expect(invoice).toMatchObject({ status: true, invoice_num: expect.any(Number) })
    expect(sandbox.controls.list("invoices")[0]).toMatchObject({ invoice_num: invoice.invoice_num, amount: 3800 })
    await im.invoices.send({ invoice_num: invoice.invoice_num })
    expect(sandbox.controls.list("outbox")).toHaveLength(2)

    const paid = await im.invoices.charge({ invoice_num: invoice.invoice_num, ...card, payment_mode: "auth_only" })
    expect(paid).toMatchObject({ charge_id: expect.stringMatching(/^cha_/), invoice_num: invoice.invoice_num })
    const twice = await failure(im.invoices.charge({ invoice_num: invoice.invoice_num, ...card }), InvalidRequestError)
    expect(twice).toMatchObject({ statusCode: 409, code: "invoice_already_paid" })

    await expect(im.invoices.capture({ charge_id: paid.charge_id })).resolves.toMatchObject({ invoice_num: invoice.invoice_num })
    await expect(im.invoices.refund({ charge_id: paid.charge_id, amount: 800 })).resolves.toMatchObject({ refund_id: expect.stringMatching(/^ref_/) })
    expect(sandbox.controls.list("charges")[0]).toMatchObject({ amount: 3800, amount_refunded: 800 })
  })

  it("invoice create that charges at once", async () => {
    const im = client()
    const customerId = await customer(im)
    const invoice = await im.invoices.create({
      customer: customerId, description: "d", date_due: "01/15/2031", items: ["box"], items_price: [4500], payment_mode: "auth_and_capture", ...card,
    })
    expect(invoice).toMatchObject({ charge_id: expect.stringMatching(/^cha_/), card_last_4: "4242" })
    expect(sandbox.controls.list("charges")[0]).toMatchObject({ amount: 4500, captured: true })
  })
})

describe("every error is typed", () => {
  it("a decline is a CardError with its decline code", async () => {
    const e = await failure(client().charges.create({ ...person, ...card, card_number: "4000000000009995", description: "d", amount: 1000 }), CardError)
    expect(e).toMatchObject({ statusCode: 402, declineCode: "insufficient_funds", maybeProcessed: false })
    expect(sandbox.controls.list("charges")).toHaveLength(0)
  })

  it.each([
    [{ amount: 99 }, "amount"],
    [{ currency: "eur" }, "currency"],
    [{ email: undefined }, "email"],
    [{ card_number: "4242424242424241" }, "card_number"],
  ])("a bad field %j is an InvalidRequestError naming %s", async (override, param) => {
    const e = await failure(client().charges.create({ ...person, ...card, description: "d", amount: 1000, ...override } as never), InvalidRequestError)
    expect(e).toMatchObject({ statusCode: 400, param })
    expect(e.message).toContain(param)
  })

  it("an unknown id is a 404 InvalidRequestError", async () => {
    const e = await failure(client().charges.capture({ charge_id: "cha_nope" }), InvalidRequestError)
    expect(e).toMatchObject({ statusCode: 404, param: "charge_id" })
  })

  it("a non-integer amount is refused before anything is sent", async () => {
    const e = await failure(client().charges.create({ ...person, ...card, description: "d", amount: 10.5 }), InvalidRequestError)
    expect(e).toMatchObject({ param: "amount", statusCode: undefined })
    expect(sandbox.controls.list("requests")).toHaveLength(0)
  })

  it("a wrong secret is an AuthenticationError", async () => {
    const e = await failure(client({ apiSecret: "wrong_secret_value" }).customers.create({ ...person, username: "u1" }), AuthenticationError)
    expect(e.statusCode).toBe(401)
  })

  it("an IP off the allowlist is a PermissionError", async () => {
    sandbox.controls.setAllowlist("test", ["10.9.9.9"])
    const e = await failure(client().customers.create({ ...person, username: "u2" }), PermissionError)
    expect(e).toMatchObject({ statusCode: 403, code: "ip_not_allowed" })
  })

  it("a 429 is a RateLimitError once retries are spent", async () => {
    sandbox.controls.injectFault({ path: "/api/v2/customer", type: "http_status", status: 429, count: 2 })
    const e = await failure(client({ maxRetries: 1 }).customers.create({ ...person, username: "u3" }), RateLimitError)
    expect(e).toMatchObject({ statusCode: 429, retryAfterSeconds: 1 })
    expect(requests("customer")).toHaveLength(2)
  })

  it("a 500 on a charge is an ApiError that may have been processed, and is not retried", async () => {
    sandbox.controls.injectFault({ path: "/api/v2/charge", type: "500", count: 1 })
    const e = await failure(client().charges.create({ ...person, ...card, description: "d", amount: 1000 }), ApiError)
    expect(e).toMatchObject({ statusCode: 500, maybeProcessed: true })
    expect(requests("charge")).toHaveLength(1)
  })

  it("a body that is not the reference's shape is an ApiError", async () => {
    sandbox.controls.injectFault({ path: "/api/v2/charge", type: "malformed", count: 1, process: true })
    const e = await failure(client().charges.create({ ...person, ...card, description: "d", amount: 1000 }), ApiError)
    expect(e).toMatchObject({ statusCode: 200, maybeProcessed: true })
    expect(e.message).toContain("not the reference's shape")
  })

  it("a status:false answer with a decline code is a CardError", async () => {
    sandbox.controls.injectFault({ path: "/api/v2/charge", type: "status_false", count: 1 })
    const e = await failure(client().charges.create({ ...person, ...card, description: "d", amount: 1000 }), CardError)
    expect(e.declineCode).toBe("processing_error")
  })

  it("a refused connection never reached the gateway: maybeProcessed false, and retried", async () => {
    const port = await closedPort()
    const e = await failure(
      client({ baseUrl: `http://127.0.0.1:${port}/api/v2`, maxRetries: 2 }).charges.create({ ...person, ...card, description: "d", amount: 1000 }),
      ConnectionError
    )
    expect(e).toMatchObject({ code: "ECONNREFUSED", maybeProcessed: false })
    expect(logLines.filter((l) => l.includes("retrying")).length).toBeGreaterThanOrEqual(2)
  })

  it("a timeout on a charge may have been processed, and is not retried", async () => {
    sandbox.controls.injectFault({ path: "/api/v2/charge", type: "hang", count: 1, process: true })
    const e = await failure(client({ timeoutMs: 300 }).charges.create({ ...person, ...card, description: "d", amount: 1000 }), ConnectionError)
    expect(e).toMatchObject({ maybeProcessed: true })
    expect(e.message).toContain("no answer within 300 ms")
    expect(requests("charge")).toHaveLength(1)
    expect(sandbox.controls.list("charges")).toHaveLength(1)
  })

  it("a reset connection on a refund is not retried", async () => {
    const im = client()
    const charge = await im.charges.create({ ...person, ...card, description: "d", amount: 1000 })
    sandbox.controls.injectFault({ path: "/api/v2/refund", type: "reset", count: 1, process: true })
    const e = await failure(im.charges.refund({ charge_id: charge.charge_id, amount: 100 }), ConnectionError)
    expect(e.maybeProcessed).toBe(true)
    expect(requests("refund")).toHaveLength(1)
    expect(sandbox.controls.list("refunds")).toHaveLength(1)
  })

  it("a capture whose answer was lost is retried with the same key, and never doubled", async () => {
    const im = client()
    const charge = await im.charges.create({ ...person, ...card, description: "d", amount: 1000, payment_mode: "auth_only" })
    sandbox.controls.injectFault({ path: "/api/v2/capture", type: "reset", count: 1, process: false })
    await im.charges.capture({ charge_id: charge.charge_id }, { idempotencyKey: "capture-once" })
    const sent = requests("capture")
    expect(sent).toHaveLength(2)
    expect(sent.map((r) => r.idempotency_key)).toEqual(["capture-once", "capture-once"])
    expect(sandbox.controls.list("charges")[0]).toMatchObject({ captured: true, amount_captured: 1000 })
  })
})

describe("idempotency", () => {
  it("sends an Idempotency-Key on every mutating request", async () => {
    const im = client()
    await customer(im)
    await im.charges.create({ ...person, ...card, description: "d", amount: 1000 })
    const mutating = sandbox.controls.list("requests").filter((r) => r.path !== "/api/v2/card/get")
    expect(mutating.length).toBe(2)
    expect(mutating.every((r) => typeof r.idempotency_key === "string" && r.idempotency_key.length > 0)).toBe(true)
  })

  it("the same key replays the first answer instead of charging again", async () => {
    const im = client()
    const params = { ...person, ...card, description: "d", amount: 1000 }
    const first = await im.charges.create(params, { idempotencyKey: "order-42" })
    const second = await im.charges.create(params, { idempotencyKey: "order-42" })
    expect(second.charge_id).toBe(first.charge_id)
    expect(second.lastResponse.replayed).toBe(true)
    expect(sandbox.controls.list("charges")).toHaveLength(1)
  })

  it("the same key with other parameters is refused", async () => {
    const im = client()
    await im.charges.create({ ...person, ...card, description: "d", amount: 1000 }, { idempotencyKey: "order-43" })
    const e = await failure(im.charges.create({ ...person, ...card, description: "d", amount: 2000 }, { idempotencyKey: "order-43" }), InvalidRequestError)
    expect(e).toMatchObject({ statusCode: 400, code: "idempotency_key_reuse" })
  })

  it("refuses a key that could inject a header", async () => {
    const e = await failure(client().customers.create({ ...person, username: "u" }, { idempotencyKey: "a\r\nX-Evil: 1" }), InvalidRequestError)
    expect(e.param).toBe("idempotencyKey")
  })
})

describe("clock and environments", () => {
  it("an authorization expires after 7 days", async () => {
    const im = client()
    const charge = await im.charges.create({ ...person, ...card, description: "d", amount: 1000, payment_mode: "auth_only" })
    sandbox.controls.advanceClock(7 * 86400 + 1)
    const e = await failure(im.charges.capture({ charge_id: charge.charge_id }), InvalidRequestError)
    expect(e).toMatchObject({ statusCode: 409, code: "authorization_expired" })
  })

  it("a subscription's paid period follows the interval", async () => {
    const im = client()
    const weekly = await im.charges.create({ ...person, ...card, description: "d", amount: 1000, payment_type: "recurring", interval: "weekly" })
    expect(weekly.expiry_date! - sandbox.controls.now()).toBeGreaterThan(7 * 86400 - 60)
    expect(weekly.expiry_date! - sandbox.controls.now()).toBeLessThanOrEqual(7 * 86400)
  })

  it("the test and live pairs hold separate data", async () => {
    const test = client()
    const live = client({ apiKey: LIVE_KEY, apiSecret: LIVE_SECRET })
    const charge = await test.charges.create({ ...person, ...card, description: "d", amount: 1000, payment_mode: "auth_only" })
    const e = await failure(live.charges.capture({ charge_id: charge.charge_id }), InvalidRequestError)
    expect(e.statusCode).toBe(404)
    expect(sandbox.controls.list("charges", "live")).toHaveLength(0)
  })
})

describe("nothing sensitive escapes", () => {
  // Jest runs a file's tests in order: this sees every error thrown above.
  it("no error, property, cause or log line holds the secret, a card number or the CVC", () => {
    expect(thrown.length).toBeGreaterThan(15)
    for (const e of thrown) {
      const text = [inspect(e, { depth: 10, showHidden: true }), JSON.stringify(e), String((e as Error).stack)].join("\n")
      expect(text).not.toContain(SECRET)
      expect(text).not.toContain("wrong_secret_value")
      expect(text).not.toContain(VISA)
      expect(text).not.toMatch(/\d{13,19}/)
      // A leaked axios config would show the header with its value.
      expect(text).not.toMatch(/x-api-secret['"]?\s*[:=]\s*['"]/i)
      expect(Object.keys(e as object)).not.toContain("config")
      expect(Object.keys(e as object)).not.toContain("response")
    }
    const log = logLines.join("\n")
    expect(logLines.length).toBeGreaterThan(20)
    expect(log).not.toContain(SECRET)
    expect(log).not.toContain(VISA)
    // As a whole token: random hex request ids may contain the digits "987".
    expect(log).not.toMatch(new RegExp(`\\b${CVC}\\b`))
  })
})

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}
