import { CardInput, parseCardInput } from "../rules/card/card-input"
import { InputError } from "../rules/input/input-error"
import { bool, knownFields as object, oneOf, pagination, text } from "../rules/input/input-fields"
import { MINIMUM_CHARGE_CENTS, formatUsd } from "../rules/money/amount"
import { AddressLike } from "../customers/gateway-address"
import { formatDueDate } from "../rules/invoice/due-date"
import { InvoiceItem } from "./invoice-items"
import { INVOICE_STATUSES, InvoiceStatus } from "./invoice-record"

/**
 * The admin routes' bodies and queries, checked. Each function throws an
 * {@link InputError} naming the first field at fault (a 400), and refuses
 * fields it does not know, so a typo such as `ammount` is not silently
 * ignored. None of them quotes a card number or a CVC.
 */

export interface CreateInvoiceInput {
  customer_id: string
  description: string
  items: InvoiceItem[]
  /** mm/dd/yyyy */
  date_due: string
  send_now: boolean
  send_invoice_to?: string
  /** Used only to make the gateway customer when the Medusa customer has none and no address of its own. */
  address?: AddressLike
}

export interface ChargeInvoiceInput {
  card: CardInput
  payment_mode: "auth_and_capture" | "auth_only"
  send_email: boolean
}

export interface ListInvoicesQuery {
  offset: number
  limit: number
  status?: InvoiceStatus
  customer_id?: string
  order_id?: string
  cart_id?: string
}

const MAX_ITEMS = 100
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const CARD_FIELDS = ["card_id", "cardholder_name", "card_number", "exp_month", "exp_year", "cvc", "save_card", "is_default"]
const ADDRESS_FIELDS = ["first_name", "last_name", "company", "address_1", "address_2", "city", "postal_code", "province", "country_code"]

export function parseInvoiceNum(raw: unknown): number {
  const n = typeof raw === "string" && /^\d{1,9}$/.test(raw) ? Number(raw) : typeof raw === "number" ? raw : NaN
  if (!Number.isSafeInteger(n) || n < 1) throw new InputError("invoice_num", `must be a positive whole number, got ${JSON.stringify(raw)}`)
  return n
}

export function parseCreateInvoiceInput(body: unknown, now: Date = new Date()): CreateInvoiceInput {
  const b = object(body, ["customer_id", "description", "items", "date_due", "send_now", "send_invoice_to", "address"])
  const customer_id = text(b.customer_id, "customer_id", 100)
  const description = text(b.description, "description", 500)
  const items = invoiceItems(b.items)
  const date_due = dueDateOf(b.date_due, now)
  const send_now = bool(b.send_now, "send_now")
  const input: CreateInvoiceInput = { customer_id, description, items, date_due, send_now }
  if (b.send_invoice_to !== undefined && b.send_invoice_to !== null) {
    if (typeof b.send_invoice_to !== "string" || !EMAIL.test(b.send_invoice_to.trim())) throw new InputError("send_invoice_to", "must be an email address")
    input.send_invoice_to = b.send_invoice_to.trim()
  }
  if (b.address !== undefined && b.address !== null) input.address = address(b.address)
  return input
}

export function parseChargeInvoiceInput(body: unknown): ChargeInvoiceInput {
  const b = object(body, [...CARD_FIELDS, "payment_mode", "send_email"])
  const payment_mode = b.payment_mode ?? "auth_and_capture"
  if (payment_mode !== "auth_and_capture" && payment_mode !== "auth_only") throw new InputError("payment_mode", "must be auth_and_capture or auth_only")
  const send_email = bool(b.send_email, "send_email")
  const card = parseCardInput(Object.fromEntries(CARD_FIELDS.filter((f) => b[f] !== undefined).map((f) => [f, b[f]])))
  return { card, payment_mode, send_email }
}

/** The amount is checked against what is left to refund once the invoice is read. */
export function parseRefundInvoiceInput(body: unknown): { amount: number } {
  const b = object(body, ["amount"])
  if (b.amount === undefined || b.amount === null) throw new InputError("amount", "is required: the amount to refund, in cents")
  if (typeof b.amount !== "number" || !Number.isSafeInteger(b.amount) || b.amount < 1) {
    throw new InputError("amount", `must be a positive integer number of cents, got ${JSON.stringify(b.amount)}`)
  }
  return { amount: b.amount }
}

/** Bodies of routes that take none (send, capture): anything sent is a mistake worth naming. */
export function parseEmptyBody(body: unknown): void {
  if (body === undefined || body === null || body === "") return
  object(body, [])
}

export function parseListInvoicesQuery(query: unknown): ListInvoicesQuery {
  const q = object(query ?? {}, ["offset", "limit", "status", "customer_id", "order_id", "cart_id"])
  const out: ListInvoicesQuery = pagination(q)
  const status = oneOf(q.status, "status", INVOICE_STATUSES)
  if (status !== undefined) out.status = status
  for (const key of ["customer_id", "order_id", "cart_id"] as const) {
    if (q[key] !== undefined) out[key] = text(q[key], key, 100)
  }
  return out
}

/** `[{ name, price }]`, prices in integer cents: the gateway takes no decimals, and we never round. */
function invoiceItems(value: unknown): InvoiceItem[] {
  if (!Array.isArray(value) || value.length === 0) throw new InputError("items", "is required: a list of { name, price } with prices in cents")
  if (value.length > MAX_ITEMS) throw new InputError("items", `must have at most ${MAX_ITEMS} items`)
  const items = value.map((raw, i) => {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new InputError(`items[${i}]`, "must be an object { name, price }")
    const item = raw as Record<string, unknown>
    const extra = Object.keys(item).find((k) => k !== "name" && k !== "price")
    if (extra !== undefined) throw new InputError(`items[${i}].${extra}`, "is not a field of an item (known: name, price)")
    const name = text(item.name, `items[${i}].name`, 200)
    if (typeof item.price !== "number" || !Number.isSafeInteger(item.price) || item.price < 1) {
      throw new InputError(`items[${i}].price`, `must be a positive integer number of cents, got ${JSON.stringify(item.price)}`)
    }
    return { name, price: item.price }
  })
  const total = items.reduce((n, i) => n + i.price, 0)
  if (total < MINIMUM_CHARGE_CENTS) throw new InputError("items", `must total at least ${formatUsd(MINIMUM_CHARGE_CENTS)}, the gateway's minimum; got ${formatUsd(total)}`)
  return items
}

/**
 * `YYYY-MM-DD` (as JSON dates are written) or the gateway's `mm/dd/yyyy`; a
 * real date, not before yesterday in UTC (an admin west of UTC may still be
 * on yesterday's date).
 */
function dueDateOf(value: unknown, now: Date): string {
  if (typeof value !== "string") throw new InputError("date_due", "is required, as YYYY-MM-DD")
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim())
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim())
  const [year, month, day] = iso ? [+iso[1], +iso[2], +iso[3]] : us ? [+us[3], +us[1], +us[2]] : [NaN, NaN, NaN]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new InputError("date_due", `must be a real date as YYYY-MM-DD, got ${JSON.stringify(value)}`)
  }
  const yesterday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1)
  if (date.getTime() < yesterday) throw new InputError("date_due", `must be today or later, got ${value}`)
  return formatDueDate(date)
}

function address(value: unknown): AddressLike {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new InputError("address", "must be an address object")
  const a = value as Record<string, unknown>
  const extra = Object.keys(a).find((k) => !ADDRESS_FIELDS.includes(k))
  if (extra !== undefined) throw new InputError(`address.${extra}`, `is not an address field (known: ${ADDRESS_FIELDS.join(", ")})`)
  for (const [k, v] of Object.entries(a)) {
    if (v !== null && typeof v !== "string") throw new InputError(`address.${k}`, "must be a string")
  }
  return a as AddressLike
}
