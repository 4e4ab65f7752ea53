import { Client } from "pg"
import { MedusaRest } from "../../src/demo/stack/medusa-rest"
import { admin } from "./support/admin"
import { e2e } from "./support/e2e-env"
import { eventually } from "./support/eventually"
import { gateway } from "./support/sandbox-inspector"
import { Shopper, VALID_CARD } from "./support/shopper"

/**
 * Subscriptions under races and gateway errors, on the real store: both
 * Medusa instances run the renewal job every 2 s by the sandbox's clock, so
 * every wait here is for a condition, and due rows are made due through SQL
 * (E2E_DATABASE_URL) rather than by moving the clock for everyone.
 */
const RENEW = "/api/v2/subscription/renew"
/** How long the sandbox holds the renewal's answer, and so the renewal its row lock: a card change and a cancel are sent inside it. */
const RENEWAL_HELD_MS = 10_000
const NEW_CARD = { ...VALID_CARD, card_number: "5555555555554444" }
const MINUTE_MS = 60_000

let db: Client
beforeAll(async () => {
  db = new Client({ connectionString: e2e.databaseUrl })
  await db.connect()
})
afterAll(async () => {
  await db.end()
})

async function subscribe(): Promise<{ shopper: Shopper; subscription: any }> {
  const shopper = new Shopper()
  const address = `racer-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`
  await shopper.signUp(address)
  const order = await shopper.buy(VALID_CARD, { email: address, variantId: e2e.seed.subscriptionVariantId })
  const subscription = await eventually(async () => {
    const { subscriptions } = await admin().must("GET", `/admin/instantmerchant/subscriptions?customer_id=${order.customer_id}`)
    expect(subscriptions).toHaveLength(1)
    return subscriptions[0]
  })
  return { shopper, subscription }
}

async function adminView(id: string): Promise<any> {
  return (await admin().must("GET", `/admin/instantmerchant/subscriptions/${id}`)).subscription
}

const succeeded = (renewals: any[]): any[] => renewals.filter((r) => r.status === "succeeded")

/** The record is never behind its own renewals: no recorded success paid a period past the record's end. */
async function expectNotBehind(id: string): Promise<void> {
  const view = await adminView(id)
  for (const r of succeeded(view.renewals)) expect({ renewal: r.id, record_period_end: view.current_period_end }).toEqual({ renewal: r.id, record_period_end: r.period_end })
}
const renewalCharges = async (gatewaySubscriptionId: string) => (await gateway.list("charges")).filter((c) => c.subscription_id === gatewaySubscriptionId)

async function gatewaySubscription(gatewaySubscriptionId: string): Promise<any> {
  const [found] = (await gateway.list("subscriptions")).filter((s) => s.subscription_id === gatewaySubscriptionId)
  return found
}

/** The sandbox's "now", which the renewal job goes by in this suite. */
async function sandboxNow(): Promise<Date> {
  const { now } = (await (await fetch(`${e2e.sandboxUrl}/_sandbox/clock`)).json()) as { now: number }
  return new Date(now * 1000)
}

async function injectFault(fault: Record<string, unknown>): Promise<{ fault_id: string }> {
  const res = await fetch(`${e2e.sandboxUrl}/_sandbox/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(fault) })
  expect(res.status).toBe(200)
  return ((await res.json()) as { fault: { fault_id: string } }).fault
}

async function pendingFaultIds(): Promise<string[]> {
  const { data } = (await (await fetch(`${e2e.sandboxUrl}/_sandbox/faults`)).json()) as { data: Array<{ fault_id: string }> }
  return data.map((f) => f.fault_id)
}

async function makeDue(ids: string[], at: Date): Promise<void> {
  await db.query(`UPDATE "instantmerchant_subscription" SET "next_renewal_at" = $2 WHERE "id" = ANY($1)`, [ids, at])
}

type Answer = { status: number; body: any }

/**
 * Starts `first`, whose gateway call a `delay` fault on `gatewayPath` holds
 * for RENEWAL_HELD_MS, and runs `during` while it is held: the fault is used
 * up when the request reaches the sandbox, and from then until the delay
 * ends, `first` is in the middle of its gateway call.
 */
async function whileHeld<T>(gatewayPath: string, first: () => Promise<Answer>, during: () => Promise<T>): Promise<{ first: Answer; during: T }> {
  const fault = await injectFault({ path: gatewayPath, type: "delay", delay_ms: RENEWAL_HELD_MS })
  const started = first()
  await eventually(async () => expect(await pendingFaultIds()).not.toContain(fault.fault_id), 30_000)
  const duringAnswer = await during()
  return { first: await started, during: duringAnswer }
}

const routes = (id: string) => ({
  renew: `/admin/instantmerchant/subscriptions/${id}/renew`,
  card: `/store/customers/me/instantmerchant/subscriptions/${id}/card`,
  cancel: `/store/customers/me/instantmerchant/subscriptions/${id}/cancel`,
})

const renewNow = (subscription: any) => () => admin().post(routes(subscription.id).renew, { expected_period_end: subscription.current_period_end })

/** Once it is all over: one renewal at the gateway, recorded once, and the record shows the renewed period. */
async function expectRenewedOnce(subscription: any, renewed: any): Promise<any> {
  expect(renewed.renewal).toMatchObject({ status: "succeeded", attempt: 1, trigger: "admin", period_start: subscription.current_period_end })
  expect(new Date(renewed.subscription.current_period_end).getTime()).toBeGreaterThan(new Date(subscription.current_period_end).getTime())
  const charges = await renewalCharges(subscription.gateway_subscription_id)
  expect(charges).toHaveLength(2)
  const after = await adminView(subscription.id)
  expect(after).toMatchObject({ current_period_start: subscription.current_period_end, current_period_end: renewed.subscription.current_period_end })
  expect(succeeded(after.renewals).map((r: any) => r.charge_id)).toEqual([renewed.renewal.charge_id])
  expect(charges.map((c) => c.charge_id)).toContain(renewed.renewal.charge_id)
  return after
}

function expectBusy(answer: Answer): void {
  expect(answer.status).toBe(409)
  expect(answer.body).toMatchObject({ code: "subscription_busy", message: expect.stringContaining("already under way; nothing was changed: try again") })
}

describe("a renewal racing a card change or a cancel", () => {
  it("a card change while the renewal is at the gateway is refused before the gateway; tried again, it keeps the renewed period", async () => {
    const { shopper, subscription } = await subscribe()
    const path = routes(subscription.id).card
    const race = await whileHeld(RENEW, renewNow(subscription), () => shopper.api.post(path, NEW_CARD))
    expect(race.first.status).toBe(200)
    await expectNotBehind(subscription.id)
    // The held request was this renewal's.
    const held = (await gateway.list("requests")).filter((r) => r.path === RENEW && r.fault === "delay").map((r) => r.idempotency_key)
    expect(held).toContain(`im_renew_${subscription.gateway_subscription_id}_${new Date(subscription.current_period_end).getTime() / 1000}_1`)
    expectBusy(race.during)
    // Nothing reached the gateway: it still bills the first card.
    expect(await gatewaySubscription(subscription.gateway_subscription_id)).toMatchObject({ status: "active", card_id: subscription.card_id })

    const moved = (await shopper.api.must("POST", path, NEW_CARD)).subscription
    expect(moved).toMatchObject({ card_last_4: "4444", status: "active", current_period_end: race.first.body.subscription.current_period_end, next_renewal_at: race.first.body.subscription.next_renewal_at })
    expect(await gatewaySubscription(subscription.gateway_subscription_id)).toMatchObject({ status: "active", card_id: moved.card_id })
    await expectRenewedOnce(subscription, race.first.body)
  })

  it("a renewal while a card change is at the gateway is refused before the gateway; the card change does not write the old period back, and the renewal tried again charges the new card", async () => {
    const { shopper, subscription } = await subscribe()
    const race = await whileHeld("/api/v2/subscription/update_card", () => shopper.api.post(routes(subscription.id).card, NEW_CARD), renewNow(subscription))
    expect(race.first.status).toBe(200)
    expect(race.first.body.subscription.card_last_4).toBe("4444")
    await expectNotBehind(subscription.id)
    // The renewal came while the card change held the subscription: refused, nothing charged, the admin renews again.
    expectBusy(race.during)
    expect(await renewalCharges(subscription.gateway_subscription_id)).toHaveLength(1)
    const renewed = await admin().must("POST", routes(subscription.id).renew, { expected_period_end: subscription.current_period_end })
    const after = await expectRenewedOnce(subscription, renewed)
    expect(after.card_last_4).toBe("4444")
    // And the renewal charged the new card.
    const charge = await gateway.charge(renewed.renewal.charge_id)
    expect(charge.card_id).toBe(race.first.body.subscription.card_id)
  })

  it("a cancel while the renewal is at the gateway is refused before the gateway, so the renewal stands; tried again, it cancels without reverting the period", async () => {
    const { shopper, subscription } = await subscribe()
    const path = routes(subscription.id).cancel
    const race = await whileHeld(RENEW, renewNow(subscription), () => shopper.api.post(path))
    expect(race.first.status).toBe(200)
    await expectNotBehind(subscription.id)
    expect(race.first.body.renewal.status).toBe("succeeded")
    expectBusy(race.during)
    expect(await gatewaySubscription(subscription.gateway_subscription_id)).toMatchObject({ status: "active" })

    const canceled = (await shopper.api.must("POST", path)).subscription
    expect(canceled).toMatchObject({ status: "canceled", current_period_end: race.first.body.subscription.current_period_end, next_renewal_at: null })
    expect(await gatewaySubscription(subscription.gateway_subscription_id)).toMatchObject({ status: "canceled" })
    await expectRenewedOnce(subscription, race.first.body)
  })

  it("a renewal while a cancel is at the gateway is refused, and nothing is charged", async () => {
    const { shopper, subscription } = await subscribe()
    const race = await whileHeld("/api/v2/subscription/cancel", () => shopper.api.post(routes(subscription.id).cancel), renewNow(subscription))
    expect(race.first.status).toBe(200)
    await expectNotBehind(subscription.id)
    expectBusy(race.during)
    const after = await adminView(subscription.id)
    expect(after).toMatchObject({ status: "canceled", current_period_end: subscription.current_period_end, next_renewal_at: null, renewals: [] })
    expect(await renewalCharges(subscription.gateway_subscription_id)).toHaveLength(1)
    const late = await admin().post(routes(subscription.id).renew, { expected_period_end: subscription.current_period_end })
    expect(late.status).toBe(400)
    expect(late.body.message).toContain("is canceled")
  })
})

describe("a period already renewed", () => {
  it("is never charged again: an admin's renewal and the job's are refused before the gateway, and the record is repaired", async () => {
    const { subscription } = await subscribe()
    const path = `/admin/instantmerchant/subscriptions/${subscription.id}/renew`
    const first = await admin().must("POST", path, { expected_period_end: subscription.current_period_end })
    expect(first.renewal.status).toBe("succeeded")
    const renewedView = first.subscription
    // What a whole-row save of a stale copy wrote back before: the period before the renewal.
    const revert = (nextRenewalAt: string | Date) =>
      db.query(`UPDATE "instantmerchant_subscription" SET "current_period_start" = $2, "current_period_end" = $3, "next_renewal_at" = $4 WHERE "id" = $1`, [
        subscription.id,
        subscription.current_period_start,
        subscription.current_period_end,
        nextRenewalAt,
      ])

    await revert(subscription.next_renewal_at)
    const again = await admin().post(path, { expected_period_end: subscription.current_period_end })
    expect(again.status).toBe(409)
    expect(again.body.message).toContain(`was already renewed: renewal ${first.renewal.id} (charge ${first.renewal.charge_id})`)
    expect(again.body.message).toContain("nothing was charged")
    const repaired = await adminView(subscription.id)
    expect(repaired).toMatchObject({
      status: "active",
      current_period_start: renewedView.current_period_start,
      current_period_end: renewedView.current_period_end,
      next_renewal_at: renewedView.next_renewal_at,
    })
    expect(await renewalCharges(subscription.gateway_subscription_id)).toHaveLength(2)

    // The same stale row, due: the job repairs it the same way.
    await revert(new Date((await sandboxNow()).getTime() - 60 * MINUTE_MS))
    await eventually(async () => expect((await adminView(subscription.id)).current_period_end).toBe(renewedView.current_period_end))
    const byJob = await adminView(subscription.id)
    expect(byJob.next_renewal_at).toBe(renewedView.next_renewal_at)
    expect(byJob.renewals).toHaveLength(1)
    expect(await renewalCharges(subscription.gateway_subscription_id)).toHaveLength(2)
  })
})

describe("the renewal job under gateway errors", () => {
  const FAILING = 150

  /** Subscriptions the gateway does not know (as after switching API keys), due before anything else: more than one page of the job's. */
  async function insertUnknownToGateway(n: number, now: Date): Promise<string[]> {
    const prefix = `imsub_unknown_${Date.now()}`
    const { rows } = await db.query(
      `INSERT INTO "instantmerchant_subscription"
         ("id", "gateway_subscription_id", "email", "interval", "amount", "currency_code", "card_id", "card_last_4", "status",
          "current_period_start", "current_period_end", "next_renewal_at")
       SELECT $1 || '_' || lpad(i::text, 4, '0'), 'sub_' || $1 || '_' || i, 'unknown@example.com', 'monthly', 2000, 'usd', 'card_unknown', '0000', 'active',
              $2::timestamptz - interval '30 days', $2::timestamptz, $2::timestamptz - interval '2 days' - make_interval(secs => i)
         FROM generate_series(1, $3::int) AS i
       RETURNING "id"`,
      [prefix, now, n]
    )
    return rows.map((r) => r.id)
  }

  async function attemptsOf(ids: string[]): Promise<any[]> {
    const { rows } = await db.query(
      `SELECT s."id", s."status", s."failed_attempts", s."error_attempts", s."next_renewal_at",
              r."attempt", r."status" AS "renewal_status", r."failure_code", r."attempted_at", r."trigger"
         FROM "instantmerchant_subscription" s JOIN "instantmerchant_subscription_renewal" r ON r."subscription_id" = s."id"
        WHERE s."id" = ANY($1) ORDER BY s."id", r."attempt"`,
      [ids]
    )
    return rows
  }

  it("more than a page of subscriptions the gateway refuses hold back no healthy one; each refusal is recorded, is no decline, and backs off", async () => {
    const [healthy, probe] = [await subscribe(), await subscribe()]
    const now = await sandboxNow()
    const failing = await insertUnknownToGateway(FAILING, now)
    try {
      await makeDue([healthy.subscription.id], new Date(now.getTime() - 60 * MINUTE_MS))
      const renewed = await eventually(async () => {
        const view = await adminView(healthy.subscription.id)
        expect(succeeded(view.renewals)).toHaveLength(1)
        return view
      }, 90_000)
      expect(renewed.renewals).toEqual([expect.objectContaining({ status: "succeeded", trigger: "job", attempt: 1 })])

      const first = await eventually(async () => {
        const rows = await attemptsOf(failing)
        expect(rows).toHaveLength(FAILING)
        return rows
      })
      for (const row of first) {
        // Refused as an unknown subscription: recorded with the gateway's code, not counted as a decline, still active.
        expect(row).toMatchObject({ attempt: 1, renewal_status: "failed", failure_code: "resource_missing", trigger: "job", status: "active", failed_attempts: 0, error_attempts: 1 })
        expect(row.next_renewal_at.getTime() - row.attempted_at.getTime()).toBe(15 * MINUTE_MS)
      }

      // A later job run walks past them (the probe comes due after them) and does not try them again before their time.
      await makeDue([probe.subscription.id], new Date(now.getTime() - 30 * MINUTE_MS))
      await eventually(async () => expect(succeeded((await adminView(probe.subscription.id)).renewals)).toHaveLength(1), 90_000)
      expect(await attemptsOf(failing)).toHaveLength(FAILING)

      // Past the back-off, each is tried again under a new attempt, and the wait doubles.
      await gateway.advanceClock(16 * 60)
      const second = await eventually(async () => {
        const rows = (await attemptsOf(failing)).filter((r) => r.attempt === 2)
        expect(rows).toHaveLength(FAILING)
        return rows
      }, 90_000)
      for (const row of second) {
        expect(row).toMatchObject({ renewal_status: "failed", failure_code: "resource_missing", failed_attempts: 0, error_attempts: 2, status: "active" })
        expect(row.next_renewal_at.getTime() - row.attempted_at.getTime()).toBe(30 * MINUTE_MS)
      }
      // Nothing was charged for any of them, and the healthy ones were renewed once each.
      for (const { subscription } of [healthy, probe]) expect(await renewalCharges(subscription.gateway_subscription_id)).toHaveLength(2)
    } finally {
      // Leave nothing due for the suites after this one.
      await db.query(`UPDATE "instantmerchant_subscription" SET "status" = 'canceled', "next_renewal_at" = NULL WHERE "id" = ANY($1)`, [failing])
    }
  })
})

describe("two instances renewing the same due subscriptions", () => {
  it("renew each period once, whichever instance and route reaches it first", async () => {
    const bought: any[] = []
    for (let i = 0; i < 4; i++) bought.push((await subscribe()).subscription)
    const second = new MedusaRest(e2e.secondMedusaUrl)
    second.headers.authorization = admin().headers.authorization
    // All due at once: both instances' jobs reach for them on the same tick, and both instances' admin routes too.
    await makeDue(bought.map((s) => s.id), new Date((await sandboxNow()).getTime() - MINUTE_MS))
    const answers = await Promise.all(
      bought.flatMap((s) => [admin(), second].map((api) => api.post(`/admin/instantmerchant/subscriptions/${s.id}/renew`, { expected_period_end: s.current_period_end })))
    )
    for (const answer of answers) expect([200, 409]).toContain(answer.status)

    for (const s of bought) {
      const view = await eventually(async () => {
        const v = await adminView(s.id)
        expect(succeeded(v.renewals)).toHaveLength(1)
        return v
      })
      const periods = succeeded(view.renewals).map((r: any) => r.period_start)
      expect(periods).toEqual([s.current_period_end])
      const charges = await renewalCharges(s.gateway_subscription_id)
      expect(charges).toHaveLength(2)
      expect(charges.map((c) => c.charge_id)).toContain(succeeded(view.renewals)[0].charge_id)
    }
  })
})
