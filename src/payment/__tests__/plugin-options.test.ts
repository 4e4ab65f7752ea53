import { resolvePluginOptions } from "../plugin-options"

describe("resolvePluginOptions", () => {
  it("fills the documented defaults", () => {
    expect(resolvePluginOptions({ api_key: "k", api_secret: "s" })).toEqual({
      api_key: "k",
      api_secret: "s",
      base_url: "https://api.instantmerchant.io/api/v2",
      capture: false,
      send_email: false,
      timeout_ms: 30000,
      max_retries: 2,
    })
  })

  it("accepts every option, and string forms that come from environment variables", () => {
    expect(
      resolvePluginOptions({ api_key: "k", api_secret: "s", base_url: "http://127.0.0.1:4010/api/v2/", capture: "true", send_email: true, timeout_ms: "5000", max_retries: 0 })
    ).toMatchObject({ base_url: "http://127.0.0.1:4010/api/v2", capture: true, send_email: true, timeout_ms: 5000, max_retries: 0 })
  })

  it.each([
    [undefined, "api_key is required"],
    [{ api_secret: "s" }, "api_key is required"],
    [{ api_key: "k" }, "api_secret is required"],
    [{ api_key: "k", api_secret: "s", base_url: "api.instantmerchant.io" }, "base_url must be an http(s) URL"],
    [{ api_key: "k", api_secret: "s", capture: "yes" }, "capture must be true or false"],
    [{ api_key: "k", api_secret: "s", send_email: 1 }, "send_email must be true or false"],
    [{ api_key: "k", api_secret: "s", timeout_ms: 0 }, "timeout_ms must be an integer"],
    [{ api_key: "k", api_secret: "s", max_retries: 2.5 }, "max_retries must be an integer"],
    [{ api_key: "k", api_secret: "s", apiKey: "k" }, "apiKey is not an option"],
  ])("refuses %j: %s", (options, message) => {
    expect(() => resolvePluginOptions(options)).toThrow(message)
  })

  it("never quotes the secret", () => {
    expect(() => resolvePluginOptions({ api_key: "k", api_secret: 12345678 })).toThrow("api_secret is required (a non-empty string), got number")
  })
})
