import { performance } from "node:perf_hooks"
import type { Client } from "pg"
import type { Stack } from "../demo/stack/start-stack"
import { BENCH_CARD, BENCH_SHOPPER, closedLoop, form, keepAliveAgent, postGateway, type GatewayTarget } from "./gateway-requests"
import { round } from "./stats"

/** Longest the bench waits for one batch, so a stuck job reports instead of hanging the run. */
const BATCH_DEADLINE_MS = 15 * 60_000
/** A first batch, not reported: the first renewals compile the job's code paths and fill Medusa's caches. */
const WARM_UP = 300

interface GatewaySubscription {
  subscriptionId: string
  cardId: string
  last4: string
  expiry: number
}

/**
 * `sizes` batches of due subscriptions, each renewed by the plugin's renewal
 * job in the bench store. Each batch: recurring charges through the sandbox
 * open the gateway subscriptions; one SQL insert adds their records, not yet
 * due; one update makes them all due at once; the bench waits until each has
 * its renewal. Time per renewal is the span from the first renewal to the
 * last (the job's own timestamps, so the wait for its next run is not
 * counted) over the number of renewals. Exactly one renewal each is checked
 * on both sides: one succeeded attempt per record, and two charges per
 * gateway subscription (the first and the renewal).
 */
export async function renewalsBench(stack: Stack, sizes: number[], progress: (line: string) => void): Promise<Record<string, unknown>> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { Client: PgClient } = require("pg") as typeof import("pg")
  const db = new PgClient({ connectionString: stack.databaseUrl })
  await db.connect()
  const target: GatewayTarget = { apiBaseUrl: stack.sandbox.apiBaseUrl, agent: keepAliveAgent(16) }
  const out: Record<string, unknown> = {}
  const perRenewal: number[] = []
  const renewBatch = async (size: number) => {
    const batch = `b${size}_${Date.now().toString(36)}`
    progress(`renewals: opening ${size.toLocaleString("en-US")} gateway subscriptions`)
    const subscriptions = await openGatewaySubscriptions(target, size)
    await insertRecords(db, batch, subscriptions)
    progress(`renewals: ${size.toLocaleString("en-US")} due, waiting for the job`)
    const started = performance.now()
    await db.query(`UPDATE "instantmerchant_subscription" SET "next_renewal_at" = now() - interval '1 hour' WHERE "id" LIKE $1`, [`imsub_${batch}_%`])
    await waitForRenewals(db, batch, size)
    return { batch, subscriptions, waitedSeconds: (performance.now() - started) / 1000 }
  }
  try {
    await renewBatch(WARM_UP)
    for (const size of sizes) {
      const { batch, subscriptions, waitedSeconds } = await renewBatch(size)
      const span = await renewalSpan(db, batch)
      const ms = span.spanMs / Math.max(1, size - 1)
      perRenewal.push(ms)
      out[`renewal_ms_${size}`] = round(ms, 2)
      out[`renewals_per_second_${size}`] = Math.round(1000 / ms)
      out[`renewal_wall_seconds_${size}`] = round(waitedSeconds, 1)
      out[`renewal_exactly_once_${size}`] = span.exactlyOnce && exactlyOneGatewayRenewal(stack, subscriptions)
    }
    if (sizes.length >= 2) out.renewal_cost_large_vs_small = round(perRenewal[perRenewal.length - 1] / perRenewal[0])
    out.renewal_concurrency = Number(process.env.INSTANTMERCHANT_RENEWAL_CONCURRENCY || 4)
    return out
  } finally {
    await db.end()
  }
}

async function openGatewaySubscriptions(target: GatewayTarget, size: number): Promise<GatewaySubscription[]> {
  const opened: GatewaySubscription[] = []
  await closedLoop(size, 16, async (n) => {
    const body = form({ ...BENCH_SHOPPER, ...BENCH_CARD, description: `bench renewal ${n}`, amount: 1500, payment_type: "recurring", interval: "monthly" })
    const reply = await postGateway(target, "charge", body)
    if (reply.status !== 200 || !reply.answer.subscription_id) throw new Error(`recurring charge answered ${reply.status}: ${JSON.stringify(reply.answer)}`)
    opened.push({ subscriptionId: reply.answer.subscription_id, cardId: reply.answer.card_id, last4: reply.answer.card_last_4, expiry: Number(reply.answer.expiry_date) })
  })
  return opened
}

/** One INSERT from arrays (unnest): the records as checkout would have made them, not due yet. */
async function insertRecords(db: Client, batch: string, subs: GatewaySubscription[]): Promise<void> {
  await db.query(
    `INSERT INTO "instantmerchant_subscription"
       ("id", "gateway_subscription_id", "customer_id", "email", "interval", "amount", "currency_code", "card_id", "card_last_4",
        "status", "current_period_start", "current_period_end", "next_renewal_at")
     SELECT 'imsub_' || $1 || '_' || n, gw, NULL, 'renewals@example.com', 'monthly', 1500, 'usd', card, last4,
        'active', to_timestamp(expiry) - interval '1 month', to_timestamp(expiry), NULL
       FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) WITH ORDINALITY AS s(gw, card, last4, expiry, n)`,
    [batch, subs.map((s) => s.subscriptionId), subs.map((s) => s.cardId), subs.map((s) => s.last4), subs.map((s) => s.expiry)]
  )
}

async function waitForRenewals(db: Client, batch: string, size: number): Promise<void> {
  const deadline = Date.now() + BATCH_DEADLINE_MS
  for (;;) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM "instantmerchant_subscription_renewal" WHERE "subscription_id" LIKE $1 AND "status" = 'succeeded'`,
      [`imsub_${batch}_%`]
    )
    if (rows[0].n >= size) return
    if (Date.now() > deadline) throw new Error(`renewals: only ${rows[0].n} of ${size} renewed after ${BATCH_DEADLINE_MS / 60_000} minutes`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** First to last renewal by the rows' own times, and whether each record has exactly one attempt, succeeded. */
async function renewalSpan(db: Client, batch: string): Promise<{ spanMs: number; exactlyOnce: boolean }> {
  const { rows } = await db.query(
    `SELECT extract(epoch FROM max("created_at") - min("created_at")) * 1000 AS span,
            count(*)::int AS attempts, count(DISTINCT "subscription_id")::int AS subscriptions,
            count(*) FILTER (WHERE "status" <> 'succeeded')::int AS failed
       FROM "instantmerchant_subscription_renewal" WHERE "subscription_id" LIKE $1`,
    [`imsub_${batch}_%`]
  )
  const r = rows[0]
  return { spanMs: Number(r.span), exactlyOnce: r.attempts === r.subscriptions && r.failed === 0 }
}

/** In the sandbox: two charges per gateway subscription, the first and its one renewal. */
function exactlyOneGatewayRenewal(stack: Stack, subs: GatewaySubscription[]): boolean {
  const wanted = new Set(subs.map((s) => s.subscriptionId))
  const counts = new Map<string, number>()
  for (const charge of stack.sandbox.controls.list("charges") as Array<{ subscription_id: string | null }>) {
    if (charge.subscription_id && wanted.has(charge.subscription_id)) counts.set(charge.subscription_id, (counts.get(charge.subscription_id) ?? 0) + 1)
  }
  return counts.size === wanted.size && [...counts.values()].every((n) => n === 2)
}
