import { chargeParams, control, formEncode, post, TEST_KEYS, useSandbox } from "./http-kit"

const sandbox = useSandbox()

function rawCharge(headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(`${sandbox().apiBaseUrl}/charge`, {
    method: "POST",
    headers: { ...TEST_KEYS, "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: formEncode(chargeParams()),
    signal,
  })
}

describe("injected faults", () => {
  it("500 answers api_error once (count defaults to 1) and moves no money", async () => {
    await control(sandbox(), "POST", "faults", { path: "/api/v2/charge", type: "500" })
    const reply = await post(sandbox(), "charge", chargeParams())
    expect(reply.status).toBe(500)
    expect(reply.body).toMatchObject({ status: false, code: "api_error" })
    expect(sandbox().controls.list("charges")).toEqual([])
    expect((await post(sandbox(), "charge", chargeParams())).status).toBe(200)
  })

  it("http_status 429 answers rate_limited with Retry-After: 1; 503 answers 503", async () => {
    sandbox().controls.injectFault({ path: "charge", type: "http_status", status: 429 })
    sandbox().controls.injectFault({ path: "charge", type: "http_status", status: 503 })
    const limited = await post(sandbox(), "charge", chargeParams())
    expect([limited.status, limited.body.code, limited.headers.get("retry-after")]).toEqual([429, "rate_limited", "1"])
    expect((await post(sandbox(), "charge", chargeParams())).status).toBe(503)
  })

  it("malformed answers 200 with a body that is not JSON", async () => {
    sandbox().controls.injectFault({ path: "/api/v2/charge", type: "malformed" })
    const res = await rawCharge()
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(() => JSON.parse(text)).toThrow()
  })

  it("status_false answers 200 with status false and processing_error", async () => {
    sandbox().controls.injectFault({ path: "/api/v2/charge", type: "status_false" })
    const reply = await post(sandbox(), "charge", chargeParams())
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({ status: false, code: "processing_error" })
  })

  it("reset destroys the socket: fetch fails", async () => {
    sandbox().controls.injectFault({ path: "/api/v2/charge", type: "reset" })
    await expect(rawCharge()).rejects.toThrow()
    expect(sandbox().controls.list("charges")).toEqual([])
    expect(sandbox().controls.list("requests")[0]).toMatchObject({ status: null, fault: "reset" })
  })

  it("hang never answers; the client's timeout fires and nothing is charged", async () => {
    sandbox().controls.injectFault({ path: "/api/v2/charge", type: "hang" })
    const started = Date.now()
    await expect(rawCharge({}, AbortSignal.timeout(300))).rejects.toThrow()
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    expect(sandbox().controls.list("charges")).toEqual([])
  })

  it("delay waits, then answers normally", async () => {
    sandbox().controls.injectFault({ path: "/api/v2/charge", type: "delay", delay_ms: 300 })
    const started = Date.now()
    const res = await rawCharge()
    expect(res.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
    expect(sandbox().controls.list("charges")).toHaveLength(1)
  })

  it("delay without process: a client that gives up first leaves no charge", async () => {
    sandbox().controls.injectFault({ path: "/api/v2/charge", type: "delay", delay_ms: 400 })
    await expect(rawCharge({}, AbortSignal.timeout(100))).rejects.toThrow()
    await new Promise((r) => setTimeout(r, 450))
    expect(sandbox().controls.list("charges")).toEqual([])
  })

  it.each(["reset", "500", "hang", "malformed"] as const)(
    "%s with process:true moves the money first; a retry with the same Idempotency-Key replays instead of charging twice",
    async (type) => {
      sandbox().controls.injectFault({ path: "/api/v2/charge", type, process: true })
      const headers = { "Idempotency-Key": `retry-${type}` }
      const first = await rawCharge(headers, AbortSignal.timeout(300)).then(
        (res) => res.status,
        () => "failed",
      )
      expect(first === "failed" || first === 500 || first === 200).toBe(true)
      expect(sandbox().controls.list("charges")).toHaveLength(1)
      const retry = await post(sandbox(), "charge", chargeParams(), { headers })
      expect(retry.status).toBe(200)
      expect(retry.headers.get("idempotent-replayed")).toBe("true")
      expect(retry.body.charge_id).toBe(sandbox().controls.list("charges")[0].charge_id)
      expect(sandbox().controls.list("charges")).toHaveLength(1)
    },
  )

  it("a fault without process is not stored for idempotency: the retry processes for real", async () => {
    sandbox().controls.injectFault({ path: "/api/v2/charge", type: "500" })
    const headers = { "Idempotency-Key": "after-500" }
    expect((await post(sandbox(), "charge", chargeParams(), { headers })).status).toBe(500)
    const retry = await post(sandbox(), "charge", chargeParams(), { headers })
    expect([retry.status, retry.headers.get("idempotent-replayed")]).toEqual([200, null])
  })

  it("count, path matching and the faults list; DELETE clears", async () => {
    await control(sandbox(), "POST", "faults", { path: "/api/v2/charge", type: "500", count: 2 })
    await control(sandbox(), "POST", "faults", { path: "/api/v2/refund", type: "500" })
    expect((await control(sandbox(), "GET", "faults")).body.data).toHaveLength(2)
    expect((await post(sandbox(), "customer", { name: "x" })).status).toBe(400)
    expect((await post(sandbox(), "charge", chargeParams())).status).toBe(500)
    expect((await post(sandbox(), "charge", chargeParams())).status).toBe(500)
    expect((await post(sandbox(), "charge", chargeParams())).status).toBe(200)
    await control(sandbox(), "DELETE", "faults")
    expect((await control(sandbox(), "GET", "faults")).body.data).toEqual([])
  })

  it("the request log shows each attempt, so tests can prove a client did not retry", async () => {
    sandbox().controls.injectFault({ path: "/api/v2/charge", type: "500" })
    await post(sandbox(), "charge", chargeParams())
    expect(sandbox().controls.list("requests").map((r) => [r.path, r.status, r.fault])).toEqual([["/api/v2/charge", 500, "500"]])
  })

  it("close() ends hung requests", async () => {
    const { startSandbox } = await import("../start-sandbox")
    const own = await startSandbox({ port: 0 })
    own.controls.injectFault({ path: "*", type: "hang" })
    const pending = fetch(`${own.apiBaseUrl}/customer`, { method: "POST", headers: TEST_KEYS, body: "" }).then(
      () => "answered",
      () => "failed",
    )
    await new Promise((r) => setTimeout(r, 100))
    await own.close()
    expect(await pending).toBe("failed")
  })
})
