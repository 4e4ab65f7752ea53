import { addInterval } from "../billing-interval"
import { readCardDetails } from "../cards/card-details"
import { findAnyCard, storeCard } from "../domain/card"
import { createCharge } from "../domain/charge"
import { addInvoice, formatDueDate } from "../domain/invoice"
import { authorizeStoredCard, requireCustomerForSave } from "../domain/payment"
import { findSubscription, requireActive } from "../domain/subscription"
import { SandboxError } from "../sandbox-error"
import type { SubscriptionRecord } from "../store/state"
import type { Endpoint } from "./endpoint"

/**
 * POST /subscription/update_card: verify and store a new card, and bill the
 * subscription to it from now on. The answer's `card_last_4` is the card's
 * last four digits; the reference example shows "07/2037" there, which is a
 * documentation slip (it is an expiry, not a last 4).
 */
export const updateSubscriptionCardEndpoint: Endpoint = ({ env, fields, now }) => {
  const subscriptionId = fields.string("subscription_id")
  const details = readCardDetails(fields, now)
  const saveCard = fields.boolean("save_card")
  const makeDefault = fields.boolean("is_default")
  const subscription = findSubscription(env, subscriptionId)
  requireActive(subscription)
  requireCustomerForSave(saveCard, makeDefault, subscription.customer_id !== null)
  const card = storeCard(env, details, { customerId: subscription.customer_id, saved: saveCard || makeDefault, makeDefault }, now)
  env.touch(subscription).card_id = card.card_id
  return { message: "Customer card updated successfully", data: { card_id: card.card_id, card_last_4: card.last4 } }
}

/**
 * POST /subscription/renew: charge the next period on the subscription's
 * card, captured at once, with an invoice for it; expiry_date moves one
 * interval on from the current expiry_date.
 */
export const renewSubscriptionEndpoint: Endpoint = ({ env, fields, now }) => {
  const subscription = findSubscription(env, fields.string("subscription_id"))
  requireActive(subscription)
  const card = findAnyCard(env, subscription.card_id)
  if (!card) throw new SandboxError(500, "api_error", `subscription ${subscription.subscription_id} has no card`)
  authorizeStoredCard(card, now)
  const invoiceNum = renewalInvoice(env, subscription, now)
  const charge = createCharge(
    env,
    {
      amount: subscription.amount,
      currency: subscription.currency,
      paymentMode: "auth_and_capture",
      card,
      customerId: subscription.customer_id,
      description: subscription.description,
      invoiceNum,
      subscriptionId: subscription.subscription_id,
    },
    now,
  )
  linkRenewal(env, subscription, charge.charge_id, invoiceNum)
  return {
    message: "subscription renewed successfully",
    data: {
      charge_id: charge.charge_id,
      subscription_id: subscription.subscription_id,
      expiry_date: subscription.expiry_date,
      invoice_num: invoiceNum,
    },
  }
}

function renewalInvoice(env: Parameters<typeof addInvoice>[0], subscription: SubscriptionRecord, now: number): number {
  const invoice = addInvoice(
    env,
    {
      customer_id: subscription.customer_id,
      description: subscription.description,
      date_due: formatDueDate(now),
      items: [{ name: `${subscription.description} (${subscription.interval} renewal)`, price: subscription.amount }],
      amount: subscription.amount,
      currency: subscription.currency,
      payment_type: "recurring",
      interval: subscription.interval,
      send_invoice_to: null,
      invoice_to_staff: null,
      charge_id: null,
      subscription_id: subscription.subscription_id,
    },
    now,
  )
  return invoice.invoice_num
}

function linkRenewal(env: Parameters<typeof addInvoice>[0], subscription: SubscriptionRecord, chargeId: string, invoiceNum: number): void {
  const invoice = env.invoices.get(invoiceNum)
  if (invoice) env.touch(invoice).charge_id = chargeId
  env.touch(subscription)
  subscription.expiry_date = addInterval(subscription.expiry_date, subscription.interval)
  subscription.charge_ids.push(chargeId)
  subscription.invoice_nums.push(invoiceNum)
}

/** POST /subscription/cancel. A second cancel is a 409, not a silent success. */
export const cancelSubscriptionEndpoint: Endpoint = ({ env, fields, now }) => {
  const subscription = findSubscription(env, fields.string("subscription_id"))
  requireActive(subscription)
  env.touch(subscription)
  subscription.status = "canceled"
  subscription.canceled_at = now
  return { message: "subscription canceled successfully" }
}
