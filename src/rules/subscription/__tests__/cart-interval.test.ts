import { InputError } from "../../input/input-error"
import { intervalOfCart, IntervalLine } from "../cart-interval"
import { renewalDueAt, retryAt } from "../renewal-schedule"

const line = (title: string, variant?: unknown, product?: unknown): IntervalLine => ({
  title,
  variant_metadata: variant === undefined ? null : { instantmerchant_interval: variant },
  product_metadata: product === undefined ? null : { instantmerchant_interval: product },
})

describe("intervalOfCart", () => {
  it.each([
    ["no subscription items", [line("Mug")], false, undefined],
    ["a monthly variant", [line("Coffee", "monthly")], false, "monthly"],
    ["a yearly product", [line("Magazine", undefined, "yearly")], false, "yearly"],
    ["the variant wins over its product", [line("Coffee", "weekly", "monthly")], false, "weekly"],
    ["two items, same interval", [line("Coffee", "monthly"), line("Tea", undefined, "monthly")], false, "monthly"],
    ["mixed, allowed by the shop", [line("Coffee", "monthly"), line("Mug")], true, "monthly"],
    ["empty variant value falls back to the product", [line("Coffee", "", "quarterly")], false, "quarterly"],
  ] as const)("%s → %p", (_label, lines, allowMixed, expected) => {
    expect(intervalOfCart(lines, allowMixed)).toBe(expected)
  })

  it.each([
    ["two intervals", [line("Coffee", "monthly"), line("Magazine", "yearly")], true, "cart: mixes subscriptions with different intervals: Coffee (monthly) and Magazine (yearly)"],
    ["subscription and one-time", [line("Coffee", "monthly"), line("Mug")], false, "cart: mixes a monthly subscription with one-time items (Mug)"],
    ["an unknown interval", [line("Coffee", "daily")], false, 'instantmerchant_interval: "daily" on "Coffee" is not weekly'],
  ] as const)("refuses %s", (_label, lines, allowMixed, message) => {
    expect(() => intervalOfCart(lines, allowMixed)).toThrow(InputError)
    expect(() => intervalOfCart(lines, allowMixed)).toThrow(message)
  })
})

describe("renewal schedule", () => {
  const end = new Date("2026-12-01T00:00:00Z")
  it.each([
    [24, "2026-11-30T00:00:00.000Z"],
    [0, "2026-12-01T00:00:00.000Z"],
    [1, "2026-11-30T23:00:00.000Z"],
  ])("with %i hours of lead, due at %s", (lead, due) => {
    expect(renewalDueAt(end, lead).toISOString()).toBe(due)
  })

  it.each([
    [1, [24, 72], "2026-12-02T00:00:00.000Z"],
    [2, [24, 72], "2026-12-04T00:00:00.000Z"],
    [3, [24, 72], null],
    [1, [], null],
  ])("after %i failed attempt(s) with %j, retry at %p", (failed, hours, expected) => {
    expect(retryAt(end, failed, hours)?.toISOString() ?? null).toBe(expected)
  })

  it("has nothing to say before a failure", () => {
    expect(() => retryAt(end, 0, [24])).toThrow(RangeError)
  })
})
