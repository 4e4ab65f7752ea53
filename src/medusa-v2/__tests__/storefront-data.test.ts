import { refusalOf as refusal, refusedField } from "../../rules/__fixtures__/refusal"
import { readStorefrontData } from "../storefront-data"

const NOW = new Date("2026-01-15T00:00:00Z")
const address = { first_name: "Ada", last_name: "Lovelace", address_1: "1 Main St", city: "Nashville", postal_code: "37201", province: "Tennessee", country_code: "us" }
const card = { cardholder_name: "Ada Lovelace", card_number: "4242 4242 4242 4242", exp_month: 12, exp_year: 2030, cvc: "123" }
const read = (data: Record<string, unknown>, customer?: Record<string, unknown>) => readStorefrontData(data, customer, NOW)

describe("the storefront's payment data on Medusa 2.x", () => {
  it("reads a new card with the email and billing address the charge needs", () => {
    const entry = read({ ...card, email: "ada@example.com", billing_address: address, session_id: "payses_1" })
    expect(entry.card).toMatchObject({ kind: "new", card_number: "4242424242424242", exp_month: 12, exp_year: 2030, save_card: false })
    expect(entry.email).toBe("ada@example.com")
    expect(entry.billing).toEqual({ name: "Ada Lovelace", address: "1 Main St", city: "Nashville", zip: "37201", state: "TN", country: "US" })
  })

  it("takes a signed-in customer's email and default billing address when the data has none", () => {
    const entry = read({ card_id: "card_abc123" }, { email: "grace@example.com", billing_address: address })
    expect(entry.card).toEqual({ kind: "saved", card_id: "card_abc123", is_default: false })
    expect(entry.email).toBe("grace@example.com")
    expect(entry.billing?.state).toBe("TN")
  })

  it("keeps the billing interval a subscription cart's session carries (the plugin's middleware sets it from the cart)", () => {
    expect(read({ ...card, email: "ada@example.com", billing_address: address, interval: "monthly" }).interval).toBe("monthly")
    expect(read({ interval: "yearly" })).toEqual({ interval: "yearly" })
    expect(read({ ...card, email: "ada@example.com", billing_address: address }).interval).toBeUndefined()
    expect(refusedField(() => read({ ...card, email: "ada@example.com", billing_address: address, interval: "daily" }))).toBe("interval")
  })

  it("is an empty entry when no card was sent yet", () => {
    expect(read({})).toEqual({})
    expect(read({ email: "ada@example.com", session_id: "payses_1" })).toEqual({})
  })

  it.each([
    [{ ...card, number: "4242424242424242", email: "a@b.co", billing_address: address }, "number"],
    [{ pan: "4242424242424242" }, "pan"],
    [{ ...card, billing_address: address }, "email"],
    [{ ...card, email: "not-an-email", billing_address: address }, "email"],
    [{ ...card, email: "a@b.co" }, "billing_address"],
    [{ ...card, email: "a@b.co", billing_address: { ...address, province: "" } }, "billing_address.province"],
    [{ ...card, card_number: "4242424242424241", email: "a@b.co", billing_address: address }, "card_number"],
    [{ ...card, cvc: "12", email: "a@b.co", billing_address: address }, "cvc"],
    [{ card_id: "card_abc", card_number: "4242424242424242" }, "card_id"],
    [{ save_card: true }, "card_number"],
  ])("refuses %p, naming %s", (data, field) => {
    expect(refusedField(() => read(data))).toBe(field)
  })

  it("never quotes the card number or the CVC in a refusal", () => {
    const message = refusal(() => read({ ...card, card_number: "4242424242424241", cvc: "999", email: "a@b.co", billing_address: address }))
    expect(message).not.toContain("4242")
    expect(message).not.toContain("999")
  })
})
