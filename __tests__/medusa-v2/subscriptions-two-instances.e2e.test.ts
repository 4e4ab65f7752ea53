import type { V2Store } from "../../src/demo/medusa-v2/v2-store"
import { TEST_CARDS } from "../../src/sandbox"
import { cardData } from "./support/checkout"
import { gateway } from "./support/gateway"
import { adminCall, advanceClock, customerCall, DAY, eventually, gatewaySubscription, renewalCharges, sandbox, startSecondInstance, subscribe } from "./support/subscriptions"
import { v2 } from "./support/v2-env"

/**
 * Subscriptions on two Medusa 2.x instances of one database (the suite's,
 * and a second `medusa start` booted here), each running the renewal job
 * every 2 s by the sandbox's clock: renewals racing each other, a cancel and
 * a card update (held at the gateway by the sandbox's `delay` fault, so that
 * they overlap for sure), renewing exactly once; then the job's renewals,
 * declines into past due and expiry, by the sandbox's clock (last: it moves
 * the clock for everyone).
 */
const RENEW = "/api/v2/subscription/renew"
/** How long the sandbox holds a gateway answer, and so the change holding the row lock. */
const HELD_MS = 8_000

let second: V2Store
beforeAll(async () => {
  second = await startSecondInstance()
}, 300_000)
afterAll(async () => {
  await second?.stop()
})

type Answer = { status: number; body: any }

/** Starts `first`, whose gateway call a `delay` fault on `gatewayPath` holds, and runs `during` while it is held. */
async function whileHeld<T>(gatewayPath: string, first: () => Promise<Answer>, during: () => Promise<T>): Promise<{ first: Answer; during: T }> {
  const { fault } = await sandbox("POST", "faults", { path: gatewayPath, type: "delay", delay_ms: HELD_MS })
  const started = first()
  await eventually(async () => expect(((await sandbox("GET", "faults")).data as any[]).map((f) => f.fault_id)).not.toContain(fault.fault_id), 30_000)
  const duringAnswer = await during()
  return { first: await started, during: duringAnswer }
}

function expectBusy(answer: Answer): void {
  expect(answer.status).toBe(409)
  expect(answer.body).toMatchObject({ type: "conflict", code: "subscription_busy", message: expect.stringContaining("already under way; nothing was changed: try again") })
}

describe("a renewal held at the gateway holds the row lock, on either instance", () => {
  it("a second renew (no expected_period_end, on the other instance) is refused as busy before the gateway: one charge", async () => {
    const { subscription, admin } = await subscribe()
    const route = `/admin/instantmerchant/subscriptions/${subscription.id}/renew`
    const race = await whileHeld(RENEW, () => adminCall(admin, "POST", route, {}, v2.medusaUrl), () => adminCall(admin, "POST", route, {}, second.url))
    expect(race.first.status).toBe(200)
    expect(race.first.body.renewal).toMatchObject({ status: "succeeded", trigger: "admin", attempt: 1, period_start: subscription.current_period_end })
    expectBusy(race.during)
    const charges = await renewalCharges(subscription)
    expect(charges.map((c) => c.charge_id)).toEqual([race.first.body.renewal.charge_id])
    // The held request carried v1's deterministic key: subscription, period, attempt.
    const held = (await gateway.list("requests")).filter((r) => r.path === RENEW && r.fault === "delay").map((r) => r.idempotency_key)
    expect(held).toContain(`im_renew_${subscription.gateway_subscription_id}_${new Date(subscription.current_period_end).getTime() / 1000}_1`)
  })

  it("a card update while the renewal is at the gateway is refused as busy, nothing sent; tried again it keeps the renewed period", async () => {
    const { subscription, admin, sdk } = await subscribe()
    const card = `/store/customers/me/instantmerchant/subscriptions/${subscription.id}/card`
    const renew = () => adminCall(admin, "POST", `/admin/instantmerchant/subscriptions/${subscription.id}/renew`, { expected_period_end: subscription.current_period_end }, second.url)
    const race = await whileHeld(RENEW, renew, () => customerCall(sdk, "POST", card, cardData(TEST_CARDS.mastercard)))
    expect(race.first.status).toBe(200)
    expectBusy(race.during)
    expect(await gatewaySubscription(subscription.gateway_subscription_id)).toMatchObject({ status: "active", card_id: subscription.card_id })
    const moved = await customerCall(sdk, "POST", card, cardData(TEST_CARDS.mastercard))
    expect(moved.body.subscription).toMatchObject({ card_last_4: "4444", current_period_end: race.first.body.subscription.current_period_end })
    expect(await renewalCharges(subscription)).toHaveLength(1)
  })

  it("a cancel while the renewal is at the gateway is refused as busy; a renewal while a cancel is at the gateway is refused, nothing charged", async () => {
    const one = await subscribe()
    const cancel = (s: typeof one) => () => customerCall(s.sdk, "POST", `/store/customers/me/instantmerchant/subscriptions/${s.subscription.id}/cancel`)
    const renew = (s: typeof one, base = v2.medusaUrl) => () => adminCall(s.admin, "POST", `/admin/instantmerchant/subscriptions/${s.subscription.id}/renew`, { expected_period_end: s.subscription.current_period_end }, base)
    const race = await whileHeld(RENEW, renew(one), cancel(one))
    expect(race.first.body.renewal.status).toBe("succeeded")
    expectBusy(race.during)
    expect(await gatewaySubscription(one.subscription.gateway_subscription_id)).toMatchObject({ status: "active" })
    expect((await cancel(one)()).body.subscription).toMatchObject({ status: "canceled", current_period_end: race.first.body.subscription.current_period_end })

    const two = await subscribe()
    const reverse = await whileHeld("/api/v2/subscription/cancel", cancel(two), renew(two, second.url))
    expect(reverse.first.status).toBe(200)
    expectBusy(reverse.during)
    expect(await renewalCharges(two.subscription)).toHaveLength(0)
    const late = await renew(two)()
    expect(late.status).toBe(400)
    expect(late.body.message).toContain("is canceled")
  })
})

describe("races without a held gateway: whatever the order, never renewed twice", () => {
  it("two admin renews of the same period at once, one on each instance: exactly one charge and one recorded success", async () => {
    const { subscription, admin } = await subscribe()
    const route = `/admin/instantmerchant/subscriptions/${subscription.id}/renew`
    const body = { expected_period_end: subscription.current_period_end }
    const answers = await Promise.all([adminCall(admin, "POST", route, body, v2.medusaUrl), adminCall(admin, "POST", route, body, second.url)])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    expect(await renewalCharges(subscription)).toHaveLength(1)
    const detail = await adminCall(admin, "GET", `/admin/instantmerchant/subscriptions/${subscription.id}`)
    expect(detail.body.subscription.renewals.filter((r: any) => r.status === "succeeded")).toHaveLength(1)
  })

  it("a renew racing a cancel and a card update: the record and the gateway agree, and at most one renewal was charged", async () => {
    const { subscription, admin, sdk } = await subscribe()
    const [renew, card, cancel] = await Promise.all([
      adminCall(admin, "POST", `/admin/instantmerchant/subscriptions/${subscription.id}/renew`, { expected_period_end: subscription.current_period_end }, second.url),
      customerCall(sdk, "POST", `/store/customers/me/instantmerchant/subscriptions/${subscription.id}/card`, cardData(TEST_CARDS.mastercard)),
      customerCall(sdk, "POST", `/store/customers/me/instantmerchant/subscriptions/${subscription.id}/cancel`),
    ])
    // Each either went through or was refused at once (409 busy, or the renew refused on a canceled subscription); none is a 500.
    for (const answer of [renew, card, cancel]) expect([200, 400, 409]).toContain(answer.status)
    const { body } = await adminCall(admin, "GET", `/admin/instantmerchant/subscriptions/${subscription.id}`)
    const record = body.subscription
    const atGateway = await gatewaySubscription(subscription.gateway_subscription_id)
    const charges = await renewalCharges(subscription)
    const successes = record.renewals.filter((r: any) => r.status === "succeeded")
    expect(charges).toHaveLength(successes.length)
    expect(successes.length).toBeLessThanOrEqual(1)
    expect(atGateway.card_id).toBe(record.card_id)
    expect(atGateway.status === "canceled").toBe(record.status === "canceled")
    if (cancel.status === 200) expect(record.status).toBe("canceled")
  })
})

describe("the renewal job, by the sandbox's clock (both instances run it)", () => {
  it("renews a due subscription once, then a declined card goes past due, is retried, and expires", async () => {
    const good = await subscribe()
    const declined = await subscribe()
    await sandbox("POST", `cards/${declined.subscription.card_id}/decline`, { code: "insufficient_funds" })
    // Into the 24 h lead time before the period's end: both are due.
    const periodEnd = new Date(good.subscription.current_period_end).getTime() / 1000
    const { now } = await sandbox("GET", "clock")
    await advanceClock(Math.max(0, Math.ceil(periodEnd - now)) - DAY / 2)

    const renewed = await eventually(async () => {
      const { body } = await adminCall(good.admin, "GET", `/admin/instantmerchant/subscriptions/${good.subscription.id}`)
      expect(body.subscription.renewals).toEqual([expect.objectContaining({ status: "succeeded", trigger: "job", attempt: 1 })])
      return body.subscription
    })
    expect(renewed.status).toBe("active")
    expect(await renewalCharges(good.subscription)).toHaveLength(1)

    const pastDue = await eventually(async () => {
      const { body } = await adminCall(good.admin, "GET", `/admin/instantmerchant/subscriptions/${declined.subscription.id}`)
      expect(body.subscription).toMatchObject({ status: "past_due", failed_attempts: 1 })
      return body.subscription
    })
    expect(pastDue.renewals).toEqual([expect.objectContaining({ status: "failed", failure_code: "insufficient_funds", attempt: 1 })])
    // Retries: 24 h after the period's end, then 72 h; after the last, expired.
    await advanceClock(DAY * 2)
    await eventually(async () => {
      const { body } = await adminCall(good.admin, "GET", `/admin/instantmerchant/subscriptions/${declined.subscription.id}`)
      expect(body.subscription).toMatchObject({ status: "past_due", failed_attempts: 2 })
    })
    await advanceClock(DAY * 2)
    const expired = await eventually(async () => {
      const { body } = await adminCall(good.admin, "GET", `/admin/instantmerchant/subscriptions/${declined.subscription.id}`)
      expect(body.subscription).toMatchObject({ status: "expired", failed_attempts: 3, next_renewal_at: null })
      return body.subscription
    })
    expect(expired.renewals.map((r: any) => [r.attempt, r.status])).toEqual([[1, "failed"], [2, "failed"], [3, "failed"]])
    expect(await renewalCharges(declined.subscription)).toHaveLength(0)
    // Both instances ran the job all along: still one renewal of the good one's period.
    const { body } = await adminCall(good.admin, "GET", `/admin/instantmerchant/subscriptions/${good.subscription.id}`)
    expect(body.subscription.renewals.filter((r: any) => r.period_start === good.subscription.current_period_end && r.status === "succeeded")).toHaveLength(1)
  })
})
