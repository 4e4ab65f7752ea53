import { MedusaRest } from "../../src/demo/stack/medusa-rest"
import { admin } from "../e2e/support/admin"
import { e2e } from "../e2e/support/e2e-env"
import { Shopper, VALID_CARD } from "../e2e/support/shopper"
import { check, expectNoOrphanAuthorizations, expectOrderBooks, withDatabase } from "./support/books"
import { collectError } from "./support/error-answers"
import { writeFigures } from "./support/figures"
import { capturedOrder, guestOrder, invoiceBody, invoiceCustomer, uniqueEmail } from "./support/fixtures"
import { sandboxList } from "./support/gateway-controls"

/**
 * Races on the real store, both Medusa instances taking requests: one cart
 * completed five times at once, capture racing refund, refunds racing each
 * other, first invoices at once, and last a crowd of 100 shoppers. After
 * each, the gateway's books and Medusa's agree and no money moved twice.
 * (Subscription races are in __tests__/e2e/subscription-races.e2e.test.ts.)
 */
jest.setTimeout(10 * 60_000)

const figures: string[] = []
afterAll(() => writeFigures("2-races", { title: "Races", lines: figures }))

/** The same client on the other instance: the same database, Redis and gateway. */
function onSecondInstance(api: MedusaRest): MedusaRest {
  const other = new MedusaRest(e2e.secondMedusaUrl)
  Object.assign(other.headers, api.headers)
  return other
}

function alternating(api: MedusaRest, i: number): MedusaRest {
  return i % 2 === 0 ? api : onSecondInstance(api)
}

describe("checkouts at once", () => {
  it("5 concurrent completions of one cart: one order, one charge", async () => {
    const shopper = new Shopper()
    await shopper.fillCart({ email: uniqueEmail("eager") })
    await shopper.selectInstantMerchant()
    expect((await shopper.enterCard(VALID_CARD)).status).toBe(200)
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => alternating(shopper.api, i).post(`/store/carts/${shopper.cartId}/complete`)))
    // Each answer is the order, or a refusal with a message (Medusa locks the cart's completion); none is a 500.
    for (const a of answers) {
      if (a.status !== 200) collectError("races", a.body)
      if (a.status === 200) expect(a.body.type).toBe("order")
      else {
        expect(a.status).toBeGreaterThanOrEqual(400)
        expect(a.status).toBeLessThan(500)
        expect(a.body.message).toEqual(expect.any(String))
      }
    }
    const orderIds = new Set(answers.filter((a) => a.status === 200).map((a) => a.body.data.id))
    // The shopper whose tab was refused sees the order once they look again.
    const again = await shopper.complete()
    expect(again.status).toBe(200)
    orderIds.add(again.body.data.id)
    expect(orderIds.size).toBe(1)
    await expectOrderBooks([...orderIds][0])
    expect(await sandboxList("charges").then((c) => c.filter((x) => x.description === `Medusa cart ${shopper.cartId}`))).toHaveLength(1)
    await expectNoOrphanAuthorizations()
    figures.push(`5 concurrent completions of one cart: 1 order, 1 charge (answers ${answers.map((a) => a.status).join(", ")})`)
  })
})

describe("the admin, twice at once", () => {
  it("capture racing a refund of one order: the refund waits for or refuses the uncaptured charge, and the books agree", async () => {
    const outcomes: string[] = []
    for (let round = 0; round < 3; round++) {
      const { order } = await guestOrder()
      const api = admin()
      const [captured, refunded] = await Promise.all([
        alternating(api, round).post(`/admin/orders/${order.id}/capture`),
        alternating(api, round + 1).post(`/admin/orders/${order.id}/refund`, { amount: 1000, reason: "other" }),
      ])
      expect(captured.status).toBe(200)
      if (refunded.status !== 200) {
        expect(refunded.status).toBeLessThan(500)
        expect(refunded.body.message).toEqual(expect.any(String))
      }
      outcomes.push(`capture ${captured.status}/refund ${refunded.status}`)
      // Whatever won, capturing is done and a repeated refund lands once.
      if (refunded.status !== 200) expect((await api.post(`/admin/orders/${order.id}/refund`, { amount: 1000, reason: "other" })).status).toBe(200)
      const { order: after, charge } = await expectOrderBooks(order.id)
      expect(after.payment_status).toBe("partially_refunded")
      expect(charge).toMatchObject({ captured: true, amount_refunded: 1000 })
    }
    figures.push(`capture racing refund, 3 orders: captured once, refunded once each (${outcomes.join("; ")})`)
  })

  it("two captures at once capture once", async () => {
    const { order } = await guestOrder()
    const api = admin()
    const answers = await Promise.all([api.post(`/admin/orders/${order.id}/capture`), onSecondInstance(api).post(`/admin/orders/${order.id}/capture`)])
    for (const a of answers) expect(a.status).toBeLessThan(500)
    const { charge } = await expectOrderBooks(order.id)
    expect(charge).toMatchObject({ captured: true, amount_captured: charge.amount })
    figures.push(`two concurrent captures: captured once (answers ${answers.map((a) => a.status).join(", ")})`)
  })

  // Finding 5: identical refunds sent at once shared one idempotency key, so the gateway refunded once while Medusa recorded both.
  it.each([
    ["two identical refunds", [700, 700]],
    ["five identical refunds", [500, 500, 500, 500, 500]],
    ["a mix", [1200, 300, 300, 700, 500]],
    ["more than is left, at once", [2000, 2000]],
  ])("concurrent refunds (%s): the gateway's refunds add up to Medusa's refunded_total", async (_name, amounts) => {
    const { order } = await capturedOrder()
    const api = admin()
    const answers = await Promise.all(amounts.map((amount, i) => alternating(api, i).post(`/admin/orders/${order.id}/refund`, { amount, reason: "other" })))
    for (const a of answers) {
      if (a.status !== 200) collectError("races", a.body)
      if (a.status !== 200) {
        expect(a.status).toBeLessThan(500)
        expect(a.body.message).toEqual(expect.any(String))
      }
    }
    const { order: after } = await admin().must("GET", `/admin/orders/${order.id}`)
    const charge = (await sandboxList("charges")).find((c) => c.charge_id === order.payments[0].data.charge_id)
    const refunds = (await sandboxList("refunds")).filter((r) => r.charge_id === charge.charge_id)
    const gatewayTotal = refunds.reduce((n, r) => n + r.amount, 0)
    figures.push(
      `concurrent refunds [${amounts.join(", ")}] of ${charge.amount}: answers ${answers.map((a) => a.status).join(", ")}; the gateway made ${refunds.length} refunds (${gatewayTotal}), Medusa's refunded_total is ${after.refunded_total}${gatewayTotal === after.refunded_total ? "" : " ✗"}`
    )
    check(gatewayTotal === after.refunded_total, `the gateway refunded ${gatewayTotal} in ${refunds.length} refunds, Medusa's refunded_total is ${after.refunded_total}`)
    expect(after.refunded_total).toBeLessThanOrEqual(charge.amount)
    // Every refund Medusa answered 200 is one gateway refund.
    expect(refunds).toHaveLength(answers.filter((a) => a.status === 200).length)
    await expectOrderBooks(order.id)
  })
})

describe("the admin's invoices, at once", () => {
  it("first invoices of new customers at once: each is created, on one gateway customer of its own", async () => {
    const [ROUNDS, AT_ONCE] = [5, 5]
    const api = admin()
    const refused: string[] = []
    let created = 0
    // A few rounds on one instance: the collision needs two requests inside the same moment.
    for (let round = 0; round < ROUNDS; round++) {
      const customers = await Promise.all(Array.from({ length: AT_ONCE }, () => invoiceCustomer()))
      const answers = await Promise.all(customers.map((id) => api.post("/admin/instantmerchant/invoices", invoiceBody(id, `Race ${uniqueEmail("invoice")}`))))
      created += answers.filter((a) => a.status === 200).length
      refused.push(...answers.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.body?.message}`))
      const gatewayCustomers = await sandboxList("customers")
      for (const id of customers) expect(gatewayCustomers.filter((c) => String(c.username).startsWith(`medusa_${id}_`))).toHaveLength(1)
    }
    figures.push(`first invoices of ${ROUNDS * AT_ONCE} new customers, ${AT_ONCE} at once: ${created} of ${ROUNDS * AT_ONCE} created${refused.length ? ` (${[...new Set(refused)].join("; ")})` : ""}`)
    expect(refused).toEqual([])
  })
})

/**
 * Last: when Medusa's pool of database connections runs dry, the instances
 * stop answering for good, so nothing may come after this in the file (the
 * leak scan after it needs only the database and the logs).
 */
describe("a crowd", () => {
  it("100 concurrent guest checkouts: 100 orders, each on one charge of its own total", async () => {
    const SHOPPERS = 100
    const started = Date.now()
    const chargesBefore = (await sandboxList("charges")).length
    const progress = new Progress()
    const orders = await progress.watch(
      Promise.all(
        Array.from({ length: SHOPPERS }, async (_, i) => {
          const shopper = new Shopper()
          ;(shopper as { api: MedusaRest }).api = progress.client(i % 2 === 0 ? e2e.medusaUrl : e2e.secondMedusaUrl, shopper.api)
          return shopper.buy(VALID_CARD, { email: uniqueEmail("crowd"), quantity: 1 + (i % 3) })
        })
      ),
      `${SHOPPERS} checkouts`
    ).catch((e: Error) => {
      figures.push(`${SHOPPERS} concurrent guest checkouts on two instances: ✗ ${e.message}`)
      throw e
    })
    const seconds = (Date.now() - started) / 1000
    expect(new Set(orders.map((o) => o.id)).size).toBe(SHOPPERS)
    expect(new Set(orders.map((o) => o.payments[0].data.charge_id)).size).toBe(SHOPPERS)
    for (const order of orders) await expectOrderBooks(order.id)
    expect((await sandboxList("charges")).length - chargesBefore).toBe(SHOPPERS)
    await expectNoOrphanAuthorizations()
    figures.push(`${SHOPPERS} concurrent guest checkouts on two instances: ${SHOPPERS} orders, ${SHOPPERS} charges, books agree (${seconds.toFixed(0)} s)`)
  })

})

/**
 * "Not a hang" for a crowd: any request of the crowd answering is progress;
 * a whole minute without one means the store stopped answering, and the
 * failure says what the database was doing.
 */
class Progress {
  private last = Date.now()
  /** Every request of the crowd; a stalled crowd's requests are aborted, so that nothing keeps the run waiting. */
  private readonly aborts = new AbortController()
  static readonly STALL_MS = 60_000

  client(baseUrl: string, template: MedusaRest): MedusaRest {
    const api = new MedusaRest(baseUrl)
    Object.assign(api.headers, template.headers)
    api.request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      try {
        const res = await fetch(baseUrl + path, {
          method,
          headers: { "content-type": "application/json", ...api.headers, ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: this.aborts.signal,
        })
        const text = await res.text()
        return { status: res.status, body: text ? JSON.parse(text) : undefined }
      } finally {
        this.last = Date.now()
      }
    }
    return api
  }

  async watch<T>(work: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const stalled = new Promise<never>((_, reject) => {
      timer = setInterval(() => {
        if (Date.now() - this.last < Progress.STALL_MS) return
        clearInterval(timer)
        void stuckTransactions().then((stuck) => {
          reject(new Error(`${what}: no request answered for ${Progress.STALL_MS / 1000} s; the database holds ${stuck}`))
          this.aborts.abort()
        })
      }, 1000)
    })
    work.catch(() => undefined)
    try {
      return await Promise.race([work, stalled])
    } finally {
      clearInterval(timer)
    }
  }
}

/** What a stalled store's database connections are doing, e.g. "10 connections idle in transaction for 61 s". */
async function stuckTransactions(): Promise<string> {
  return withDatabase(async (db) => {
    const { rows } = await db.query(
      `select state, count(*)::int as n, max(extract(epoch from now() - xact_start))::int as seconds
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null group by state`
    )
    return rows.map((r) => `${r.n} connections ${r.state} for up to ${r.seconds} s`).join(", ") || "no open transaction"
  })
}
