import { startSandbox } from "../start-sandbox"
import { chargeParams, control, createCustomer, customerParams, expectError, formEncode, post, TEST_KEYS, useSandbox } from "./http-kit"

const LIVE_KEYS = { "X-Api-Key": "im_live_key", "X-Api-Secret": "im_live_secret" }
const sandbox = useSandbox({ liveApiKey: LIVE_KEYS["X-Api-Key"], liveApiSecret: LIVE_KEYS["X-Api-Secret"] })

describe("routing and authentication", () => {
  it.each([
    [null],
    [{ "X-Api-Key": "im_test_key" }],
    [{ "X-Api-Key": "im_test_key", "X-Api-Secret": "wrong" }],
    [{ "X-Api-Key": "im_test_key", "X-Api-Secret": LIVE_KEYS["X-Api-Secret"] }],
  ])("keys %o are a 401 authentication_failed", async (keys) => {
    expectError(await post(sandbox(), "customer", customerParams(), { keys }), 401, "authentication_failed")
    expect(sandbox().controls.list("customers")).toEqual([])
  })

  it("an unknown path is a 404 and another method a 405, both in the error shape with a request id", async () => {
    const missing = await post(sandbox(), "nope", {})
    expectError(missing, 404, "resource_missing")
    expect(missing.headers.get("x-request-id")).toMatch(/^req_/)
    const wrongMethod = await post(sandbox(), "charge", {}, { method: "GET" })
    expectError(wrongMethod, 405, "method_not_allowed")
    expect(wrongMethod.headers.get("allow")).toBe("POST")
  })

  it("request ids differ per request", async () => {
    const a = await post(sandbox(), "nope")
    const b = await post(sandbox(), "nope")
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"))
  })
})

describe("request bodies", () => {
  it("a repeated scalar takes its last value", async () => {
    const body = `${formEncode(chargeParams())}&amount=250&amount=300`
    const res = await fetch(`${sandbox().apiBaseUrl}/charge`, { method: "POST", headers: { ...TEST_KEYS, "Content-Type": "application/x-www-form-urlencoded" }, body })
    expect(res.status).toBe(200)
    expect(sandbox().controls.list("charges")[0].amount).toBe(300)
  })

  it("JSON bodies work, with JSON booleans and arrays", async () => {
    const customer = await createCustomer(sandbox())
    const reply = await post(sandbox(), "invoice", { customer, description: "d", date_due: "01/01/2031", "items[]": ["a", "b"], items_price: [100, 250], send_now: true }, { json: true })
    expect(reply.status).toBe(200)
    expect(sandbox().controls.list("invoices")[0].amount).toBe(350)
    expect(sandbox().controls.list("outbox")).toHaveLength(1)
  })

  it("malformed JSON is a 400, not a crash", async () => {
    const res = await fetch(`${sandbox().apiBaseUrl}/customer`, { method: "POST", headers: { ...TEST_KEYS, "Content-Type": "application/json" }, body: "{oops" })
    expect(res.status).toBe(400)
    expect(((await res.json()) as any[])[0]).toMatchObject({ status: false, code: "parameter_invalid" })
  })

  it.each([["TRUE", 200], ["1", 200], ["0", 400], ["maybe", 400]])("boolean create_customer=%s with save_card", async (value, status) => {
    // save_card needs a customer, so only a true create_customer succeeds.
    expect((await post(sandbox(), "charge", chargeParams({ create_customer: value, save_card: "true" }))).status).toBe(status)
  })
})

describe("idempotency", () => {
  it("replays the first answer with Idempotent-Replayed: true and charges once", async () => {
    const headers = { "Idempotency-Key": "order-1" }
    const first = await post(sandbox(), "charge", chargeParams(), { headers })
    const again = await post(sandbox(), "charge", chargeParams(), { headers })
    expect(again.status).toBe(first.status)
    expect(again.body).toEqual(first.body)
    expect(again.headers.get("idempotent-replayed")).toBe("true")
    expect(first.headers.get("idempotent-replayed")).toBeNull()
    expect(sandbox().controls.list("charges")).toHaveLength(1)
    expect(sandbox().controls.list("requests").map((r) => r.replayed)).toEqual([false, true])
  })

  it("the same parameters in another encoding are the same request", async () => {
    const headers = { "Idempotency-Key": "enc" }
    await post(sandbox(), "customer", customerParams({ username: "enc" }), { headers })
    const json = await post(sandbox(), "customer", customerParams({ username: "enc" }), { headers, json: true })
    expect(json.headers.get("idempotent-replayed")).toBe("true")
  })

  it("replays 4xx answers too", async () => {
    const headers = { "Idempotency-Key": "bad" }
    await post(sandbox(), "charge", chargeParams({ amount: "20.5" }), { headers })
    const again = await post(sandbox(), "charge", chargeParams({ amount: "20.5" }), { headers })
    expect(again.status).toBe(400)
    expect(again.headers.get("idempotent-replayed")).toBe("true")
  })

  it("the same key with other parameters or another path is a 400 idempotency_key_reuse", async () => {
    const headers = { "Idempotency-Key": "order-2" }
    await post(sandbox(), "charge", chargeParams(), { headers })
    expectError(await post(sandbox(), "charge", chargeParams({ amount: 2000 }), { headers }), 400, "idempotency_key_reuse")
    expectError(await post(sandbox(), "customer", customerParams(), { headers }), 400, "idempotency_key_reuse")
    expect(sandbox().controls.list("charges")).toHaveLength(1)
  })

  it("keys expire after 24 hours of sandbox time", async () => {
    const headers = { "Idempotency-Key": "order-3" }
    await post(sandbox(), "charge", chargeParams(), { headers })
    sandbox().controls.advanceClock(24 * 3600)
    const later = await post(sandbox(), "charge", chargeParams(), { headers })
    expect(later.headers.get("idempotent-replayed")).toBeNull()
    expect(sandbox().controls.list("charges")).toHaveLength(2)
  })

  it("keys are scoped per environment", async () => {
    const headers = { "Idempotency-Key": "shared" }
    await post(sandbox(), "charge", chargeParams(), { headers })
    const live = await post(sandbox(), "charge", chargeParams(), { headers, keys: LIVE_KEYS })
    expect(live.headers.get("idempotent-replayed")).toBeNull()
    expect(sandbox().controls.list("charges", "live")).toHaveLength(1)
  })
})

describe("environments", () => {
  it("test and live hold separate data: ids of one are unknown in the other", async () => {
    const testCustomer = await createCustomer(sandbox())
    const live = await post(sandbox(), "customer", customerParams(), { keys: LIVE_KEYS })
    expect(live.body.customer_id).toBe(1)
    expect(testCustomer).toBe(1)
    const charge = await post(sandbox(), "charge", chargeParams({ payment_mode: "auth_only" }))
    expectError(await post(sandbox(), "capture", { charge_id: charge.body.charge_id }, { keys: LIVE_KEYS }), 404, "resource_missing", "charge_id")
    expect((await control(sandbox(), "GET", "customers?env=live")).body.data).toHaveLength(1)
    expect((await control(sandbox(), "GET", "charges?env=live")).body.data).toHaveLength(0)
  })

  it("without a live pair there is no live environment", async () => {
    const testOnly = await startSandbox({ port: 0 })
    try {
      expectError(await post(testOnly, "customer", customerParams(), { keys: LIVE_KEYS }), 401, "authentication_failed")
      expect(testOnly.environments).toEqual(["test"])
    } finally {
      await testOnly.close()
    }
  })
})

describe("IP allowlist", () => {
  it("a caller outside the allowlist gets 403 ip_not_allowed, after authentication", async () => {
    sandbox().controls.setAllowlist("test", ["10.1.2.3"])
    expectError(await post(sandbox(), "customer", customerParams()), 403, "ip_not_allowed")
    expectError(await post(sandbox(), "customer", customerParams(), { keys: null }), 401, "authentication_failed")
    expect((await post(sandbox(), "customer", customerParams(), { keys: LIVE_KEYS })).status).toBe(200)
    const set = await control(sandbox(), "POST", "allowlist", { env: "test", ips: ["127.0.0.1"] })
    expect(set.status).toBe(200)
    expect((await post(sandbox(), "customer", customerParams())).status).toBe(200)
  })

  it("IPv4-mapped IPv6 entries are normalised", async () => {
    const listed = await startSandbox({ port: 0, allowIps: { test: ["::ffff:127.0.0.1"] } })
    try {
      expect((await post(listed, "customer", customerParams())).status).toBe(200)
    } finally {
      await listed.close()
    }
  })
})

describe("controls", () => {
  it("advance the clock by seconds or days, and reset clears data and the offset", async () => {
    const start = (await control(sandbox(), "GET", "clock")).body.now
    const advanced = await control(sandbox(), "POST", "clock/advance", { days: 2 })
    expect(advanced.body.now - start).toBeGreaterThanOrEqual(2 * 86400)
    await createCustomer(sandbox())
    expect((await control(sandbox(), "POST", "reset")).status).toBe(200)
    expect((await control(sandbox(), "GET", "customers")).body.data).toEqual([])
    expect((await control(sandbox(), "GET", "clock")).body.now - start).toBeLessThan(60)
    expect((await control(sandbox(), "POST", "clock/advance", {})).status).toBe(400)
  })

  it("the request log has no bodies and labels the environment", async () => {
    await post(sandbox(), "charge", chargeParams(), { headers: { "Idempotency-Key": "k1" } })
    await post(sandbox(), "customer", customerParams(), { keys: { "X-Api-Key": "stranger", "X-Api-Secret": "x" } })
    const { body } = await control(sandbox(), "GET", "requests")
    expect(body.data).toEqual([
      { id: expect.stringMatching(/^req_/), method: "POST", path: "/api/v2/charge", status: 200, code: null, idempotency_key: "k1", replayed: false, env: "test", at: expect.any(Number), fault: null },
    ])
    expect(JSON.stringify(body)).not.toContain("4242424242424242")
    expect((await control(sandbox(), "GET", "requests?env=all")).body.data).toHaveLength(2)
  })

  it("controls can be turned off", async () => {
    const closed = await startSandbox({ port: 0, controls: false })
    try {
      expect((await control(closed, "GET", "clock")).status).toBe(404)
      expect((await control(closed, "POST", "reset")).status).toBe(404)
    } finally {
      await closed.close()
    }
  })

  it("a bad control request is a 400 with an error object", async () => {
    const reply = await control(sandbox(), "POST", "faults", { path: "/api/v2/charge", type: "explode" })
    expect(reply.status).toBe(400)
    expect(reply.body.error.message).toMatch(/^type:/)
    expect((await control(sandbox(), "POST", "cards/card_nope/decline", { code: "card_declined" })).status).toBe(404)
  })
})
