import { redact } from "../redact"

describe("redact", () => {
  it.each([
    ["card 4242424242424242 declined", "card [redacted] declined"],
    ["card 4242 4242 4242 4242 declined", "card [redacted] declined"],
    ["card 4242-4242-4242-4242", "card [redacted]"],
    ["amex 378282246310005", "amex [redacted]"],
    ["invoice 29, amount 2000, customer 363", "invoice 29, amount 2000, customer 363"],
    ["expires 1485151200", "expires 1485151200"],
  ])("%s", (input, expected) => {
    expect(redact(input)).toBe(expected)
  })

  it("removes known secrets, but not short strings that would eat ordinary words", () => {
    expect(redact("secret is im_test_secret here", ["im_test_secret"])).toBe("secret is [redacted] here")
    expect(redact("a b c", ["a"])).toBe("a b c")
  })
})
