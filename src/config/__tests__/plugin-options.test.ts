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
      invoice_due_days: 0,
      invoice_send_now: false,
      subscription_renewal_lead_hours: 24,
      subscription_retry_hours: [24, 72],
      use_sandbox_clock: false,
      subscription_allow_mixed_cart: false,
      subscription_renewal_orders: false,
      subscription_renewal_concurrency: 4,
    })
  })

  it("reads the invoice and subscription options", () => {
    expect(
      resolvePluginOptions({
        api_key: "k", api_secret: "s", invoice_due_days: "14", invoice_send_now: true, invoice_send_to: "books@shop.example", invoice_to_staff: 254,
        subscription_renewal_lead_hours: 0, subscription_retry_hours: "12,48,96", use_sandbox_clock: true,
        subscription_allow_mixed_cart: "true", subscription_renewal_orders: true, subscription_renewal_concurrency: "8",
      })
    ).toMatchObject({
      invoice_due_days: 14, invoice_send_now: true, invoice_send_to: "books@shop.example", invoice_to_staff: "254",
      subscription_renewal_lead_hours: 0, subscription_retry_hours: [12, 48, 96], use_sandbox_clock: true,
      subscription_allow_mixed_cart: true, subscription_renewal_orders: true, subscription_renewal_concurrency: 8,
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
    [{ api_key: "k", api_secret: "s", base_url: "api.instantmerchant.io" }, "base_url must be a URL"],
    [{ api_key: "k", api_secret: "s", base_url: "http://api.instantmerchant.io/api/v2" }, "base_url must use https"],
    [{ api_key: "k", api_secret: "s", base_url: "http://10.0.0.5:4010/api/v2" }, "base_url must use https"],
    [{ api_key: "k", api_secret: "s", base_url: "ftp://api.instantmerchant.io" }, "base_url must be an https URL, not ftp"],
    [{ api_key: "k", api_secret: "s", capture: "yes" }, "capture must be true or false"],
    [{ api_key: "k", api_secret: "s", send_email: 1 }, "send_email must be true or false"],
    [{ api_key: "k", api_secret: "s", timeout_ms: 0 }, "timeout_ms must be an integer"],
    [{ api_key: "k", api_secret: "s", max_retries: 2.5 }, "max_retries must be an integer"],
    [{ api_key: "k", api_secret: "s", apiKey: "k" }, "apiKey is not an option"],
    [{ api_key: "k", api_secret: "s", invoice_due_days: -1 }, "invoice_due_days must be an integer from 0 to 365"],
    [{ api_key: "k", api_secret: "s", invoice_send_to: "not-an-email" }, "invoice_send_to must be an email address"],
    [{ api_key: "k", api_secret: "s", subscription_retry_hours: [72, 24] }, "subscription_retry_hours must increase"],
    [{ api_key: "k", api_secret: "s", subscription_retry_hours: [1.5] }, "subscription_retry_hours must be a list of whole hours"],
    [{ api_key: "k", api_secret: "s", subscription_retry_hours: "" }, "subscription_retry_hours must be a list of whole hours"],
    [{ api_key: "k", api_secret: "s", subscription_retry_hours: " , " }, "subscription_retry_hours must be a list of whole hours"],
    [{ api_key: "k", api_secret: "s", use_sandbox_clock: "yes" }, "use_sandbox_clock must be true or false"],
    [{ api_key: "k", api_secret: "s", subscription_renewal_concurrency: 0 }, "subscription_renewal_concurrency must be an integer from 1 to 32, got 0"],
    [{ api_key: "k", api_secret: "s", subscription_renewal_concurrency: 33 }, "subscription_renewal_concurrency must be an integer from 1 to 32"],
    [{ api_key: "k", api_secret: "s", subscription_renewal_concurrency: "four" }, "subscription_renewal_concurrency must be an integer from 1 to 32"],
  ])("refuses %j: %s", (options, message) => {
    expect(() => resolvePluginOptions(options)).toThrow(message)
  })

  it("never quotes the secret", () => {
    expect(() => resolvePluginOptions({ api_key: "k", api_secret: 12345678 })).toThrow("api_secret is required (a non-empty string), got number")
  })
})
