import { admin } from "../../../e2e/support/admin"
import { Shopper, VALID_CARD } from "../../../e2e/support/shopper"
import { check } from "../books"
import { subscription } from "../fixtures"
import { sandboxList } from "../gateway-controls"
import { failureOutcome, Lane } from "../lane"

/** Subscriptions: an admin's "renew now", and the customer moving it to another card or canceling it. */

interface SubscriptionFixture {
  shopper: Shopper
  subscription: any
}

async function books(f: SubscriptionFixture): Promise<{ record: any; atGateway: any }> {
  const { subscription: record } = await admin().must("GET", `/admin/instantmerchant/subscriptions/${f.subscription.id}`)
  const [atGateway] = (await sandboxList("subscriptions")).filter((s) => s.subscription_id === f.subscription.gateway_subscription_id)
  check(atGateway !== undefined, `no gateway subscription ${f.subscription.gateway_subscription_id}`)
  return { record, atGateway }
}

/** The first charge and `renewals` more, no other. */
function expectCharges(atGateway: any, record: any, renewals: number): void {
  const succeeded = record.renewals.filter((r: any) => r.status === "succeeded")
  check(succeeded.length === renewals, `${succeeded.length} succeeded renewals recorded, expected ${renewals}`)
  check(atGateway.charge_ids.length === 1 + renewals, `the gateway charged the subscription ${atGateway.charge_ids.length} times, Medusa records 1 + ${succeeded.length}`)
  for (const r of succeeded) check(atGateway.charge_ids.includes(r.charge_id), `renewal charge ${r.charge_id} is not the gateway's`)
}

export const renewLane: Lane<SubscriptionFixture> = {
  op: "renew",
  path: "subscription/renew",
  retry: "never-twice",
  processingErrorIsMaybe: true,
  prepare: subscription,
  act: (f) => admin().post(`/admin/instantmerchant/subscriptions/${f.subscription.id}/renew`, { expected_period_end: f.subscription.current_period_end }),
  /** A renewal answers 200 and says what happened: `succeeded`, `unknown` (maybe charged), or `failed` with the reason. */
  async outcome(answer) {
    if (answer.status !== 200) return failureOutcome(answer)
    const renewal = answer.body.renewal
    if (renewal?.status === "succeeded") return "succeeded"
    // Unknown: maybe charged (a lost answer, or a processing_error replayed once before it counts as a decline).
    if (renewal?.status === "unknown" && ["maybe_processed", "processing_error_unconfirmed"].includes(renewal.failure_code)) return "maybe"
    if (renewal?.status === "failed" && renewal.failure_message) return "refused"
    throw new Error(`a renewal answered ${JSON.stringify(renewal)}`)
  },
  async verify(f) {
    const { record, atGateway } = await books(f)
    expectCharges(atGateway, record, 1)
    check(record.status === "active", `the subscription is ${record.status} after its renewal`)
    check(new Date(record.current_period_end).getTime() === atGateway.expiry_date * 1000, `period end: Medusa ${record.current_period_end}, gateway ${new Date(atGateway.expiry_date * 1000).toISOString()}`)
    // This stack makes a Medusa order per renewal: one, paid by the renewal charge.
    const [renewal] = record.renewals.filter((r: any) => r.status === "succeeded")
    const { order } = await admin().must("GET", `/admin/orders/${renewal.order_id}`)
    check(order.payments[0].data.charge_id === renewal.charge_id, `the renewal order rests on ${order.payments[0].data.charge_id}, the renewal charged ${renewal.charge_id}`)
  },
}

export const updateCardLane: Lane<SubscriptionFixture> = {
  op: "update card",
  path: "subscription/update_card",
  retry: "never-twice",
  prepare: subscription,
  act: (f) => f.shopper.api.post(`/store/customers/me/instantmerchant/subscriptions/${f.subscription.id}/card`, { ...VALID_CARD, card_number: "5555555555554444" }),
  outcome: async (answer) => (answer.status === 200 ? "succeeded" : failureOutcome(answer)),
  async verify(f) {
    const { record, atGateway } = await books(f)
    check(record.card_last_4 === "4444", `the record holds card ${record.card_last_4}, the customer moved it to 4444`)
    check(atGateway.card_id === record.card_id, `the gateway renews on ${atGateway.card_id}, Medusa records ${record.card_id}`)
    expectCharges(atGateway, record, 0)
  },
}

export const cancelSubscriptionLane: Lane<SubscriptionFixture> = {
  op: "cancel subscription",
  path: "subscription/cancel",
  retry: "repeatable",
  prepare: subscription,
  act: (f) => f.shopper.api.post(`/store/customers/me/instantmerchant/subscriptions/${f.subscription.id}/cancel`),
  outcome: async (answer) => (answer.status === 200 ? "succeeded" : failureOutcome(answer)),
  async verify(f) {
    const { record, atGateway } = await books(f)
    check(record.status === "canceled" && atGateway.status === "canceled", `Medusa ${record.status}, gateway ${atGateway.status}`)
    expectCharges(atGateway, record, 0)
  },
}
