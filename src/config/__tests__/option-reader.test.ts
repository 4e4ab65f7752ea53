import { flag, gatewayUrl, increasingHours, integer, optionalText, OptionField, readOptions, requiredText } from "../option-reader"

/** One field on its own: what it reads, or the problem it names. */
function read<T>(field: OptionField<T>, value: unknown, key = "opt"): T | string {
  const problems: string[] = []
  const out = field(value, key, problems)
  return problems.length ? problems.join("; ") : out
}

describe("the option-reading kit", () => {
  it.each<[string, OptionField<unknown>, unknown, unknown]>([
    ["required text, trimmed", requiredText(), " k ", "k"],
    ["required text, missing", requiredText(), undefined, "opt is required (a non-empty string)"],
    ["required text, what it got", requiredText(), 42, "opt is required (a non-empty string), got 42"],
    ["flag, unset", flag(true), undefined, true],
    ["flag, text", flag(), "true", true],
    ["flag, other", flag(), 1, "opt must be true or false, got 1"],
    ["integer, digits", integer(5, 0, 10), "7", 7],
    ["integer, out of range", integer(5, 0, 10), 11, "opt must be an integer from 0 to 10, got 11"],
    ["optional text, unset", optionalText(/^\w+$/, "a word"), "", undefined],
    ["optional text, a number as its digits", optionalText(/^\w+$/, "a word"), 254, "254"],
    ["optional text, wrong", optionalText(/^\w+$/, "a word"), "a b", 'opt must be a word, got "a b"'],
    ["hours, text", increasingHours([1]), "12, 48", [12, 48]],
    ["hours, blank text", increasingHours([1]), " ", 'opt must be a list of whole hours, e.g. [24, 72], got " " (leave it unset for the default, or [] for no retries)'],
    ["hours, decreasing", increasingHours([1]), [72, 24], "opt must increase, e.g. [24, 72], got [72,24]"],
    ["gateway URL, unset", gatewayUrl(), undefined, "https://api.instantmerchant.io/api/v2"],
    ["gateway URL, blank is the default", gatewayUrl(), " ", "https://api.instantmerchant.io/api/v2"],
    ["gateway URL, trailing slashes", gatewayUrl(), "http://127.0.0.1:4010/api/v2//", "http://127.0.0.1:4010/api/v2"],
  ])("%s", (_name, field, value, expected) => {
    expect(read(field, value)).toEqual(expected)
  })

  it("names only the type of a wrong secret, never its value", () => {
    expect(read(requiredText(), 12345678, "api_secret")).toBe("api_secret is required (a non-empty string), got number")
  })

  const fields = { a: requiredText(), b: optionalText(/^x$/, "x") }
  const source = { what: "test options", unknown: (key: string, known: string[]) => (key.startsWith("_") ? undefined : `${key} is not one of ${known.join(", ")}`) }

  it("leaves an unset optional field out, and lets the host pass its own keys", () => {
    expect(readOptions({ a: "1", _host: true }, fields, source)).toEqual({ a: "1" })
  })

  it("lists every problem in one error", () => {
    expect(() => readOptions({ b: "y", c: 1 }, fields, source)).toThrow(
      'test options: a is required (a non-empty string); b must be x, got "y"; c is not one of a, b'
    )
  })
})
