import { parseCardInput } from "../card-input"
import { parseCardExpiry } from "../card-expiry"
import { passesLuhn } from "../luhn"
import { refusedField as fieldOf } from "../../__fixtures__/refusal"

const now = new Date(Date.UTC(2026, 10, 22))
const good = { cardholder_name: "Jim", card_number: "4242424242424242", exp_month: 12, exp_year: 2030, cvc: "123" }


describe("passesLuhn", () => {
  it.each([
    ["4242424242424242", true],
    ["4111111111111111", true],
    ["5555555555554444", true],
    ["4000000000000002", true],
    ["378282246310005", true],
    ["4242424242424241", false],
    ["1234567812345678", false],
    ["42424242a2424242", false],
    ["", false],
  ])("%s → %p", (n, ok) => expect(passesLuhn(n)).toBe(ok))
})

describe("parseCardExpiry", () => {
  it.each([
    [12, 2030, { month: 12, year: 2030 }],
    ["03", "27", { month: 3, year: 2027 }],
    [11, 2026, { month: 11, year: 2026 }],
  ])("%p/%p is valid", (m, y, expected) => expect(parseCardExpiry(m, y, now)).toEqual(expected))

  it.each([
    [10, 2026, "exp_year"],
    [12, 2025, "exp_year"],
    [13, 2030, "exp_month"],
    [0, 2030, "exp_month"],
    ["1a", 2030, "exp_month"],
    [12, 203, "exp_year"],
    [12, 20300, "exp_year"],
    [1.5, 2030, "exp_month"],
  ])("%p/%p is refused on %s", (m, y, field) => expect(fieldOf(() => parseCardExpiry(m, y, now))).toBe(field))
})

describe("parseCardInput reads the storefront data contract", () => {
  it("accepts card details and normalizes them", () => {
    expect(parseCardInput({ ...good, card_number: "4242 4242 4242 4242", save_card: "true" }, now)).toEqual({
      kind: "new",
      cardholder_name: "Jim",
      card_number: "4242424242424242",
      exp_month: 12,
      exp_year: 2030,
      cvc: "123",
      save_card: true,
      is_default: false,
    })
  })

  it("accepts names in any script, with accents, apostrophes and hyphens", () => {
    for (const name of ["José Müller-O'Brien", "李小龍", "Ærøskøbing Ŝ."]) expect(parseCardInput({ ...good, cardholder_name: name }, now)).toMatchObject({ kind: "new", cardholder_name: name })
  })

  it("accepts a saved card id", () => {
    expect(parseCardInput({ card_id: "card_585a3da60deae" }, now)).toEqual({ kind: "saved", card_id: "card_585a3da60deae", is_default: false })
  })

  it.each([
    [undefined, "data"],
    [{}, "card_number"],
    [{ ...good, cardholder_name: " " }, "cardholder_name"],
    [{ ...good, cardholder_name: "Jim\u0000Doe" }, "cardholder_name"],
    [{ ...good, cardholder_name: "Jim\nDoe" }, "cardholder_name"],
    [{ ...good, cardholder_name: "Jim\tDoe" }, "cardholder_name"],
    [{ ...good, cardholder_name: "Jim\u0085Doe" }, "cardholder_name"],
    [{ ...good, card_number: "4242424242424241" }, "card_number"],
    [{ ...good, card_number: "4242-abcd" }, "card_number"],
    [{ ...good, card_number: "42424242" }, "card_number"],
    [{ ...good, card_number: 4242424242424242 }, "card_number"],
    [{ ...good, exp_month: 13 }, "exp_month"],
    [{ ...good, exp_year: 2020 }, "exp_year"],
    [{ ...good, cvc: "12" }, "cvc"],
    [{ ...good, cvc: "12345" }, "cvc"],
    [{ ...good, cvc: 123 }, "cvc"],
    [{ ...good, save_card: "yes" }, "save_card"],
    [{ ...good, card_id: "card_1" }, "card_id"],
    [{ card_id: "cha_1" }, "card_id"],
    [{ card_id: "card_x'; drop" }, "card_id"],
  ])("refuses %j, naming %s", (data, field) => {
    expect(fieldOf(() => parseCardInput(data as Record<string, unknown>, now))).toBe(field)
  })

  it("never quotes the card number or the CVC in its errors", () => {
    for (const data of [
      { ...good, card_number: "4242424242424241" },
      { ...good, cvc: "98" },
      { ...good, exp_year: 2001 },
    ]) {
      try {
        parseCardInput(data, now)
        throw new Error("expected a refusal")
      } catch (e) {
        expect((e as Error).message).not.toMatch(/424242/)
        expect((e as Error).message).not.toMatch(/\b98\b/)
      }
    }
  })
})
