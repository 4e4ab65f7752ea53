import { addInterval } from "../billing-interval"
import { cardBrand, cardNumberProblem, isExpired, parseExpMonth, parseExpYear, passesLuhn } from "../cards/card-checks"
import { normalizeIp } from "../environments"
import { canonicalParams, parseForm } from "../http/parse-body"
import { newId } from "../store/state"
import { DECLINING_TEST_CARDS, TEST_CARDS } from "../cards/test-cards"

const utc = (iso: string) => Date.parse(iso) / 1000

describe("card checks (the oracle's own, table-tested)", () => {
  it.each(Object.values(TEST_CARDS))("test card %s passes Luhn", (number) => {
    expect(cardNumberProblem(number)).toBeNull()
  })

  it.each([
    ["4242424242424241", "must pass the Luhn check"],
    ["4242-4242-4242-4242", "must contain digits only, without separators"],
    ["42424242424", "must have 12 to 19 digits"],
    ["42424242424242424242", "must have 12 to 19 digits"],
  ])("%s: %s", (number, reason) => {
    expect(cardNumberProblem(number)).toBe(reason)
  })

  it("Luhn on a known pair", () => {
    expect([passesLuhn("79927398713"), passesLuhn("79927398710")]).toEqual([true, false])
  })

  it.each([["3", 3], ["03", 3], ["12", 12], ["0", "must be a month number from 1 to 12"], ["13", "must be a month number from 1 to 12"], ["1a", "must be a month number from 1 to 12"]])(
    "exp_month %s → %s",
    (raw, expected) => expect(parseExpMonth(raw)).toBe(expected),
  )

  it.each([["25", 2025], ["2031", 2031], ["5", "must be a two or four digit year"], ["20311", "must be a two or four digit year"]])("exp_year %s → %s", (raw, expected) => {
    expect(parseExpYear(raw)).toBe(expected)
  })

  it.each([
    [3, 2025, "2025-03-31T23:59:59Z", false],
    [3, 2025, "2025-04-01T00:00:00Z", true],
    [12, 2024, "2025-01-01T00:00:00Z", true],
    [1, 2026, "2025-12-31T00:00:00Z", false],
  ])("card %i/%i at %s expired: %s", (month, year, at, expired) => {
    expect(isExpired(month, year, utc(at))).toBe(expired)
  })

  it.each([[TEST_CARDS.visa, "visa"], [TEST_CARDS.mastercard, "mastercard"], ["2221000000000009", "mastercard"], ["378282246310005", ""]])("brand of %s is '%s'", (number, brand) => {
    expect(cardBrand(number)).toBe(brand)
  })

  it("declining cards: four decline when stored, two only when charged", () => {
    expect(DECLINING_TEST_CARDS.filter((c) => c.when === "verify").map((c) => c.number)).toEqual([TEST_CARDS.declined, TEST_CARDS.expiredCard, TEST_CARDS.incorrectCvc, TEST_CARDS.processingError])
    expect(DECLINING_TEST_CARDS.filter((c) => c.when === "charge").map((c) => c.code)).toEqual(["insufficient_funds", "card_declined"])
  })
})

describe("billing intervals", () => {
  it.each([
    ["2025-01-31T10:00:00Z", "monthly", "2025-02-28T10:00:00Z"],
    ["2024-01-31T10:00:00Z", "monthly", "2024-02-29T10:00:00Z"],
    ["2025-11-30T00:00:00Z", "quarterly", "2026-02-28T00:00:00Z"],
    ["2024-02-29T12:00:00Z", "yearly", "2025-02-28T12:00:00Z"],
    ["2025-12-15T08:30:00Z", "monthly", "2026-01-15T08:30:00Z"],
    ["2025-03-01T00:00:00Z", "weekly", "2025-03-08T00:00:00Z"],
  ] as const)("%s + %s = %s", (from, interval, to) => {
    expect(addInterval(utc(from), interval)).toBe(utc(to))
  })
})

describe("body parsing", () => {
  it("PHP arrays, last value for repeated scalars, + as space", () => {
    expect(parseForm("items[]=a&items[]=b+c&amount=1&amount=2&items_price[0]=5")).toEqual({ items: ["a", "b c"], amount: "2", items_price: ["5"] })
  })

  it("canonical params ignore key order", () => {
    expect(canonicalParams({ a: "1", b: ["x"] })).toBe(canonicalParams({ b: ["x"], a: "1" }))
  })

  it("canonical params are the JSON text of the sorted pairs, whatever the names and values hold", () => {
    // Stored digests (and data files) depend on this exact text.
    const odd = ['"', "\\", "\u0000", "\u001f", "\ud800", "\udc00", "😀", "é", "a\"b", "", "__proto__", "[]", "{}"]
    let seed = 11
    const pick = () => odd[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % odd.length]
    for (let n = 0; n < 2000; n++) {
      const params: Record<string, string | string[]> = Object.create(null)
      for (let k = 0; k < 4; k++) params[`${pick()}${k}${pick()}`] = k === 3 ? [pick(), pick()] : `${pick()}${pick()}`
      const pairs = Object.keys(params).sort().map((name) => [name, params[name]])
      expect(canonicalParams(params)).toBe(JSON.stringify(pairs))
    }
  })

  it("normalises IPv4-mapped addresses", () => {
    expect([normalizeIp("::ffff:127.0.0.1"), normalizeIp("::1"), normalizeIp("10.0.0.1")]).toEqual(["127.0.0.1", "::1", "10.0.0.1"])
  })
})

describe("ids", () => {
  it("never carry a digit run that could pass for a card number", () => {
    // 1 in ~300 raw draws is all digits; 20 000 ids make a miss near-certain if the guard is gone.
    const ids = Array.from({ length: 20_000 }, () => newId("cha"))
    expect(ids.filter((id) => /\d{12}/.test(id))).toEqual([])
  })
})
