import { answerData, STOREFRONT_FIELDS, toV2SessionData } from "../session-data-v2"

describe("the 2.x session data", () => {
  const storefront = {
    cardholder_name: "Ada Lovelace",
    card_number: "4242424242424242",
    exp_month: 12,
    exp_year: 2030,
    cvc: "123",
    save_card: true,
    is_default: true,
    email: "ada@example.com",
    billing_address: { first_name: "Ada" },
  }

  it("answers every storefront field, so Medusa's merge of data and answer keeps no card field", () => {
    const answer = answerData({ amount: 3702, currency_code: "usd", card_id: "card_1", card_last_4: "4242", email: "ada@example.com" })
    const merged = { ...storefront, ...answer }
    expect(merged).toMatchObject({ card_number: null, cvc: null, cardholder_name: null, exp_month: null, exp_year: null, save_card: null, is_default: null, billing_address: null })
    expect(merged.card_id).toBe("card_1")
    expect(merged.email).toBe("ada@example.com")
    expect(JSON.stringify(merged)).not.toMatch(/4242424242424242|"123"/)
    for (const field of STOREFRONT_FIELDS) expect(field in answer).toBe(true)
  })

  it("keeps only whitelisted fields, and a complete gateway address", () => {
    const billing = { name: "Ada", address: "1 Main St", city: "Nashville", zip: "37201", state: "TN", country: "US" }
    expect(toV2SessionData({ ...storefront, amount: 100, currency_code: "usd", session_id: "payses_1", billing, extra: "x" })).toEqual({
      amount: 100,
      currency_code: "usd",
      session_id: "payses_1",
      email: "ada@example.com",
      billing,
    })
    expect(toV2SessionData({ billing: { name: "Ada" } }).billing).toBeUndefined()
    expect(toV2SessionData(null)).toEqual({})
  })
})
