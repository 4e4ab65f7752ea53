import fc from "fast-check"
import { resolvePluginOptions } from "../../src/config/plugin-options"
import { writeFigures } from "./support/figures"
import { check } from "./support/books"
import { describeFailures, runCorpus, tally } from "./support/corpus"
import { FUZZ_SEED } from "./support/fuzz-seed"
import { HOSTILE, HUGE_STRINGS, NOT_DIGITS, NUL_STRINGS, ODD_NUMBERS, UNICODE_STRINGS } from "./support/hostile-values"

/**
 * The plugin's options (the pure validator Medusa runs at start-up): one
 * option at a time, or the whole object, replaced by something hostile.
 * Either start-up stops with a message naming the option (and never quoting
 * the secret), or the option as resolved is exactly what the README promises.
 */
const SECRET = "im_test_secret_do_not_print_4f1c"
const VALID = { api_key: "im_test_key", api_secret: SECRET, base_url: "https://api.instantmerchant.io/api/v2" }
const BOOLEAN = ["capture", "send_email", "invoice_send_now", "use_sandbox_clock", "subscription_allow_mixed_cart", "subscription_renewal_orders"]
const INTEGER: Record<string, [number, number]> = {
  timeout_ms: [1, 600_000],
  max_retries: [0, 10],
  invoice_due_days: [0, 365],
  subscription_renewal_lead_hours: [0, 24 * 60],
}
const KEYS = ["api_key", "api_secret", "base_url", ...BOOLEAN, ...Object.keys(INTEGER), "invoice_send_to", "invoice_to_staff", "subscription_retry_hours"]
const RUNS = { oneOption: 2500, wholeObject: 500 }
const figures: string[] = []

afterAll(() => writeFigures("3-input-plugin-options", { title: "Hostile input: plugin options", lines: figures }))
/** Values near what an option takes, and far from it. */
const optionValue = fc.oneof(
  HOSTILE,
  NUL_STRINGS,
  HUGE_STRINGS,
  UNICODE_STRINGS,
  ODD_NUMBERS,
  NOT_DIGITS,
  fc.integer({ min: -5, max: 700_000 }),
  fc.integer({ min: -5, max: 700_000 }).map(String),
  fc.constantFrom(true, false, "true", "false", "TRUE", "1", "0", "yes", "", " ", "24,72", "72,24", "0,24", "24,,72", [24, 72], [72, 24], [1.5]),
  fc.constantFrom(
    "https://api.instantmerchant.io/api/v2",
    "http://127.0.0.1:4010/api/v2",
    "http://localhost:4010/api/v2",
    "http://[::1]:4010/api/v2",
    "http://api.instantmerchant.io/api/v2",
    "http://10.0.0.5/api/v2",
    "http://127.0.0.1.evil.example/api/v2",
    "http://localhost.evil.example/api/v2",
    "ftp://api.instantmerchant.io",
    "https://",
    "https:// space.example",
    "javascript:alert(1)"
  ),
  fc.webUrl(),
  fc.emailAddress(),
  fc.string({ maxLength: 70 })
)

function unknownKeyName(): fc.Arbitrary<string> {
  return fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !KEYS.includes(k) && !k.startsWith("_") && k !== "enableUI" && k !== "__proto__")
}

it("one option replaced by a hostile value: a start-up error naming it, or exactly the documented option", async () => {
  const run = await runCorpus({
    name: "one option",
    arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...KEYS), unknownKeyName()), optionValue),
    count: RUNS.oneOption,
    seedOffset: 10,
    group: ([key]) => (KEYS.includes(key) ? key : "an unknown option"),
    check([key, value]) {
      const raw: Record<string, unknown> = { ...VALID, [key]: value }
      let resolved: Record<string, unknown>
      try {
        resolved = resolvePluginOptions(raw) as unknown as Record<string, unknown>
      } catch (e) {
        const message = (e as Error).message
        check(/^medusa-payment-instantmerchant: invalid plugin options in medusa-config\.js: /.test(message), `not a start-up error: ${message}`)
        check(message.includes(key), `the error does not name ${key}: ${message}`)
        check(!message.includes(SECRET), "the error quotes the API secret")
        if (key === "api_secret" && typeof value === "string" && value.trim().length > 3) check(!message.includes(value.trim()), "the error quotes the api_secret given")
        return
      }
      check(KEYS.includes(key), `the unknown option ${JSON.stringify(key)} was accepted`)
      expectDocumented(key, value, resolved)
    },
  })
  figures.push(`${run.count} option sets with one option hostile (seed ${FUZZ_SEED + 10}): ${tally(run)}`)
  expect(describeFailures("plugin options", run, 10)).toEqual([])
})

it("a hostile options object: a start-up error naming an option, never the secret", async () => {
  const run = await runCorpus({
    name: "whole object",
    arbitrary: fc.oneof(fc.anything({ maxDepth: 2 }), fc.dictionary(fc.constantFrom(...KEYS), optionValue, { maxKeys: 6 })),
    count: RUNS.wholeObject,
    seedOffset: 11,
    group: (raw) => (raw && typeof raw === "object" && !Array.isArray(raw) ? "an object" : typeof raw),
    check(raw) {
      try {
        resolvePluginOptions(raw)
      } catch (e) {
        const message = (e as Error).message
        check(/^medusa-payment-instantmerchant: invalid plugin options in medusa-config\.js: \w+/.test(message), `not a start-up error naming an option: ${message}`)
        check(!message.includes(SECRET), "the error quotes the API secret")
        return
      }
      const o = raw as Record<string, unknown>
      check(typeof o.api_key === "string" && typeof o.api_secret === "string", "options without a key and a secret were accepted")
    },
  })
  figures.push(`${run.count} hostile option objects (seed ${FUZZ_SEED + 11}): ${tally(run)}`)
  expect(describeFailures("plugin options object", run, 11)).toEqual([])
})

/** What the README promises for each option an accepted value resolves to. */
function expectDocumented(key: string, value: unknown, resolved: Record<string, unknown>): void {
  // Not set at all: the default applies (unit-tested with the validator).
  if (value === undefined) return
  const out = resolved[key]
  const got = `${JSON.stringify(value)} was accepted as ${JSON.stringify(out)}`
  if (key === "api_key" || key === "api_secret") {
    check(typeof out === "string" && out.trim() !== "" && out === (value as string).trim(), key === "api_secret" ? "a bad api_secret was accepted" : got)
  } else if (key === "base_url") {
    // Finding 10: https, except for a loopback host (a sandbox on this machine).
    check(/^(https:\/\/[^/\s]+|http:\/\/(127(\.\d{1,3}){3}|localhost|\[::1\])(:\d+)?(\/|$))/.test(String(out)), `${got}: a gateway URL must be https unless it is loopback`)
    check(!String(out).endsWith("/"), got)
  } else if (BOOLEAN.includes(key)) {
    check([true, false, "true", "false"].includes(value as never) && out === (value === true || value === "true"), got)
  } else if (key in INTEGER) {
    const [min, max] = INTEGER[key]
    check(Number.isInteger(out) && (out as number) >= min && (out as number) <= max && out === (typeof value === "string" ? Number(value) : value), got)
  } else if (key === "subscription_retry_hours") {
    const list = out as number[]
    const increasing = Array.isArray(list) && list.every((n, i) => Number.isInteger(n) && n >= 1 && (i === 0 || n > list[i - 1]))
    // An empty list (no retries: expire at the first decline) only when that is what was written.
    check(increasing && (list.length > 0 || (Array.isArray(value) && value.length === 0)), `${got}: a list of increasing whole hours, and not silently none`)
  } else if (key === "invoice_send_to") {
    check(out === undefined ? value === undefined || value === null || value === "" : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(out)), got)
  } else if (key === "invoice_to_staff") {
    check(out === undefined ? value === undefined || value === null || value === "" : /^[\w.-]{1,64}$/.test(String(out)), got)
  }
}
