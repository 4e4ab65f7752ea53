import { NewCardInput } from "../card-input"
import { cardKeyPart } from "../card-key"

const details: NewCardInput = { kind: "new", cardholder_name: "Jim Doe", card_number: "4242424242424242", exp_month: 12, exp_year: 2030, cvc: "123", save_card: false, is_default: false }

describe("cardKeyPart", () => {
  it.each([
    [{ kind: "saved" as const, card_id: "card_1", is_default: false }, /^card_1_0$/],
    [{ kind: "saved" as const, card_id: "card_1", is_default: true }, /^card_1_1$/],
    [details, /^card_4242_12_2030_[a-p]{8}$/],
  ])("%j: %s", (card, pattern) => expect(cardKeyPart(card)).toMatch(pattern))

  it("changes with the name and flags, and never holds the number or CVC", () => {
    expect(cardKeyPart({ ...details, cardholder_name: "Jane" })).not.toBe(cardKeyPart(details))
    expect(cardKeyPart({ ...details, save_card: true })).not.toBe(cardKeyPart(details))
    expect(cardKeyPart(details)).not.toContain("4242424242424242")
    expect(cardKeyPart({ ...details, cvc: "999" })).toBe(cardKeyPart(details))
  })
})
