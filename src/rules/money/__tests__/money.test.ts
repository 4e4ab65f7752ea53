import { assertChargeAmount, assertGatewayCurrency, assertRefundAmount, formatUsd } from "../amount"
import { refusalOf as refusal } from "../../__fixtures__/refusal"


describe("money checks never round", () => {
  it.each([
    [100, "accepted"],
    [2000, "accepted"],
    [99, "at least 100 cents"],
    [0, "at least 100 cents"],
    [-500, "at least 100 cents"],
    [1999.5, "integer number of cents"],
    ["2000", "integer number of cents"],
    [Number.NaN, "integer number of cents"],
  ])("charge amount %p → %s", (amount, expected) => {
    expect(refusal(() => assertChargeAmount(amount))).toContain(expected)
  })

  it.each([
    [1, 1000, "accepted"],
    [1000, 1000, "accepted"],
    [1001, 1000, "more than the $10.00 left to refund"],
    [0, 1000, "positive integer"],
    [10.5, 1000, "positive integer"],
    [5, 0, "more than the $0.00 left"],
  ])("refund %p of %p left → %s", (amount, remaining, expected) => {
    expect(refusal(() => assertRefundAmount(amount, remaining))).toContain(expected)
  })

  it.each([
    ["usd", "accepted"],
    ["USD", "accepted"],
    ["eur", "this region's currency is EUR"],
    [undefined, "this region's currency is none"],
  ])("currency %p → %s", (code, expected) => {
    expect(refusal(() => assertGatewayCurrency(code))).toContain(expected)
  })

  it.each([
    [0, "$0.00"],
    [5, "$0.05"],
    [1234, "$12.34"],
    [100000, "$1000.00"],
    [-250, "-$2.50"],
  ])("formatUsd(%p) = %s", (cents, text) => expect(formatUsd(cents)).toBe(text))
})
