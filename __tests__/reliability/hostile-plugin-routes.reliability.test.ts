import fc from "fast-check"
import { MedusaRest } from "../../src/demo/stack/medusa-rest"
import { admin } from "../e2e/support/admin"
import { e2e } from "../e2e/support/e2e-env"
import { VALID_CARD } from "../e2e/support/shopper"
import { check } from "./support/books"
import { brokenCard } from "./support/card-breakers"
import { describeFailures, runCorpus, tally } from "./support/corpus"
import { collectError } from "./support/error-answers"
import { writeFigures } from "./support/figures"
import { chargedInvoice, invoiceBody, invoiceCustomer, openInvoice, subscription } from "./support/fixtures"
import { FUZZ_SEED } from "./support/fuzz-seed"
import { HUGE_STRINGS, MALFORMED_JSON, NESTED, NOT_DIGITS, NUL_STRINGS, ODD_NUMBERS, UNICODE_STRINGS } from "./support/hostile-values"
import { snapshot } from "./support/untouched"

/**
 * Every route of the plugin (src/api/**\/route.ts): the store routes under
 * /store/customers/me/instantmerchant as a signed-in customer, the admin
 * routes under /admin/instantmerchant as the admin, with hostile path
 * parameters, queries and bodies. Each answer is a 4xx whose message names
 * the field (or what the id pointed at), never a 5xx, and the plugin's
 * tables and the gateway are left exactly as they were.
 */
jest.setTimeout(10 * 60_000)

const COUNT = 1500
/** Four requests in flight per instance (see races.reliability.test.ts for why not more). */
const CONCURRENCY = 8
const figures: string[] = []
const S = "/store/customers/me/instantmerchant"
const A = "/admin/instantmerchant"

interface HostileRequest {
  route: string
  as: "customer" | "admin"
  method: "GET" | "POST"
  path: string
  body?: unknown
  /** A raw body, sent as is. */
  raw?: string
  headers?: Record<string, string>
  /** Any of these in the message will do: the field, or what a path id pointed at. */
  names: string[]
}

const fx = { customer: null as unknown as MedusaRest, subscriptionId: "", invoiceCustomer: "", openNum: 0, paidNum: 0 }

beforeAll(async () => {
  const [sub, invoiceCustomerId, paid] = await Promise.all([subscription(), invoiceCustomer(), chargedInvoice("auth_and_capture")])
  fx.customer = sub.shopper.api
  fx.subscriptionId = sub.subscription.id
  fx.invoiceCustomer = invoiceCustomerId
  // Its first invoice links the customer's gateway customer; the fuzzed creations would make no other.
  fx.openNum = (await openInvoice(invoiceCustomerId)).invoice_num
  fx.paidNum = paid.invoice_num
})

afterAll(() => writeFigures("3-input-routes", { title: "Hostile input: plugin routes", lines: figures }))

// ---- hostile values ----

/** Ids that name nothing: unknown, malformed, NUL-bearing, unicode, huge (a path has room for some 4,000 characters). */
const badId = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_]{1,30}$/).map((s) => `imsub_${s}`),
  NUL_STRINGS,
  UNICODE_STRINGS.filter((s) => s.trim() !== "" && s !== "." && s !== ".."),
  fc.integer({ min: 100, max: 4000 }).map((n) => "i".repeat(n)),
  fc.constantFrom("cus_0000", "' OR 1=1 --", "../../admin", "%00", "null", "undefined", "[object Object]")
)
const badInvoiceNum = fc.oneof(NOT_DIGITS.filter((s) => s.trim() !== ""), fc.constantFrom("0", "-1", "1.5", "1e3", "9999999999", "00000000001"), NUL_STRINGS, fc.integer({ min: 10_000_000, max: 999_999_999 }).map(String))
const unknownInvoiceNum = fc.integer({ min: 10_000_000, max: 999_999_999 }).map(String)
const badQueryValue = fc.oneof(NOT_DIGITS, HUGE_STRINGS.map((s) => s.slice(0, 3000)), fc.constantFrom("-1", "0", "101", "1000", "1.5", "9007199254740993"))
const notAnObjectBody = fc.oneof(fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }), fc.string({ maxLength: 10 }), fc.integer(), fc.boolean())
const extraKey = fc.stringMatching(/^[a-z_]{3,12}$/)

function seg(value: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, "x"))
  }
}

function query(key: string, value: string, shape: number): string {
  // qs turns key[]= into a list and key[a]= into an object: neither is a number or a status.
  if (shape === 1) return `${seg(key)}[]=${seg(value)}`
  if (shape === 2) return `${seg(key)}[a]=${seg(value)}`
  return `${seg(key)}=${seg(value)}`
}

const listQuery = (route: string, as: "customer" | "admin", path: string, keys: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<HostileRequest> =>
  fc.oneof(
    ...Object.entries(keys).map(([key, value]) =>
      fc.tuple(value, fc.integer({ min: 0, max: 2 })).map(([v, shape]) => ({ route, as, method: "GET" as const, path: `${path}?${query(key, v, shape)}`, names: [key] }))
    )
  )

const statusValue = (allowed: string[]) => fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !allowed.includes(s))
const SUB_STATUSES = ["active", "past_due", "canceled", "expired"]
const INVOICE_STATUSES = ["open", "paid", "partially_refunded", "refunded"]
const offsetValue = badQueryValue.filter((v) => !/^\d+$/.test(v) || !Number.isSafeInteger(Number(v)))
const limitValue = badQueryValue.filter((v) => !/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 100)
/** The subscription list's customer_id must look like an id; the invoice list's filters take any text up to 100 characters. */
const idValue = fc.oneof(NUL_STRINGS, fc.string({ minLength: 101, maxLength: 300 }), fc.constantFrom("a b", "x;y", "é", "😀"))
const textFilterValue = fc.oneof(NUL_STRINGS, fc.string({ minLength: 101, maxLength: 300 }).filter((s) => s.trim().length > 100))

/** A valid admin invoice with one field made hostile. */
function brokenInvoice(): fc.Arbitrary<{ field: string; body: Record<string, unknown> }> {
  const base = () => invoiceBody(fx.invoiceCustomer, "Fuzzed invoice")
  const item = (patch: Record<string, unknown>) => [{ name: "Consulting", price: 4000, ...patch }]
  const cases: Array<[string, fc.Arbitrary<unknown>, (v: unknown) => Record<string, unknown>]> = [
    ["customer_id", fc.oneof(fc.constantFrom("cus_unknown", ""), NUL_STRINGS, fc.integer(), NESTED, fc.string({ minLength: 101, maxLength: 200 })), (v) => ({ customer_id: v })],
    ["description", fc.oneof(fc.constantFrom("", "  "), NUL_STRINGS, fc.integer(), NESTED, fc.string({ minLength: 501, maxLength: 900 }).filter((s) => s.trim().length > 500)), (v) => ({ description: v })],
    ["items", fc.oneof(fc.constant([]), fc.constantFrom("items", 5, null), fc.constant(Array.from({ length: 101 }, () => ({ name: "x", price: 100 }))), fc.constant([{ name: "x", price: 50 }])), (v) => ({ items: v })],
    ["items[0]", fc.oneof(fc.constantFrom("x", 5, null), fc.array(fc.integer(), { maxLength: 2 })), (v) => ({ items: [v] })],
    ["items[0].price", fc.oneof(ODD_NUMBERS, fc.constantFrom("4000", null, true, 2 ** 60), NESTED), (v) => ({ items: item({ price: v }) })],
    ["items[0].name", fc.oneof(fc.constantFrom("", "   ", 5, null), NUL_STRINGS, fc.string({ minLength: 201, maxLength: 300 }).filter((s) => s.trim().length > 200), NESTED), (v) => ({ items: item({ name: v }) })],
    ["items[0].", extraKey.filter((k) => k !== "name" && k !== "price"), (k) => ({ items: item({ [k as string]: 1 }) })],
    ["date_due", fc.oneof(fc.constantFrom("2001-01-01", "2030-02-30", "30/12/2030", "tomorrow", "", 20301231), NUL_STRINGS, UNICODE_STRINGS, NESTED), (v) => ({ date_due: v })],
    ["send_now", fc.oneof(fc.constantFrom("true", 1, "yes"), NESTED), (v) => ({ send_now: v })],
    ["send_invoice_to", fc.oneof(fc.constantFrom("not an email", "a@b", 5, "a @b.c"), NUL_STRINGS, NESTED), (v) => ({ send_invoice_to: v })],
    ["address", fc.oneof(fc.constantFrom("1 Main St", 5), fc.array(fc.string(), { maxLength: 2 })), (v) => ({ address: v })],
    ["address.", extraKey.filter((k) => !["first_name", "last_name", "company", "address_1", "address_2", "city", "postal_code", "province", "country_code"].includes(k)), (k) => ({ address: { city: "Austin", [k as string]: "x" } })],
    ["address.city", fc.oneof(fc.integer(), NESTED), (v) => ({ address: { city: v } })],
  ]
  return fc.oneof(
    ...cases.map(([field, value, patch]) => value.map((v) => ({ field: field === "items[0]." || field === "address." ? field.slice(0, -1) : field, body: { ...base(), ...patch(v) } }))),
    extraKey.filter((k) => !Object.keys(base()).includes(k) && k !== "send_now" && k !== "send_invoice_to").map((k) => ({ field: k, body: { ...base(), [k]: 1 } }))
  )
}

const requests = (): fc.Arbitrary<HostileRequest> =>
  fc.oneof(
    // ---- store routes, as the signed-in customer ----
    listQuery("store: list subscriptions", "customer", `${S}/subscriptions`, { status: statusValue(SUB_STATUSES), offset: offsetValue, limit: limitValue }),
    badId.map((id) => ({ route: "store: cancel", as: "customer" as const, method: "POST" as const, path: `${S}/subscriptions/${seg(id)}/cancel`, names: ["subscription", "id"] })),
    brokenCard.map(({ field, data }) => ({ route: "store: card", as: "customer" as const, method: "POST" as const, path: `${S}/subscriptions/${fx.subscriptionId}/card`, body: data, names: [field] })),
    fc.constant(null).map(() => ({ route: "store: card", as: "customer" as const, method: "POST" as const, path: `${S}/subscriptions/${fx.subscriptionId}/card`, body: { card_id: "card_0a1b2c3d4e5f6a" }, names: ["card_number"] })),
    notAnObjectBody.map((body) => ({ route: "store: card", as: "customer" as const, method: "POST" as const, path: `${S}/subscriptions/${fx.subscriptionId}/card`, body, names: ["body", "data", "card_number"] })),
    badId.map((id) => ({ route: "store: card", as: "customer" as const, method: "POST" as const, path: `${S}/subscriptions/${seg(id)}/card`, body: VALID_CARD, names: ["subscription", "id"] })),
    // ---- admin subscription routes ----
    listQuery("admin: list subscriptions", "admin", `${A}/subscriptions`, { status: statusValue(SUB_STATUSES), customer_id: idValue, offset: offsetValue, limit: limitValue }),
    badId.map((id) => ({ route: "admin: retrieve subscription", as: "admin" as const, method: "GET" as const, path: `${A}/subscriptions/${seg(id)}`, names: ["subscription", "id"] })),
    badId.map((id) => ({ route: "admin: renew", as: "admin" as const, method: "POST" as const, path: `${A}/subscriptions/${seg(id)}/renew`, body: {}, names: ["subscription", "id"] })),
    badId.map((id) => ({ route: "admin: cancel subscription", as: "admin" as const, method: "POST" as const, path: `${A}/subscriptions/${seg(id)}/cancel`, names: ["subscription", "id"] })),
    fc
      // Strings that Date cannot read: one it can ("1", even "4242\u00004242") is a period end, and a wrong one is a 409.
      .oneof(fc.oneof(fc.string({ maxLength: 30 }), NUL_STRINGS).filter((s) => Number.isNaN(new Date(s).getTime())), fc.integer(), fc.boolean(), NESTED.filter((v) => v !== null))
      .map((v) => ({ route: "admin: renew", as: "admin" as const, method: "POST" as const, path: `${A}/subscriptions/${fx.subscriptionId}/renew`, body: { expected_period_end: v }, names: ["expected_period_end"] })),
    notAnObjectBody.map((body) => ({ route: "admin: renew", as: "admin" as const, method: "POST" as const, path: `${A}/subscriptions/${fx.subscriptionId}/renew`, body, names: ["body"] })),
    // ---- admin invoice routes ----
    listQuery("admin: list invoices", "admin", `${A}/invoices`, { status: statusValue(INVOICE_STATUSES), offset: offsetValue, limit: limitValue, customer_id: textFilterValue, order_id: textFilterValue, cart_id: textFilterValue }),
    extraKey.filter((k) => !["offset", "limit", "status", "customer_id", "order_id", "cart_id", "expand", "fields"].includes(k)).map((k) => ({ route: "admin: list invoices", as: "admin" as const, method: "GET" as const, path: `${A}/invoices?${k}=1`, names: [k] })),
    brokenInvoice().map(({ field, body }) => ({ route: "admin: create invoice", as: "admin" as const, method: "POST" as const, path: `${A}/invoices`, body, names: [field] })),
    fc
      .string({ minLength: 1, maxLength: 120 })
      .map((k) => k.replace(/[^\x20-\x7e]/g, "!"))
      .filter((k) => !/^[A-Za-z0-9_-]{1,100}$/.test(k) && k.trim() === k)
      .map((key) => ({ route: "admin: create invoice", as: "admin" as const, method: "POST" as const, path: `${A}/invoices`, body: invoiceBody(fx.invoiceCustomer, "Fuzzed invoice"), headers: { "idempotency-key": key }, names: ["Idempotency-Key"] })),
    notAnObjectBody.map((body) => ({ route: "admin: create invoice", as: "admin" as const, method: "POST" as const, path: `${A}/invoices`, body, names: ["body"] })),
    badInvoiceNum.map((num) => ({ route: "admin: retrieve invoice", as: "admin" as const, method: "GET" as const, path: `${A}/invoices/${seg(num)}`, names: ["invoice_num"] })),
    fc.tuple(fc.constantFrom("send", "capture", "charge", "refund"), fc.oneof(badInvoiceNum, unknownInvoiceNum)).map(([action, num]) => ({
      route: `admin: ${action} invoice`,
      as: "admin" as const,
      method: "POST" as const,
      path: `${A}/invoices/${seg(num)}/${action}`,
      body: action === "refund" ? { amount: 100 } : action === "charge" ? VALID_CARD : {},
      names: ["invoice_num"],
    })),
    fc.tuple(fc.constantFrom("send", "capture"), extraKey).map(([action, key]) => ({ route: `admin: ${action} invoice`, as: "admin" as const, method: "POST" as const, path: `${A}/invoices/${fx.openNum}/${action}`, body: { [key]: true }, names: [key] })),
    brokenCard.map(({ field, data }) => ({ route: "admin: charge invoice", as: "admin" as const, method: "POST" as const, path: `${A}/invoices/${fx.openNum}/charge`, body: data, names: [field] })),
    fc
      .oneof(
        fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s !== "auth_only" && s !== "auth_and_capture").map((v) => ["payment_mode", { ...VALID_CARD, payment_mode: v }] as const),
        fc.oneof(fc.constantFrom("true", 1, "yes"), NESTED).map((v) => ["send_email", { ...VALID_CARD, send_email: v }] as const),
        extraKey.filter((k) => !["card_id", "cardholder_name", "card_number", "exp_month", "exp_year", "cvc", "save_card", "is_default", "payment_mode", "send_email"].includes(k)).map((k) => [k, { ...VALID_CARD, [k]: 1 }] as const)
      )
      .map(([field, body]) => ({ route: "admin: charge invoice", as: "admin" as const, method: "POST" as const, path: `${A}/invoices/${fx.openNum}/charge`, body, names: [field] })),
    fc
      .oneof(ODD_NUMBERS, fc.constantFrom(null, "100", true, 10 ** 9, 2 ** 60, undefined), NESTED, NUL_STRINGS)
      .map((amount) => ({ route: "admin: refund invoice", as: "admin" as const, method: "POST" as const, path: `${A}/invoices/${fx.paidNum}/refund`, body: amount === undefined ? {} : { amount }, names: ["amount"] })),
    badId.map((id) => ({ route: "admin: customer cards", as: "admin" as const, method: "GET" as const, path: `${A}/customers/${seg(id)}/cards`, names: ["customer", "id"] })),
    // ---- bodies that are not JSON, on every POST route ----
    fc
      .tuple(fc.constantFrom(`${S}/subscriptions/${fx.subscriptionId}/card`, `${A}/subscriptions/${fx.subscriptionId}/renew`, `${A}/invoices`, `${A}/invoices/${fx.openNum}/charge`, `${A}/invoices/${fx.paidNum}/refund`, `${A}/invoices/${fx.openNum}/send`), MALFORMED_JSON)
      .map(([path, raw]) => ({ route: `malformed JSON`, as: path.startsWith(S) ? ("customer" as const) : ("admin" as const), method: "POST" as const, path, raw, names: ["body"] }))
  )

function client(as: "customer" | "admin", index: number): MedusaRest {
  const template = as === "customer" ? fx.customer : admin()
  const api = new MedusaRest(index % 2 === 0 ? e2e.medusaUrl : e2e.secondMedusaUrl)
  Object.assign(api.headers, template.headers)
  return api
}

let sent = 0
async function send(r: HostileRequest): Promise<{ status: number; body: any }> {
  const api = client(r.as, sent++)
  const res = await fetch(api.baseUrl + r.path, {
    method: r.method,
    headers: { ...api.headers, "content-type": "application/json", ...(r.headers ?? {}) },
    body: r.method === "GET" ? undefined : r.raw ?? JSON.stringify(r.body ?? {}),
  })
  const text = await res.text()
  try {
    return { status: res.status, body: JSON.parse(text) }
  } catch {
    return { status: res.status, body: text }
  }
}

it(`${COUNT} hostile requests to every plugin route: a 4xx naming the field, nothing written`, async () => {
  const before = await snapshot()
  const run = await runCorpus({
    name: "routes",
    arbitrary: requests(),
    count: COUNT,
    seedOffset: 50,
    concurrency: CONCURRENCY,
    group: (r) => `${r.route} (${r.names[0]})`,
    async check(r) {
      const answer = await send(r)
      collectError("plugin routes", answer.body)
      check(answer.status >= 400 && answer.status < 500, `answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`)
      check(answer.status !== 401 && answer.status !== 403, `answered ${answer.status}: the request was signed in`)
      const message = typeof answer.body === "object" && answer.body ? answer.body.message : undefined
      check(typeof message === "string" && message !== "", `answered ${answer.status} without a message: ${String(JSON.stringify(answer.body)).slice(0, 120)}`)
      check(r.names.some((n) => message.toLowerCase().includes(n.toLowerCase())), `the message does not name ${r.names.join(" or ")}: ${message.slice(0, 200)}`)
      check(!JSON.stringify(answer.body).includes(VALID_CARD.card_number), "the answer holds the card number")
    },
  })
  const routes = new Set(fc.sample(requests(), { seed: FUZZ_SEED + 50, numRuns: COUNT }).map((r) => r.route))
  figures.push(`${run.count} hostile requests to the plugin's ${routes.size} store and admin routes (seed ${FUZZ_SEED + 50}): ${tally(run)}`)
  expect(describeFailures("routes", run, 50)).toEqual([])
  expect(await snapshot()).toEqual(before)
})
