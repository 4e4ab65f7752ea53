import { currencyExponent, majorToMinor } from "../money/major-to-minor"
import { refusalOf as refusal } from "../__fixtures__/refusal"

/** Medusa 2.x's BigNumber keeps its exact value in `raw`; a stand-in with the same shape. */
const medusaBigNumber = (value: string) => ({ numeric: Number(value), raw: { value, precision: 20 } })
/** bignumber.js prints its exact value with `toFixed()`. */
const bignumberJs = (value: string) => ({ toFixed: () => value })

describe("majorToMinor converts exactly, or refuses", () => {
  it.each([
    // Amounts that `Math.round(x * 100)` or `parseInt(x * 100)` gets wrong or only right by luck.
    [37.02, "usd", 3702], // 37.02 * 100 = 3701.9999999999995: parseInt loses a cent
    [19.99, "usd", 1999], // 19.99 * 100 = 1998.9999999999998
    [1.1, "usd", 110], // 1.1 * 100 = 110.00000000000001
    [0.29, "usd", 29], // 0.29 * 100 = 28.999999999999996
    [4.35, "usd", 435], // 4.35 * 100 = 434.99999999999994
    [1, "usd", 100],
    [0, "usd", 0],
    [1500, "usd", 150000],
    ["37.02", "usd", 3702],
    ["1.25", "usd", 125],
    ["1.2", "usd", 120],
    ["5.", "usd", 500],
    [".5", "usd", 50],
    ["  12.00 ", "usd", 1200],
    ["0012.50", "usd", 1250],
    ["1.250000", "usd", 125], // trailing zeros are no fraction of a cent
    ["+3.00", "usd", 300],
    ["-0", "usd", 0],
    ["1.5e2", "usd", 15000],
    ["125e-2", "usd", 125],
    [1e21, "usd", "too large"],
    [{ value: "1.25", precision: 20 }, "usd", 125],
    [{ value: 37.02 }, "usd", 3702],
    [medusaBigNumber("1.25"), "usd", 125],
    [medusaBigNumber("100"), "usd", 10000],
    [bignumberJs("0.07"), "usd", 7],
    // The currency decides the exponent: a fixed × 100 charges yen 100× too much and dinars a tenth.
    [1500, "jpy", 1500],
    ["1500", "JPY", 1500],
    [1.234, "kwd", 1234],
    [10, "bhd", 10000],
    [12.34, "eur", 1234],
    [9007199254740.99, "usd", 900719925474099],
  ])("%p %s → %p", (amount, currency, expected) => {
    if (typeof expected === "number") expect(majorToMinor(amount, currency)).toBe(expected)
    else expect(refusal(() => majorToMinor(amount, currency))).toContain(expected)
  })

  it.each([
    [0.1 + 0.2, "usd", "0.30000000000000004 USD is not a whole number"], // float arithmetic leaked upstream: never rounded
    [1e-7, "usd", "1e-7 USD is not a whole number"],
    ["19.999", "usd", "19.999 USD is not a whole number"],
    [19.999, "usd", "not a whole number"],
    ["0.001", "usd", "not a whole number"],
    [1.5, "jpy", "1.5 JPY is not a whole number of the currency's minor unit (0 decimals)"],
    ["1.2345", "kwd", "not a whole number"],
    [-1, "usd", "must not be negative, got -1"],
    ["-0.01", "usd", "must not be negative"],
    [-5, "jpy", "must not be negative"],
    [Number.MAX_SAFE_INTEGER, "usd", "too large"],
    ["90071992547409.92", "usd", "too large"],
    ["1e9999", "usd", "too large"],
    [Number.NaN, "usd", "must be a finite amount"],
    [Number.POSITIVE_INFINITY, "usd", "must be a finite amount"],
    ["", "usd", "must be a decimal amount"],
    ["12,50", "usd", "must be a decimal amount"],
    ["$12", "usd", "must be a decimal amount"],
    ["1.2.3", "usd", "must be a decimal amount"],
    ["0x10", "usd", "must be a decimal amount"],
    ["Infinity", "usd", "must be a decimal amount"],
    [".", "usd", "must be a decimal amount"],
    ["e5", "usd", "must be a decimal amount"],
    [null, "usd", "got null"],
    [undefined, "usd", "got undefined"],
    [true, "usd", "got boolean"],
    [{}, "usd", "got object"],
    [{ value: "abc" }, "usd", "must be a decimal amount"],
    [12, "us", "must be a 3-letter ISO 4217 currency code"],
    [12, "", "must be a 3-letter ISO 4217 currency code"],
  ])("%p %s is refused: %s", (amount, currency, expected) => {
    expect(refusal(() => majorToMinor(amount, currency))).toContain(expected)
  })

  it("names the field it was given", () => {
    expect(refusal(() => majorToMinor("19.999", "usd", "refund amount"))).toMatch(/^refund amount: /)
  })

  it.each([
    ["usd", 2],
    ["USD", 2],
    ["jpy", 0],
    ["krw", 0],
    ["kwd", 3],
    ["xyz", 2],
  ])("currency %s has %p decimals", (code, exponent) => expect(currencyExponent(code)).toBe(exponent))

  it("agrees with the decimal digits for every cent from $0.00 to $100.00 given as a number", () => {
    const wrong: string[] = []
    for (let cents = 0; cents <= 10_000; cents++) {
      const major = Number(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`)
      if (majorToMinor(major, "usd") !== cents) wrong.push(String(major))
    }
    expect(wrong).toEqual([])
  })
})
