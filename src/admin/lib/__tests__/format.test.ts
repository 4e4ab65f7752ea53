import { money, toCents } from "../format"

describe("toCents reads dollars typed by an admin, exactly", () => {
  it.each([
    ["12.50", 1250],
    ["0.29", 29],
    ["$1.5", 150],
    ["10", 1000],
    [" 7.07 ", 707],
    ["10.005", NaN],
    ["1.", NaN],
    [".5", NaN],
    ["-5", NaN],
    ["1e3", NaN],
    ["abc", NaN],
    ["", NaN],
  ])("%j → %p", (typed, cents) => {
    expect(toCents(typed)).toBe(cents)
  })

  it("formats cents as dollars", () => {
    expect(money(175050)).toBe("$1,750.50")
    expect(money(null)).toBe("–")
  })
})
