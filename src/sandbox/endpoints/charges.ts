import { addCustomer, deriveUsername } from "../domain/customer"
import { captureCharge, findCharge, refundCharge } from "../domain/charge"
import { recordEmail } from "../domain/outbox"
import { chargeCard, readCardSource, requireCustomerForSave } from "../domain/payment"
import { openSubscription } from "../domain/subscription"
import { invalidParam } from "../sandbox-error"
import type { Endpoint, EndpointContext } from "./endpoint"
import { readAmount, readCurrency, readPaymentMode, readRecurrence, subscriptionAnswer } from "./payment-fields"

/** POST /charge: charge a card (raw details or a saved `card_id`). */
export const createChargeEndpoint: Endpoint = ({ env, fields, now }) => {
  const shopper = {
    name: fields.string("name"),
    email: fields.email("email"),
    address: fields.string("address"),
    city: fields.string("city"),
    zip: fields.string("zip"),
    state: fields.twoLetterCode("state"),
    country: fields.twoLetterCode("country"),
  }
  const description = fields.string("description")
  const amount = readAmount(fields)
  const currency = readCurrency(fields)
  const paymentMode = readPaymentMode(fields)
  const interval = readRecurrence(fields)
  const createCustomer = fields.boolean("create_customer")
  const saveCard = fields.boolean("save_card")
  const makeDefault = fields.boolean("is_default")
  const sendEmail = fields.boolean("send_email")
  const source = readCardSource(fields, env, now)

  // A charge on a saved card belongs to that card's customer.
  let customerId = source.kind === "saved" ? source.card.customer_id : null
  if (createCustomer && source.kind === "saved") {
    throw invalidParam("create_customer", `card ${source.card.card_id} already belongs to customer ${customerId}`)
  }
  requireCustomerForSave(saveCard, makeDefault, createCustomer || customerId !== null)
  if (createCustomer) {
    customerId = addCustomer(env, { ...shopper, username: deriveUsername(env, shopper.email) }, now).customer_id
  }

  const { charge, card } = chargeCard(env, source, { amount, currency, paymentMode, description, customerId, saveCard, makeDefault }, now)
  const subscription = interval ? openSubscription(env, charge, interval, now) : null
  if (sendEmail) {
    recordEmail(env, { to: shopper.email, kind: "payment_receipt", subject: `Payment receipt: ${description}`, invoice_num: null, charge_id: charge.charge_id }, now)
  }
  return {
    message: "payment processed successfully",
    data: {
      card_id: card.card_id,
      card_last_4: card.last4,
      ...subscriptionAnswer(subscription),
      ...(customerId === null ? {} : { customer_id: customerId }),
      charge_id: charge.charge_id,
    },
  }
}

/** POST /capture: capture an uncaptured charge. */
export const captureChargeEndpoint: Endpoint = (context) => {
  const charge = captureFromRequest(context)
  return { message: "payment captured successfully", data: { charge_id: charge.charge_id } }
}

/** POST /refund: refund all or part of a charge, or release an authorization. */
export const refundChargeEndpoint: Endpoint = (context) => {
  const refund = refundFromRequest(context)
  return { message: "Refund has been initiated successfully", data: { refund_id: refund.refund_id } }
}

/** Shared with /invoice/capture; `onlyInvoiceCharges` enforces that route's scope. */
export function captureFromRequest({ env, fields, now }: EndpointContext, onlyInvoiceCharges = false) {
  const charge = findCharge(env, fields.string("charge_id"), now)
  if (onlyInvoiceCharges) requireInvoiceCharge(charge)
  captureCharge(env, charge, now)
  return charge
}

/** Shared with /invoice/refund. Reference: amount is "A positive integer"; absent means the whole remainder. */
export function refundFromRequest({ env, fields, now }: EndpointContext, onlyInvoiceCharges = false) {
  const chargeId = fields.string("charge_id")
  const amount = fields.optionalInteger("amount", 1, "must be a positive integer")
  const charge = findCharge(env, chargeId, now)
  if (onlyInvoiceCharges) requireInvoiceCharge(charge)
  return refundCharge(env, charge, amount, now)
}

function requireInvoiceCharge(charge: { charge_id: string; invoice_num: number | null }): void {
  if (charge.invoice_num === null) {
    throw invalidParam("charge_id", `charge ${charge.charge_id} does not belong to an invoice; use /capture or /refund`)
  }
}
