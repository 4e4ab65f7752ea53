import fc from "fast-check"
import { startSandbox, type Sandbox } from "../../src/sandbox"
import { check } from "./support/books"
import { describeFailures, runCorpus, tally } from "./support/corpus"
import { collectError } from "./support/error-answers"
import { writeFigures } from "./support/figures"
import { FUZZ_SEED } from "./support/fuzz-seed"
import { HUGE_STRINGS, MALFORMED_JSON, NESTED, NOT_DIGITS, NUL_STRINGS, UNICODE_STRINGS } from "./support/hostile-values"

/**
 * The sandbox's 14 endpoints (the plugin's test oracle must be as strict as
 * the gateway it stands for): each request is a valid one with exactly one
 * field made hostile, or a body that is not a body at all. Every one is a 4xx
 * in the gateway's shape whose message (or `param`) names the field, none a
 * 5xx, and the sandbox's books stay exactly as they were. A sandbox of its
 * own, in this process, so the digest of its books covers everything.
 */
jest.setTimeout(5 * 60_000)

const KEY = { "X-Api-Key": "im_test_key", "X-Api-Secret": "im_test_secret" }
const YEAR = new Date().getUTCFullYear() + 3
const CARD = { cardholder_name: "Jim Doe", card_number: "4242424242424242", exp_month: "12", exp_year: String(YEAR), cvc: "123" }
const SHOPPER = { name: "Jim Doe", email: "jim@example.com", address: "1 Main St", city: "Nashville", zip: "37251", state: "TN", country: "US" }
const COUNT = 4000

let sandbox: Sandbox
const ids = { customer: 0, card: "", authorized: "", captured: "", subscription: "", openInvoice: 0, paidInvoiceCharge: "" }
const figures: string[] = []

async function api(path: string, params: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${sandbox.apiBaseUrl}/${path}`, { method: "POST", headers: { ...KEY, "content-type": "application/json" }, body: JSON.stringify(params) })
  const [answer] = (await res.json()) as any[]
  if (!answer.status) throw new Error(`fixture ${path}: ${answer.message}`)
  return answer
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, liveApiKey: "im_live_key", liveApiSecret: "im_live_secret" })
  ids.customer = (await api("customer", { ...SHOPPER, username: "fuzz_owner" })).customer_id
  ids.card = (await api("card", { customer: ids.customer, ...CARD, save_card: true })).card_id
  const charge = { ...SHOPPER, description: "fixture", amount: 2500, card_id: ids.card }
  ids.authorized = (await api("charge", { ...charge, payment_mode: "auth_only" })).charge_id
  ids.captured = (await api("charge", { ...charge, payment_mode: "auth_and_capture" })).charge_id
  ids.subscription = (await api("charge", { ...charge, payment_type: "recurring", interval: "monthly" })).subscription_id
  const invoice = { customer: ids.customer, description: "fixture", date_due: "12/31/2030", items: ["a"], items_price: [1500] }
  ids.openInvoice = (await api("invoice", invoice)).invoice_num
  ids.paidInvoiceCharge = (await api("invoice", { ...invoice, payment_mode: "auth_and_capture", card_id: ids.card })).charge_id
})

afterAll(async () => {
  writeFigures("3-input-sandbox", { title: "Hostile input: sandbox endpoints", lines: figures })
  await sandbox?.close()
})

/** Everything the sandbox keeps, in both environments: a request that changes nothing leaves it identical. */
function books(): string {
  const kinds = ["charges", "refunds", "subscriptions", "invoices", "customers", "cards", "outbox"] as const
  return JSON.stringify((["test", "live"] as const).map((env) => kinds.map((k) => sandbox.controls.list(k, env))))
}

// ---- hostile values, by the kind of field ----

const notOneOf = (allowed: string[]) =>
  fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), UNICODE_STRINGS, NUL_STRINGS).filter((s) => s.trim() !== "" && !allowed.includes(s.trim().toLowerCase()))
const list = fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 })
/** Free text takes any string: only a list, a nested object or nothing breaks it. */
const badText = fc.oneof(list, NESTED.filter((v) => v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length > 0), fc.constantFrom("", "   "))
const badRequiredInteger = (min: number) =>
  fc.oneof(
    NOT_DIGITS.filter((s) => s.trim() !== "" || min > 0),
    fc.integer({ min: -1_000_000, max: min - 1 }).map(String),
    fc.constantFrom("1.5", "20.00", "-0", "1e3", "9".repeat(30), "0x10"),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: 0.01, max: 1e6 }).filter((n) => !Number.isInteger(n)),
    list
  )
const badOptionalInteger = (min: number) => badRequiredInteger(min).filter((v) => typeof v !== "string" || v.trim() !== "")
const badBoolean = notOneOf(["true", "false", "1", "0"])
const badEmail = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== "" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.trim())), list)
const badCode = fc.oneof(fc.string({ minLength: 1, maxLength: 5 }).filter((s) => s.trim() !== "" && !/^[A-Za-z]{2}$/.test(s.trim())), UNICODE_STRINGS.filter((s) => !/^[A-Za-z]{2}$/.test(s.trim()) && s.trim() !== ""), list)
const unknownId = (prefix: string) => fc.oneof(fc.stringMatching(/^[0-9a-f]{14}$/).map((h) => `${prefix}_${h}`), NUL_STRINGS, UNICODE_STRINGS.filter((s) => s.trim() !== ""), HUGE_STRINGS, list)
const badCardNumber = fc.oneof(
  NOT_DIGITS.filter((s) => s.trim() !== ""),
  fc.stringMatching(/^\d{1,11}$/),
  fc.stringMatching(/^\d{20,30}$/),
  fc.constantFrom("4242424242424241", "4242 4242 4242 4242", "4242-4242-4242-4242", "0000000000000001"),
  list
)
const badMonth = fc.oneof(fc.constantFrom("0", "00", "13", "99", "123", "-1", "1.5", "x"), NOT_DIGITS.filter((s) => s.trim() !== ""), list)
const badYear = fc.oneof(fc.integer({ min: 2000, max: new Date().getUTCFullYear() - 1 }).map(String), fc.constantFrom("1", "123", "12345", "20x5"), NOT_DIGITS.filter((s) => s.trim() !== ""), list)
const badCvc = fc.oneof(fc.constantFrom("1", "12", "12345", "abc", "12a"), NOT_DIGITS.filter((s) => s.trim() !== ""), list)
const badDate = fc.oneof(fc.constantFrom("2030-12-31", "13/01/2030", "02/30/2030", "1/1/30", "12/31", "00/10/2030"), fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== "" && !/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(s.trim())), list)

type Hostile = { path: string; field: string; params: Record<string, unknown> }

/** A valid request with `field` replaced. */
function breaking(path: string, base: () => Record<string, unknown>, fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Hostile> {
  return fc.oneof(...Object.entries(fields).map(([field, value]) => value.map((v) => ({ path, field, params: { ...base(), [field]: v } }))))
}

const cardFields = { card_number: badCardNumber, exp_month: badMonth, exp_year: badYear, cvc: badCvc, cardholder_name: badText }
const shopperFields = { name: badText, email: badEmail, address: badText, city: badText, zip: badText, state: badCode, country: badCode }

const requests: fc.Arbitrary<Hostile> = fc.oneof(
  breaking("customer", () => ({ ...SHOPPER, username: "fuzz_new" }), { ...shopperFields, username: badText }),
  breaking("card", () => ({ customer: ids.customer, ...CARD }), { ...cardFields, customer: badRequiredInteger(0), save_card: badBoolean, is_default: badBoolean }),
  breaking("card/get", () => ({ customer: ids.customer }), { customer: fc.oneof(badRequiredInteger(0), fc.constant("999999")) }),
  breaking("charge", () => ({ ...SHOPPER, description: "fuzz", amount: 2500, card_id: ids.card, payment_mode: "auth_only" }), {
    ...shopperFields,
    description: badText,
    amount: fc.oneof(badRequiredInteger(100), fc.constantFrom("99", "1", "0")),
    currency: notOneOf(["usd"]),
    payment_mode: notOneOf(["auth_only", "auth_and_capture"]),
    payment_type: notOneOf(["one_time", "recurring"]),
    card_id: unknownId("card"),
    send_email: badBoolean,
    save_card: badBoolean,
  }),
  breaking("charge", () => ({ ...SHOPPER, description: "fuzz", amount: 2500, ...CARD }), cardFields),
  breaking("capture", () => ({ charge_id: ids.authorized }), { charge_id: unknownId("cha") }),
  breaking("refund", () => ({ charge_id: ids.captured, amount: 100 }), { charge_id: unknownId("cha"), amount: fc.oneof(badOptionalInteger(1), fc.constantFrom("0", "2501", "999999")) }),
  breaking("invoice", () => ({ customer: ids.customer, description: "fuzz", date_due: "12/31/2030", items: ["a", "b"], items_price: [1000, 500] }), {
    customer: fc.oneof(badRequiredInteger(0), fc.constant("999999")),
    description: badText,
    date_due: badDate,
    items_price: fc.oneof(fc.constant([1000]), fc.constant(["10.5", "500"]), fc.constant(["-1", "500"]), fc.constant(["abc", "1"]), fc.constant([1, 2]), fc.constant([])),
    currency: notOneOf(["usd"]),
    country: notOneOf(["us"]).filter((s) => s.trim() !== ""),
    payment_mode: notOneOf(["pay_later", "auth_only", "auth_and_capture"]),
    send_now: badBoolean,
    send_invoice_to: badEmail.filter((v) => typeof v !== "string" || v.trim() !== ""),
  }),
  breaking("invoice/send", () => ({ invoice_num: ids.openInvoice }), { invoice_num: fc.oneof(badRequiredInteger(0), fc.constant("999999")) }),
  breaking("invoice/charge", () => ({ invoice_num: ids.openInvoice, card_id: ids.card }), {
    invoice_num: fc.oneof(badRequiredInteger(0), fc.constant("999999")),
    card_id: unknownId("card"),
    payment_mode: notOneOf(["auth_only", "auth_and_capture"]),
    send_email: badBoolean,
  }),
  breaking("invoice/capture", () => ({ charge_id: ids.authorized }), { charge_id: fc.oneof(unknownId("cha"), fc.constant(ids.authorized)) }),
  breaking("invoice/refund", () => ({ charge_id: ids.paidInvoiceCharge, amount: 100 }), { charge_id: unknownId("cha"), amount: badOptionalInteger(1) }),
  breaking("subscription/update_card", () => ({ subscription_id: ids.subscription, ...CARD }), { ...cardFields, subscription_id: unknownId("sub") }),
  breaking("subscription/renew", () => ({ subscription_id: ids.subscription }), { subscription_id: unknownId("sub") }),
  breaking("subscription/cancel", () => ({ subscription_id: ids.subscription }), { subscription_id: unknownId("sub") })
)

/** JSON, or the form encoding the reference's curl examples send (lists as name[]=...). */
function encode(params: Record<string, unknown>, asForm: boolean): { body: string; type: string } {
  // Nested objects and lone surrogates have no form encoding: those go as JSON.
  const encodable = (v: unknown) => {
    try {
      encodeURIComponent(String(v))
      return true
    } catch {
      return false
    }
  }
  const representable = Object.values(params).every((v) => (v === null || typeof v !== "object" || (Array.isArray(v) && v.every((x) => typeof x !== "object"))) && encodable(v))
  if (!asForm || !representable) return { body: JSON.stringify(params), type: "application/json" }
  const pairs = Object.entries(params).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => `${encodeURIComponent(k)}[]=${encodeURIComponent(String(x))}`) : [`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`]))
  return { body: pairs.join("&"), type: "application/x-www-form-urlencoded" }
}

async function expectRefusal(path: string, body: string, type: string, field: string): Promise<void> {
  const res = await fetch(`${sandbox.apiBaseUrl}/${path}`, { method: "POST", headers: { ...KEY, "content-type": type }, body })
  const text = await res.text()
  collectError("sandbox", text)
  check(res.status >= 400 && res.status < 500, `answered ${res.status}: ${text.slice(0, 160)}`)
  let answer: any
  try {
    ;[answer] = JSON.parse(text)
  } catch {
    throw new Error(`answered ${res.status} with a body that is not the gateway's JSON: ${text.slice(0, 120)}`)
  }
  check(answer?.status === false && typeof answer.message === "string", `not the gateway's failure shape: ${text.slice(0, 160)}`)
  check(answer.param === field || answer.message.startsWith(`${field}:`), `the message does not name ${field}: ${answer.message} (param ${answer.param})`)
}

it(`${COUNT} requests with one hostile field: each a 4xx naming the field, and the sandbox's books unchanged`, async () => {
  const before = books()
  const run = await runCorpus({
    name: "sandbox",
    arbitrary: fc.tuple(requests, fc.boolean()),
    count: COUNT,
    seedOffset: 30,
    concurrency: 8,
    group: ([r]) => `${r.path}.${r.field}`,
    async check([r, asForm]) {
      const { body, type } = encode(r.params, asForm)
      await expectRefusal(r.path, body, type, r.field)
    },
  })
  figures.push(`${run.count} requests with one hostile field across the 14 endpoints, JSON and form (seed ${FUZZ_SEED + 30}): ${tally(run)}`)
  expect(describeFailures("sandbox", run, 30)).toEqual([])
  expect(books()).toBe(before)
})

it("bodies that are not bodies: each a 400 naming the body, and the books unchanged", async () => {
  const before = books()
  const paths = ["customer", "card", "charge", "capture", "refund", "invoice", "invoice/charge", "subscription/renew"]
  const bodies = fc.oneof(
    MALFORMED_JSON.map((body) => ({ body, type: "application/json" })),
    fc.constantFrom("[]", "[1]", '"text"', "42", "true").map((body) => ({ body, type: "application/json" })),
    fc.constantFrom("%E0%A4%A", "a=%", "%%", "x=%ZZ").map((body) => ({ body, type: "application/x-www-form-urlencoded" }))
  )
  const run = await runCorpus({
    name: "sandbox bodies",
    arbitrary: fc.tuple(fc.constantFrom(...paths), bodies),
    count: 400,
    seedOffset: 31,
    concurrency: 8,
    group: ([path, b]) => `${path} (${b.type})`,
    check: ([path, b]) => expectRefusal(path, b.body, b.type, "body"),
  })
  figures.push(`${run.count} malformed bodies (seed ${FUZZ_SEED + 31}): ${tally(run)}`)
  expect(describeFailures("sandbox bodies", run, 31)).toEqual([])
  expect(books()).toBe(before)
})
