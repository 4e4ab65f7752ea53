import { hasCardDetails } from "../cards/card-details"
import { addCustomer, deriveUsername, findCustomer } from "../domain/customer"
import { addInvoice, findInvoice, parseDueDate } from "../domain/invoice"
import { recordEmail } from "../domain/outbox"
import { chargeCard, readCardSource, requireCustomerForSave, type CardSource } from "../domain/payment"
import { openSubscription } from "../domain/subscription"
import type { Fields } from "../http/fields"
import { invalidParam, missingParam, stateConflict } from "../sandbox-error"
import type { CustomerRecord, EnvironmentState, InvoiceItem, InvoiceRecord } from "../store/state"
import { captureFromRequest, refundFromRequest } from "./charges"
import type { Endpoint, EndpointContext } from "./endpoint"
import { MINIMUM_AMOUNT, readCurrency, readRecurrence, subscriptionAnswer } from "./payment-fields"

const INVOICE_PAYMENT_MODES = ["pay_later", "auth_only", "auth_and_capture"] as const

/**
 * POST /invoice: create an invoice and, with payment_mode auth_only or
 * auth_and_capture, charge it at once. With pay_later (the default) it stays
 * open until /invoice/charge.
 */
export const createInvoiceEndpoint: Endpoint = (context) => {
  const { env, fields, now } = context
  const createCustomer = fields.boolean("create_customer")
  if (createCustomer && fields.has("customer")) throw invalidParam("create_customer", "send either customer or create_customer=true, not both")
  const customerId = createCustomer ? null : fields.integer("customer", 0)
  const description = fields.string("description")
  const dateDue = readDueDate(fields)
  const { items, amount } = readItems(fields)
  const currency = readCurrency(fields)
  readInvoiceCountry(fields)
  const paymentMode = fields.choice("payment_mode", INVOICE_PAYMENT_MODES, "pay_later")
  const interval = readRecurrence(fields)
  const sendNow = fields.boolean("send_now")
  const sendInvoiceTo = fields.has("send_invoice_to") ? fields.email("send_invoice_to") : null
  const invoiceToStaff = fields.optionalString("invoice_to_staff") ?? null
  const saveCard = fields.boolean("save_card")
  const makeDefault = fields.boolean("is_default")
  const source = paymentMode === "pay_later" ? refuseCardForPayLater(fields) : readCardSource(fields, env, now)

  const customer = customerId === null ? createInvoiceCustomer(context, sendInvoiceTo) : findCustomer(env, customerId)
  if (source) requireCardOfCustomer(source, customer.customer_id)
  const invoice = addInvoice(
    env,
    {
      customer_id: customer.customer_id,
      description,
      date_due: dateDue,
      items,
      amount,
      currency,
      payment_type: interval ? "recurring" : "one_time",
      interval,
      send_invoice_to: sendInvoiceTo,
      invoice_to_staff: invoiceToStaff,
      charge_id: null,
      subscription_id: null,
    },
    now,
  )
  const payment = source && paymentMode !== "pay_later" ? payInvoice(env, invoice, source, { paymentMode, saveCard, makeDefault }, now) : {}
  if (sendNow) sendInvoiceEmail(env, invoice, customer, now)
  return {
    message: "invoice created successfully",
    data: { ...payment, invoice_num: invoice.invoice_num, ...(createCustomer ? { customer_id: customer.customer_id } : {}) },
  }
}

/** POST /invoice/send: email the invoice (recorded in the outbox). */
export const sendInvoiceEndpoint: Endpoint = ({ env, fields, now }) => {
  const invoice = findInvoice(env, fields.integer("invoice_num", 0))
  const customer = invoice.customer_id === null ? null : findCustomer(env, invoice.customer_id)
  sendInvoiceEmail(env, invoice, customer, now)
  return { message: "Invoice notification sent successfully" }
}

/** POST /invoice/charge: pay an invoice that was created but not yet paid. */
export const chargeInvoiceEndpoint: Endpoint = ({ env, fields, now }) => {
  const invoiceNum = fields.integer("invoice_num", 0)
  const paymentMode = fields.choice("payment_mode", ["auth_and_capture", "auth_only"] as const, "auth_and_capture")
  const sendEmail = fields.boolean("send_email")
  const saveCard = fields.boolean("save_card")
  const makeDefault = fields.boolean("is_default")
  const source = readCardSource(fields, env, now)
  const invoice = findInvoice(env, invoiceNum)
  if (invoice.charge_id !== null) {
    throw stateConflict("invoice_already_paid", `invoice ${invoice.invoice_num} was already charged (${invoice.charge_id})`)
  }
  requireCustomerForSave(saveCard, makeDefault, invoice.customer_id !== null)
  if (invoice.customer_id !== null) requireCardOfCustomer(source, invoice.customer_id)
  const payment = payInvoice(env, invoice, source, { paymentMode, saveCard, makeDefault }, now)
  if (sendEmail) {
    const customer = invoice.customer_id === null ? null : findCustomer(env, invoice.customer_id)
    sendInvoiceEmail(env, invoice, customer, now)
  }
  return { message: "payment processed successfully", data: { ...payment, invoice_num: invoice.invoice_num } }
}

/** POST /invoice/capture: capture an invoice's authorization; answers its invoice_num too. */
export const captureInvoiceEndpoint: Endpoint = (context) => {
  const charge = captureFromRequest(context, true)
  return { message: "payment captured successfully", data: { charge_id: charge.charge_id, invoice_num: charge.invoice_num } }
}

/** POST /invoice/refund: refund an invoice's charge, with the same rules as /refund. */
export const refundInvoiceEndpoint: Endpoint = (context) => {
  const refund = refundFromRequest(context, true)
  return { message: "Refund has been initiated successfully", data: { refund_id: refund.refund_id } }
}

interface PaymentChoice {
  paymentMode: "auth_only" | "auth_and_capture"
  saveCard: boolean
  makeDefault: boolean
}

/** Charges the invoice's amount and opens its subscription when the invoice is recurring. */
function payInvoice(env: EnvironmentState, invoice: InvoiceRecord, source: CardSource, choice: PaymentChoice, now: number): Record<string, unknown> {
  const { charge, card } = chargeCard(
    env,
    source,
    { ...choice, amount: invoice.amount, currency: invoice.currency, description: invoice.description, customerId: invoice.customer_id, invoiceNum: invoice.invoice_num },
    now,
  )
  env.touch(invoice).charge_id = charge.charge_id
  const subscription = invoice.interval ? openSubscription(env, charge, invoice.interval, now) : null
  if (subscription) invoice.subscription_id = subscription.subscription_id
  return { card_id: card.card_id, card_last_4: card.last4, ...subscriptionAnswer(subscription), charge_id: charge.charge_id }
}

function readDueDate(fields: Fields): string {
  const parsed = parseDueDate(fields.string("date_due"))
  if (typeof parsed !== "string") throw invalidParam("date_due", parsed.problem)
  return parsed
}

/**
 * `items[]` and `items_price[]` pair up by position. Prices are integer
 * cents; the total is the invoice amount and must reach the $1 minimum.
 */
function readItems(fields: Fields): { items: InvoiceItem[]; amount: number } {
  const names = fields.list("items")
  const prices = fields.list("items_price")
  if (names.length !== prices.length) {
    throw invalidParam("items_price", `needs one price per item (${names.length} items, ${prices.length} prices)`)
  }
  const items = names.map((name, i) => ({ name: itemName(name, i), price: itemPrice(prices[i], i) }))
  const amount = items.reduce((sum, item) => sum + item.price, 0)
  if (amount < MINIMUM_AMOUNT) throw invalidParam("items_price", `the items must total at least ${MINIMUM_AMOUNT} cents (the minimum amount is $1 USD)`)
  return { items, amount }
}

function itemName(name: string, index: number): string {
  if (name === "") throw invalidParam("items", `item ${index + 1} has no name`)
  return name
}

function itemPrice(raw: string, index: number): number {
  if (/^-?\d+\.\d*$/.test(raw)) throw invalidParam("items_price", `item ${index + 1}: must be an integer number of cents, got the decimal '${raw}'`)
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw invalidParam("items_price", `item ${index + 1}: must be a positive integer number of cents`)
  return Number(raw)
}

/** Reference: "country [optional] | US | Only allowed country is `US`." */
function readInvoiceCountry(fields: Fields): string {
  const country = (fields.optionalString("country") ?? "US").toUpperCase()
  if (country !== "US") throw invalidParam("country", "only US is allowed")
  return country
}

/** pay_later charges nothing, so card details there would be silently dropped: refuse them instead. */
function refuseCardForPayLater(fields: Fields): null {
  if (fields.has("card_id") || hasCardDetails(fields)) {
    throw invalidParam("payment_mode", "card details and card_id are only used with payment_mode auth_only or auth_and_capture")
  }
  return null
}

/**
 * create_customer=true on an invoice. Reference: address, city, state, zip
 * are "Required, when the customer is new". The name comes from
 * cardholder_name (or "Customer"), the email from send_invoice_to.
 */
function createInvoiceCustomer({ env, fields, now }: EndpointContext, sendInvoiceTo: string | null): CustomerRecord {
  const address = fields.string("address")
  const city = fields.string("city")
  const state = fields.twoLetterCode("state")
  const zip = fields.string("zip")
  if (sendInvoiceTo === null) throw missingParam("send_invoice_to")
  const name = fields.optionalString("cardholder_name") ?? "Customer"
  return addCustomer(env, { name, email: sendInvoiceTo, username: deriveUsername(env, sendInvoiceTo), address, city, zip, state, country: "US" }, now)
}

/** A saved card pays only its own customer's invoices. */
function requireCardOfCustomer(source: CardSource, customerId: number): void {
  if (source.kind === "saved" && source.card.customer_id !== customerId) {
    throw invalidParam("card_id", `card ${source.card.card_id} belongs to another customer`)
  }
}

function sendInvoiceEmail(env: EnvironmentState, invoice: InvoiceRecord, customer: CustomerRecord | null, now: number): void {
  const to = invoice.send_invoice_to ?? customer?.email
  if (!to) throw invalidParam("invoice_num", `invoice ${invoice.invoice_num} has no email address to send to`)
  recordEmail(env, { to, kind: "invoice", subject: `Invoice #${invoice.invoice_num}: ${invoice.description}`, invoice_num: invoice.invoice_num, charge_id: invoice.charge_id }, now)
}
