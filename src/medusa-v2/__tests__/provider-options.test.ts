import { resolveV2Options } from "../provider-options"

const refusal = (options: Record<string, unknown>): string => {
  try {
    resolveV2Options(options)
    return "accepted"
  } catch (e) {
    return (e as Error).message
  }
}
const keys = { api_key: "key", api_secret: "s3cr3t-value" }

describe("the 2.x provider's options", () => {
  it("fills in the defaults", () => {
    expect(resolveV2Options(keys)).toEqual({
      ...keys,
      base_url: "https://api.instantmerchant.io/api/v2",
      capture: false,
      send_email: false,
      timeout_ms: 30000,
      max_retries: 2,
      invoice_due_days: 0,
      invoice_send_now: false,
    })
  })

  it.each([
    [{}, "api_key is required"],
    [{ ...keys, api_secret: 42 }, "api_secret is required (a non-empty string), got number"],
    [{ ...keys, base_url: "http://gateway.example.com/api/v2" }, "base_url must use https"],
    [{ ...keys, base_url: "http://127.0.0.1:4010/api/v2" }, "accepted"],
    [{ ...keys, capture: "yes" }, 'capture must be true or false, got "yes"'],
    [{ ...keys, capture: "true" }, "accepted"],
    [{ ...keys, timeout_ms: 0 }, "timeout_ms must be an integer from 1 to 600000"],
    [{ ...keys, invoice_send_to: "nobody" }, "invoice_send_to must be an email address"],
    [{ ...keys, subscription_renewal_lead_hours: 24 }, "subscription_renewal_lead_hours is an option of the plugin, not of the payment provider: set it under plugins: [{ resolve: \"medusa-payment-instantmerchant\", options }]"],
    [{ ...keys, apiKey: "x" }, "apiKey is not an option of this provider"],
  ])("%p → %s", (options, expected) => {
    expect(refusal(options)).toContain(expected)
  })

  it("never quotes the secret", () => {
    expect(refusal({ api_key: "k", api_secret: "s3cr3t-value", capture: 1 })).not.toContain("s3cr3t")
  })
})
