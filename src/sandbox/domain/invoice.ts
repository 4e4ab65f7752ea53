import { unknownResource } from "../sandbox-error"
import { takeInvoiceNum, type EnvironmentState, type InvoiceRecord } from "../store/state"
import { chargeStatus, settleExpiry } from "./charge"

export type InvoiceStatus = "open" | "paid" | "partially_refunded" | "refunded"

export function addInvoice(env: EnvironmentState, input: Omit<InvoiceRecord, "invoice_num" | "created_at">, now: number): InvoiceRecord {
  const invoice: InvoiceRecord = { invoice_num: takeInvoiceNum(env), ...input, created_at: now }
  env.invoices.add(invoice)
  return invoice
}

export function findInvoice(env: EnvironmentState, invoiceNum: number): InvoiceRecord {
  const invoice = env.invoices.get(invoiceNum)
  if (!invoice) throw unknownResource("invoice_num", invoiceNum, "invoice")
  return invoice
}

/**
 * Derived from the invoice's charge: no charge is open; an authorization or
 * capture is paid; an expired or released authorization counts as refunded
 * (the reference: expired authorizations "will be marked as refunded").
 */
export function invoiceStatus(env: EnvironmentState, invoice: InvoiceRecord, now: number): InvoiceStatus {
  const charge = invoice.charge_id === null ? undefined : env.charges.get(invoice.charge_id)
  if (!charge) return "open"
  settleExpiry(env, charge, now)
  const status = chargeStatus(charge)
  if (status === "refunded" || status === "released" || status === "expired") return "refunded"
  return status === "partially_refunded" ? "partially_refunded" : "paid"
}

export function invoiceView(env: EnvironmentState, invoice: InvoiceRecord, now: number): Record<string, unknown> {
  return { ...invoice, status: invoiceStatus(env, invoice, now) }
}

/** Reference: "date_due … Invoice due date in format mm/dd/yyyy". Returns the date, or a reason. */
export function parseDueDate(raw: string): string | { problem: string } {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw)
  if (!match) return { problem: "must be a date in the format mm/dd/yyyy" }
  const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  if (!real) return { problem: `'${raw}' is not a real date` }
  return `${String(month).padStart(2, "0")}/${String(day).padStart(2, "0")}/${year}`
}

/** mm/dd/yyyy of a unix time, for invoices the sandbox creates itself (renewals). */
export function formatDueDate(nowSeconds: number): string {
  const d = new Date(nowSeconds * 1000)
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0")
  const dd = String(d.getUTCDate()).padStart(2, "0")
  return `${mm}/${dd}/${d.getUTCFullYear()}`
}
