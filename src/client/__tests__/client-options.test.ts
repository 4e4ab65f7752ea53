import { DEFAULT_BASE_URL, resolveClientOptions } from "../client-options"

describe("resolveClientOptions", () => {
  it("fills the documented defaults", () => {
    expect(resolveClientOptions({ apiKey: "k", apiSecret: "s" })).toEqual({
      apiKey: "k",
      apiSecret: "s",
      baseUrl: DEFAULT_BASE_URL,
      timeoutMs: 30000,
      maxRetries: 2,
      retryBaseDelayMs: 300,
      retryMaxDelayMs: 5000,
      logger: undefined,
    })
    expect(DEFAULT_BASE_URL).toBe("https://api.instantmerchant.io/api/v2")
  })

  it("drops a trailing slash from baseUrl", () => {
    expect(resolveClientOptions({ apiKey: "k", apiSecret: "s", baseUrl: "http://127.0.0.1:4010/api/v2/" }).baseUrl).toBe(
      "http://127.0.0.1:4010/api/v2"
    )
  })

  it.each([
    [{ apiKey: "", apiSecret: "s" }, "apiKey"],
    [{ apiKey: "k", apiSecret: undefined as unknown as string }, "apiSecret"],
    [{ apiKey: "k", apiSecret: "s", baseUrl: "ftp://x" }, "baseUrl"],
    [{ apiKey: "k", apiSecret: "s", baseUrl: "http://api.instantmerchant.io/api/v2" }, "baseUrl"],
    [{ apiKey: "k", apiSecret: "s", timeoutMs: 0 }, "timeoutMs"],
    [{ apiKey: "k", apiSecret: "s", timeoutMs: 1.5 }, "timeoutMs"],
    [{ apiKey: "k", apiSecret: "s", maxRetries: -1 }, "maxRetries"],
  ])("refuses %j, naming %s", (options, field) => {
    expect(() => resolveClientOptions(options)).toThrow(new RegExp(`${field}:`))
  })

  it("never puts the secret in its error", () => {
    expect(() => resolveClientOptions({ apiKey: "k", apiSecret: "supersecret", timeoutMs: -5 })).toThrow(/timeoutMs/)
    try {
      resolveClientOptions({ apiKey: "k", apiSecret: "supersecret", timeoutMs: -5 })
    } catch (e) {
      expect(String(e)).not.toContain("supersecret")
    }
  })
})
