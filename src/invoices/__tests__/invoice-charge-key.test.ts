import { NewCardInput, SavedCardInput } from "../../rules/card/card-input"
import { invoiceChargeKey } from "../invoice-charge-key"

const saved: SavedCardInput = { kind: "saved", card_id: "card_1", is_default: false }
const details: NewCardInput = { kind: "new", cardholder_name: "Jim Doe", card_number: "4242424242424242", exp_month: 12, exp_year: 2030, cvc: "123", save_card: false, is_default: false }
const base = { card: saved, payment_mode: "auth_and_capture" as const, send_email: false }

describe("invoiceChargeKey", () => {
  const key = invoiceChargeKey(42, base)

  it("is stable for the same charge", () => {
    expect(invoiceChargeKey(42, { ...base })).toBe(key)
    expect(key).toBe("im_invoice_charge_42_auth_and_capture_0_card_1_0")
  })

  it.each([
    ["another payment mode", { ...base, payment_mode: "auth_only" as const }],
    ["a receipt asked for", { ...base, send_email: true }],
    ["another saved card", { ...base, card: { ...saved, card_id: "card_2" } }],
    ["the card made the default", { ...base, card: { ...saved, is_default: true } }],
    ["card details instead", { ...base, card: details }],
  ])("%s changes the key", (_what, input) => {
    expect(invoiceChargeKey(42, input)).not.toBe(key)
  })

  it.each([
    ["another expiry", { ...details, exp_year: 2031 }],
    ["another last 4", { ...details, card_number: "4000056655665556" }],
    ["another name", { ...details, cardholder_name: "Jane Doe" }],
    ["saving the card", { ...details, save_card: true }],
  ])("card details: %s changes the key", (_what, card) => {
    expect(invoiceChargeKey(42, { ...base, card })).not.toBe(invoiceChargeKey(42, { ...base, card: details }))
  })

  it("never holds the card number or the CVC", () => {
    const withDetails = invoiceChargeKey(42, { ...base, card: details })
    expect(withDetails).not.toContain("4242424242424242")
    expect(withDetails).toContain("4242_12_2030")
    expect(withDetails).not.toMatch(/\d{12}/)
  })
})
