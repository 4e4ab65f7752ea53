import fc from "fast-check"

/**
 * Values no field should accept unless it means to: wrong types, huge and
 * unicode strings, NUL and control bytes, nested arrays and objects, and
 * numbers that are negative, fractional, huge or not finite once sent as JSON.
 */
export const NUL_STRINGS = fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
  fc.constantFrom("\u0000", "abc\u0000", "\u0000card_1", "imsub_\u0000", "4242\u00004242")
)

export const HUGE_STRINGS = fc.integer({ min: 5_000, max: 60_000 }).map((n) => "x".repeat(n))

export const UNICODE_STRINGS = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 40 }),
  fc.constantFrom("😀😀😀", "\u202Eevil", "\uFEFF", "ｆｕｌｌｗｉｄｔｈ", "\uD800", "e\u0301", "𝟒𝟐𝟒𝟐")
)

export const ODD_NUMBERS = fc.oneof(
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).filter((n) => !Number.isInteger(n)),
  fc.constantFrom(0, -0, 0.5, 1e21, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, 99.999)
)

export const NESTED = fc.oneof(
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.constant([[[[[]]]]]),
  fc.constant({ $ne: null }),
  fc.constant(JSON.parse('{"__proto__": {"admin": true}}'))
)

export const WRONG_TYPES = fc.oneof(fc.boolean(), fc.constant(null), fc.integer(), NESTED)

/** Anything hostile: the union of the above. */
export const HOSTILE = fc.oneof(NUL_STRINGS, HUGE_STRINGS, UNICODE_STRINGS, ODD_NUMBERS, NESTED, WRONG_TYPES, fc.anything({ maxDepth: 2 }))

/** Strings that are not digits, for fields that take digits. */
export const NOT_DIGITS = fc.oneof(
  NUL_STRINGS,
  UNICODE_STRINGS.filter((s) => !/^\d+$/.test(s.trim())),
  fc.constantFrom("", " ", "abc", "12a", "-1", "1.5", "1e3", "0x1F", "１２", "٣٤", "12 34")
)

/** Bodies that are not JSON at all, or not the JSON a route takes. */
export const MALFORMED_JSON = fc.oneof(
  fc.constantFrom('{"a":', "{", "[", '{"a" 1}', "{'a': 1}", '{"a":1,}', "nul", "\u0000", '{"a":"\\u00"}', '{"a":1}}', "NaN", "[1,2", '{"a":undefined}'),
  fc.string({ minLength: 1, maxLength: 30 }).filter((s) => {
    try {
      JSON.parse(s)
      return false
    } catch {
      return true
    }
  })
)
