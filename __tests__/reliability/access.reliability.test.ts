import { InstantMerchantClient, InvalidRequestError, AuthenticationError } from "../../src/client"
import { MedusaRest } from "../../src/demo/stack/medusa-rest"
import { startSandbox, type Sandbox } from "../../src/sandbox"
import { admin } from "../e2e/support/admin"
import { e2e } from "../e2e/support/e2e-env"
import { Shopper, VALID_CARD } from "../e2e/support/shopper"
import { collectError } from "./support/error-answers"
import { writeFigures } from "./support/figures"
import { chargedInvoice, subscription, uniqueEmail } from "./support/fixtures"
import { sandboxList } from "./support/gateway-controls"
import { fill, pluginRoutes } from "./support/plugin-routes"
import { snapshot } from "./support/untouched"

/**
 * Who may do what: the admin routes need an admin, the store routes a
 * customer who only ever reaches their own subscriptions, cards and
 * invoices, and the gateway's test keys never reach live data (nor the
 * reverse: the environments doc, "All API requests that exist in the
 * development environment cannot be manipulated by objects in the
 * production environment and vice versa").
 */
jest.setTimeout(5 * 60_000)

const figures: string[] = []
afterAll(() => writeFigures("4-access", { title: "Access", lines: figures }))

let owner: Awaited<ReturnType<typeof subscription>>
let ownerCard: string
let invoice: any

beforeAll(async () => {
  owner = await subscription()
  // The owner also saves a card, and has an admin invoice.
  const saved = await owner.shopper.buy({ ...VALID_CARD, card_number: "5555555555554444", save_card: true }, { email: owner.order.email })
  ownerCard = saved.payments[0].data.card_id
  invoice = await chargedInvoice("auth_only")
})

describe("without a session", () => {
  const routes = pluginRoutes()
  const params = () => ({ id: owner.subscription.id, invoice_num: String(invoice.invoice_num) })

  it("every admin route answers 401 to nobody, to a customer and to a forged token, and changes nothing", async () => {
    const adminRoutes = routes.filter((r) => r.pattern.startsWith("/admin/"))
    expect(adminRoutes.length).toBeGreaterThanOrEqual(12)
    const before = await snapshot()
    const callers: Array<[string, Record<string, string>]> = [
      ["nobody", {}],
      ["a customer", { authorization: owner.shopper.api.headers.authorization }],
      ["a forged token", { authorization: `Bearer ${forge(e2e.seed.adminToken)}` }],
      ["a publishable key", { "x-publishable-api-key": e2e.seed.publishableKey }],
    ]
    const answers: string[] = []
    for (const route of adminRoutes) {
      for (const [who, headers] of callers) {
        const path = fill(route.pattern.replace("[id]/cards", "[customer]/cards"), { ...params(), customer: owner.order.customer_id })
        const res = await fetch(e2e.medusaUrl + path, { method: route.method, headers: { "content-type": "application/json", ...headers }, body: route.method === "POST" ? JSON.stringify(route.pattern.endsWith("/refund") ? { amount: 100 } : {}) : undefined })
        if (res.status !== 401) answers.push(`${route.method} ${path} as ${who}: ${res.status}`)
      }
    }
    expect(answers).toEqual([])
    expect(await snapshot()).toEqual(before)
    figures.push(`${adminRoutes.length} admin routes × ${callers.length} callers without an admin session: all 401, nothing written`)
  })

  it("every store route answers 401 without a customer, and to an admin's token", async () => {
    const storeRoutes = routes.filter((r) => r.pattern.startsWith("/store/"))
    expect(storeRoutes.length).toBeGreaterThanOrEqual(4)
    const before = await snapshot()
    const answers: string[] = []
    for (const route of storeRoutes) {
      for (const [who, headers] of [["nobody", {}], ["the admin", { authorization: `Bearer ${e2e.seed.adminToken}` }]] as const) {
        const path = fill(route.pattern, params())
        const res = await fetch(e2e.medusaUrl + path, {
          method: route.method,
          headers: { "content-type": "application/json", "x-publishable-api-key": e2e.seed.publishableKey, ...headers },
          body: route.method === "POST" ? JSON.stringify(VALID_CARD) : undefined,
        })
        if (res.status !== 401) answers.push(`${route.method} ${path} as ${who}: ${res.status}`)
      }
    }
    expect(answers).toEqual([])
    expect(await snapshot()).toEqual(before)
    figures.push(`${storeRoutes.length} store routes without a customer session: all 401, nothing written`)
  })
})

describe("another customer", () => {
  let other: Shopper
  beforeAll(async () => {
    other = new Shopper()
    await other.signUp(uniqueEmail("other"))
    // The other customer has a card of their own, so an empty answer is not the only possible one.
    await other.buy({ ...VALID_CARD, save_card: true }, { email: (await other.api.must("GET", "/store/customers/me")).customer.email })
  })

  it("sees none of the owner's subscriptions or cards, and cannot cancel or move the owner's subscription", async () => {
    const before = await snapshot()
    const { subscriptions } = await other.api.must("GET", "/store/customers/me/instantmerchant/subscriptions?limit=100")
    expect(subscriptions.map((s: { id: string }) => s.id)).not.toContain(owner.subscription.id)
    expect(subscriptions.every((s: { customer_id: string }) => s.customer_id !== owner.order.customer_id)).toBe(true)
    const { cards } = await other.api.must("GET", "/store/customers/me/instantmerchant/cards")
    expect(cards.length).toBeGreaterThan(0)
    expect(cards.map((c: { card_id: string }) => c.card_id)).not.toContain(ownerCard)
    const S = `/store/customers/me/instantmerchant/subscriptions/${owner.subscription.id}`
    expect((await other.api.post(`${S}/cancel`)).status).toBe(404)
    expect((await other.api.post(`${S}/card`, { ...VALID_CARD, card_number: "4111111111111111" })).status).toBe(404)
    expect(await snapshot()).toEqual(before)
    const { subscription: after } = await admin().must("GET", `/admin/instantmerchant/subscriptions/${owner.subscription.id}`)
    expect(after).toMatchObject({ status: "active", card_id: owner.subscription.card_id })
  })

  it("no store route serves invoices: they are the admin's", async () => {
    for (const path of ["/store/customers/me/instantmerchant/invoices", `/store/customers/me/instantmerchant/invoices/${invoice.invoice_num}`, `/store/instantmerchant/invoices/${invoice.invoice_num}`]) {
      const res = await other.api.get(path)
      expect(res.status).toBe(404)
      expect(JSON.stringify(res.body ?? "")).not.toContain(invoice.charge_id)
    }
  })

  it("cannot pay with the owner's saved card, signed in as themselves", async () => {
    await other.fillCart({ email: uniqueEmail("other-cart") })
    await other.selectInstantMerchant()
    const stolen = await other.enterCard({ card_id: ownerCard })
    expect(stolen.status).toBe(400)
    expect(stolen.body.message).toContain("card_id:")
    expect(await sandboxList("charges").then((c) => c.filter((x) => x.description === `Medusa cart ${other.cartId}`))).toHaveLength(0)
    figures.push("another customer: none of the owner's subscriptions or cards listed, cancel and card update 404, the owner's card refused at checkout")
  })

  // Finding 2: Medusa lets an unauthenticated cart name any customer_id; the account's cards must stay the account's.
  async function impostorCart(): Promise<Shopper> {
    const guest = new Shopper()
    await guest.fillCart({ email: uniqueEmail("impostor") })
    const claimed = await guest.api.post(`/store/carts/${guest.cartId}`, { customer_id: owner.order.customer_id })
    expect(claimed.status).toBeLessThan(500)
    await guest.selectInstantMerchant()
    return guest
  }

  it("a guest cart that names the owner as its customer cannot pay with the owner's saved card", async () => {
    const guest = await impostorCart()
    const stolen = await guest.enterCard({ card_id: ownerCard })
    figures.push(`a guest cart naming another customer, paying with their saved card: ${stolen.status === 400 ? "refused" : `✗ answered ${stolen.status}`}`)
    expect(stolen.status).toBe(400)
    expect(stolen.body.message).toContain("card_id:")
    expect((await guest.complete()).body.type).not.toBe("order")
    expect(await sandboxList("charges").then((c) => c.filter((x) => x.description === `Medusa cart ${guest.cartId}`))).toHaveLength(0)
  })

  it("a guest cart that names the owner as its customer cannot save a card onto the owner's account", async () => {
    const guest = await impostorCart()
    const planted = await guest.enterCard({ ...VALID_CARD, card_number: "4111111111111111", save_card: true })
    const ownerCards = (await owner.shopper.api.must("GET", "/store/customers/me/instantmerchant/cards")).cards
    const plantedOnOwner = ownerCards.some((c: { last_4: string }) => c.last_4 === "1111")
    figures.push(`a guest cart naming another customer, saving a card: ${plantedOnOwner ? "✗ saved onto their account" : "refused"}`)
    expect(plantedOnOwner).toBe(false)
    expect(planted.status).toBe(400)
    expect(planted.body.message).toContain("save_card:")
  })
})

describe("the gateway's environments", () => {
  let sandbox: Sandbox
  const pairs = { test: { apiKey: "im_test_key", apiSecret: "im_test_secret" }, live: { apiKey: "im_live_key", apiSecret: "im_live_secret" } }
  const client = (env: "test" | "live", secret?: string) =>
    new InstantMerchantClient({ ...pairs[env], ...(secret ? { apiSecret: secret } : {}), baseUrl: sandbox.apiBaseUrl, maxRetries: 0 })

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, liveApiKey: pairs.live.apiKey, liveApiSecret: pairs.live.apiSecret })
  })
  afterAll(() => sandbox.close())

  it("test keys never reach live objects, and live keys never reach test ones", async () => {
    const made: Record<string, { customer: number; card: string; charge: string; subscription: string }> = {}
    for (const env of ["test", "live"] as const) {
      const im = client(env)
      const customer = (await im.customers.create({ name: "Jim Doe", email: `${env}@example.com`, username: `${env}_owner`, address: "1 Main St", city: "Nashville", zip: "37251", state: "TN", country: "US" })).customer_id
      const card = (await im.cards.create({ customer, ...VALID_CARD, save_card: true })).card_id
      const charge = (await im.charges.create({ name: "Jim Doe", email: `${env}@example.com`, description: env, amount: 2500, address: "1 Main St", city: "Nashville", zip: "37251", state: "TN", country: "US", card_id: card, payment_mode: "auth_only" })).charge_id
      const sub = await im.charges.create({ name: "Jim Doe", email: `${env}@example.com`, description: env, amount: 2500, address: "1 Main St", city: "Nashville", zip: "37251", state: "TN", country: "US", card_id: card, payment_mode: "auth_and_capture", payment_type: "recurring", interval: "monthly" })
      made[env] = { customer, card, charge, subscription: sub.subscription_id! }
    }
    const crossings: string[] = []
    let attemptCount = 0
    for (const [from, to] of [["test", "live"], ["live", "test"]] as const) {
      const im = client(from)
      const theirs = made[to]
      const attempts: Array<[string, () => Promise<unknown>]> = [
        ["capture their charge", () => im.charges.capture({ charge_id: theirs.charge })],
        ["refund their charge", () => im.charges.refund({ charge_id: theirs.charge })],
        ["charge their card", () => im.charges.create({ name: "X", email: "x@example.com", description: "x", amount: 100, address: "a", city: "b", zip: "1", state: "TN", country: "US", card_id: theirs.card })],
        ["list their card", () => im.cards.retrieve({ customer: made[from].customer, card_id: theirs.card })],
        ["renew their subscription", () => im.subscriptions.renew({ subscription_id: theirs.subscription })],
        ["cancel their subscription", () => im.subscriptions.cancel({ subscription_id: theirs.subscription })],
      ]
      for (const [what, attempt] of attempts) {
        attemptCount++
        try {
          await attempt()
          crossings.push(`${from} keys could ${what}`)
        } catch (e) {
          collectError("client", e)
          if (!(e instanceof InvalidRequestError && e.statusCode === 404)) crossings.push(`${from} keys, ${what}: ${(e as Error).message}`)
        }
      }
      // A key of one environment with the secret of the other opens neither.
      await expect(client(from, pairs[to].apiSecret).cards.retrieve({ customer: made[from].customer })).rejects.toBeInstanceOf(AuthenticationError)
    }
    // Invoice numbers count from 1 in each environment: a number only the other side has is unknown here.
    const invoiceIn = (env: "test" | "live") => client(env).invoices.create({ customer: made[env].customer, description: env, date_due: "12/31/2030", items: ["a"], items_price: [1500] })
    await invoiceIn("test")
    await invoiceIn("live")
    const liveOnly = (await invoiceIn("live")).invoice_num
    await expect(client("test").invoices.send({ invoice_num: liveOnly })).rejects.toMatchObject({ statusCode: 404 })
    await invoiceIn("test")
    const testOnly = (await invoiceIn("test")).invoice_num
    await expect(client("live").invoices.send({ invoice_num: testOnly })).rejects.toMatchObject({ statusCode: 404 })
    expect(crossings).toEqual([])
    expect(sandbox.controls.list("outbox", "test").concat(sandbox.controls.list("outbox", "live"))).toEqual([])
    // Nothing moved on either side.
    for (const env of ["test", "live"] as const) {
      const charges = sandbox.controls.list("charges", env)
      expect(charges.find((c) => c.charge_id === made[env].charge)).toMatchObject({ status: "authorized", amount_refunded: 0 })
      expect(sandbox.controls.list("subscriptions", env).find((s) => s.subscription_id === made[env].subscription)).toMatchObject({ status: "active" })
      expect(charges).toHaveLength(2)
    }
    figures.push(`test and live keys: ${attemptCount + 2} cross-environment attempts all 404, mixed key pairs 401, nothing moved`)
  })
})

/** The admin's token with its signature's last character changed. */
function forge(token: string): string {
  const last = token.slice(-1)
  return token.slice(0, -1) + (last === "A" ? "B" : "A")
}
