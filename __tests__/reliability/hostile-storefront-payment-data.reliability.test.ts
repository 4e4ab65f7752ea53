import fc from "fast-check"
import { MedusaRest } from "../../src/demo/stack/medusa-rest"
import { e2e } from "../e2e/support/e2e-env"
import { Shopper, VALID_CARD } from "../e2e/support/shopper"
import { check } from "./support/books"
import { BrokenCard, brokenCard, brokenSavedCard } from "./support/card-breakers"
import { describeFailures, runCorpus, tally } from "./support/corpus"
import { collectError } from "./support/error-answers"
import { writeFigures } from "./support/figures"
import { uniqueEmail } from "./support/fixtures"
import { FUZZ_SEED } from "./support/fuzz-seed"
import { MALFORMED_JSON, NESTED } from "./support/hostile-values"
import { snapshot } from "./support/untouched"

/**
 * The storefront's payment data, `POST /store/carts/:id/payment-sessions/:provider_id`
 * with `data`, for both providers, from guests and a signed-in customer:
 * card details with one field hostile, saved-card ids that are not, `data`
 * that is not an object, and bodies that are not JSON. Each is a 4xx whose
 * message names the field; none reaches the gateway or leaves a card on
 * the session.
 */
jest.setTimeout(10 * 60_000)

/** Four requests in flight per instance: each holds two of Medusa's ten database connections (see races.reliability.test.ts). */
const CONCURRENCY = 8
const COUNTS = { card: 1500, data: 300, malformed: 200 }
const figures: string[] = []
let carts: Array<{ shopper: Shopper; api: MedusaRest; provider: string }> = []
let free: number[] = []

afterAll(() => writeFigures("3-input-storefront", { title: "Hostile input: storefront payment data", lines: figures }))

beforeAll(async () => {
  // One cart per request in flight, spread over both instances and both providers; one shopper signed in.
  carts = await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, i) => {
      const shopper = new Shopper()
      const email = uniqueEmail("fuzzer")
      if (i === 0) await shopper.signUp(email)
      const provider = i % 2 === 0 ? "instantmerchant" : "instantmerchant-invoice"
      await shopper.fillCart({ email })
      const selected = await shopper.selectInstantMerchant(provider)
      if (selected.status !== 200) throw new Error(`selecting ${provider} answered ${selected.status}`)
      const api = i % 2 === 0 ? shopper.api : onSecondInstance(shopper.api)
      return { shopper, api, provider }
    })
  )
  free = carts.map((_, i) => i)
})

function onSecondInstance(api: MedusaRest): MedusaRest {
  const other = new MedusaRest(e2e.secondMedusaUrl)
  Object.assign(other.headers, api.headers)
  return other
}

/** Runs `work` on a cart nobody else is using. */
async function withCart<T>(work: (cart: (typeof carts)[number]) => Promise<T>): Promise<T> {
  while (free.length === 0) await new Promise((r) => setTimeout(r, 5))
  const i = free.pop()!
  try {
    return await work(carts[i])
  } finally {
    free.push(i)
  }
}

function expectNamed(answer: { status: number; body: any }, field: string): void {
  collectError("storefront payment data", answer.body)
  check(answer.status >= 400 && answer.status < 500, `answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`)
  const message = typeof answer.body === "object" && answer.body ? answer.body.message : undefined
  check(typeof message === "string", `answered ${answer.status} without a JSON message: ${String(typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body)).slice(0, 120)}`)
  check(new RegExp(`\\b${field}\\b`).test(message), `the message does not name ${field}: ${message.slice(0, 200)}`)
  check(!JSON.stringify(answer.body).includes(VALID_CARD.card_number), "the answer holds the card number")
}

/** The gateway's writes, the plugin's tables, and the card on each cart's session. */
async function state(): Promise<unknown> {
  const sessions = await Promise.all(carts.map(async ({ shopper }) => (await shopper.api.must("GET", `/store/carts/${shopper.cartId}`)).cart.payment_session.data.card_id ?? null))
  return { ...(await snapshot()), sessions }
}

it(`${COUNTS.card} card entries with one hostile field: a 4xx naming it, nothing sent to the gateway or kept`, async () => {
  const before = await state()
  const run = await runCorpus<BrokenCard>({
    name: "card data",
    arbitrary: fc.oneof({ weight: 9, arbitrary: brokenCard }, { weight: 1, arbitrary: brokenSavedCard }),
    count: COUNTS.card,
    seedOffset: 40,
    concurrency: CONCURRENCY,
    group: (input) => input.field,
    check: (input) =>
      withCart(async ({ shopper, api, provider }) => expectNamed(await api.post(`/store/carts/${shopper.cartId}/payment-sessions/${provider}`, { data: input.data }), input.field)),
  })
  figures.push(`${run.count} card entries with one hostile field, both providers, guests and a signed-in customer (seed ${FUZZ_SEED + 40}): ${tally(run)}`)
  expect(describeFailures("payment data", run, 40)).toEqual([])
  expect(await state()).toEqual(before)
})

it(`${COUNTS.data} payment data that are not card data: a 4xx naming data`, async () => {
  const before = await state()
  const notAnObject = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }), fc.constant(null))
  const noCard = NESTED.filter((v) => v !== null && typeof v === "object" && !Array.isArray(v) && !["card_id", "cardholder_name", "card_number", "exp_month", "exp_year", "cvc"].some((k) => k in (v as object)))
  const run = await runCorpus({
    name: "data",
    arbitrary: fc.oneof(notAnObject.map((data) => ({ field: "data", body: { data } as unknown })), noCard.map((data) => ({ field: "card_number", body: { data } as unknown })), fc.constant({ field: "data", body: {} as unknown })),
    count: COUNTS.data,
    seedOffset: 41,
    concurrency: CONCURRENCY,
    group: (input) => input.field,
    check: (input) => withCart(async ({ shopper, api, provider }) => expectNamed(await api.post(`/store/carts/${shopper.cartId}/payment-sessions/${provider}`, input.body), input.field)),
  })
  figures.push(`${run.count} payment data that are not card data (seed ${FUZZ_SEED + 41}): ${tally(run)}`)
  expect(describeFailures("payment data shape", run, 41)).toEqual([])
  expect(await state()).toEqual(before)
})

it(`${COUNTS.malformed} bodies that are not JSON: a 400 naming the body, in Medusa's JSON error shape`, async () => {
  const before = await state()
  const run = await runCorpus({
    name: "malformed",
    arbitrary: MALFORMED_JSON.map((raw) => `{"data": {"card_number": "4242424242424242", "x": ${raw}`),
    count: COUNTS.malformed,
    seedOffset: 42,
    concurrency: CONCURRENCY,
    group: () => "body",
    check: (raw) =>
      withCart(async ({ shopper, api, provider }) => {
        const res = await fetch(`${api.baseUrl}/store/carts/${shopper.cartId}/payment-sessions/${provider}`, { method: "POST", headers: { ...api.headers, "content-type": "application/json" }, body: raw })
        const text = await res.text()
        let body: unknown = text
        try {
          body = JSON.parse(text)
        } catch {
          // stays text: expectNamed says so
        }
        expectNamed({ status: res.status, body }, "body")
      }),
  })
  figures.push(`${run.count} malformed JSON bodies (seed ${FUZZ_SEED + 42}): ${tally(run)}`)
  expect(describeFailures("payment data body", run, 42)).toEqual([])
  expect(await state()).toEqual(before)
})
