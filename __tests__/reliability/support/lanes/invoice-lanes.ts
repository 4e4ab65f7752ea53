import { admin } from "../../../e2e/support/admin"
import { check } from "../books"
import { chargedInvoice, INVOICE_CARD, invoiceBody, invoiceCustomer, openInvoice, uniqueEmail } from "../fixtures"
import { sandboxList } from "../gateway-controls"
import { failureOutcome, Lane } from "../lane"

/** The admin's invoices: create, send, charge, capture, refund (routes under /admin/instantmerchant/invoices). */

const REFUND = 500
const answered = async (answer: { status: number; body: any }) => (answer.status === 200 ? ("succeeded" as const) : failureOutcome(answer))

async function record(invoiceNum: number): Promise<any> {
  return (await admin().must("GET", `/admin/instantmerchant/invoices/${invoiceNum}`)).invoice
}

/** The record's charge is the gateway's only charge of that invoice, and the money agrees. */
async function expectPaymentBooks(invoiceNum: number): Promise<{ invoice: any; charge: any }> {
  const invoice = await record(invoiceNum)
  const charges = (await sandboxList("charges")).filter((c) => c.invoice_num === invoiceNum)
  check(charges.length === 1, `${charges.length} gateway charges for invoice ${invoiceNum}, expected 1`)
  const [charge] = charges
  check(invoice.charge_id === charge.charge_id, `record ${invoice.charge_id}, gateway ${charge.charge_id}`)
  check(invoice.captured === charge.captured, `captured: record ${invoice.captured}, gateway ${charge.captured}`)
  check(invoice.amount_refunded === charge.amount_refunded, `refunded: record ${invoice.amount_refunded}, gateway ${charge.amount_refunded}`)
  const refunds = (await sandboxList("refunds")).filter((r) => r.charge_id === charge.charge_id)
  check(refunds.length === invoice.refunds.length, `refunds: record ${invoice.refunds.length}, gateway ${refunds.length}`)
  return { invoice, charge }
}

interface CreateFixture {
  customerId: string
  description: string
}

export const adminInvoiceCreateLane: Lane<CreateFixture> = {
  op: "invoice create (admin)",
  path: "invoice",
  retry: "never-twice",
  async prepare() {
    // A first invoice links the customer's gateway customer, so the faulted one calls /invoice only.
    const customerId = await invoiceCustomer()
    await openInvoice(customerId)
    return { customerId, description: `Lane ${uniqueEmail("invoice")}` }
  },
  act: (f) => admin().post("/admin/instantmerchant/invoices", invoiceBody(f.customerId, f.description)),
  outcome: answered,
  async verify(f) {
    const atGateway = (await sandboxList("invoices")).filter((i) => i.description === f.description)
    check(atGateway.length === 1, `${atGateway.length} gateway invoices "${f.description}", expected 1`)
    const { invoices } = await admin().must("GET", `/admin/instantmerchant/invoices?customer_id=${f.customerId}&limit=100`)
    const records = invoices.filter((i: any) => i.description === f.description)
    check(records.length === 1 && records[0].invoice_num === atGateway[0].invoice_num, `records ${JSON.stringify(records.map((r: any) => r.invoice_num))}, gateway invoice ${atGateway[0].invoice_num}`)
    check(records[0].status === "open" && records[0].amount === atGateway[0].amount, `record ${records[0].status} ${records[0].amount}, gateway ${atGateway[0].amount}`)
  },
}

interface InvoiceFixture {
  invoice: any
}

export const invoiceSendLane: Lane<InvoiceFixture> = {
  op: "invoice send",
  path: "invoice/send",
  retry: "never-twice",
  prepare: async () => ({ invoice: await openInvoice() }),
  act: (f) => admin().post(`/admin/instantmerchant/invoices/${f.invoice.invoice_num}/send`),
  outcome: answered,
  async verify(f) {
    const invoice = await record(f.invoice.invoice_num)
    const emails = (await sandboxList("outbox")).filter((e) => e.invoice_num === f.invoice.invoice_num && e.kind === "invoice")
    check(invoice.sent_at.length === 1 && emails.length === 1, `sent once: the record says ${invoice.sent_at.length}, the gateway emailed ${emails.length}`)
  },
}

export const invoiceChargeLane: Lane<InvoiceFixture> = {
  op: "invoice charge",
  path: "invoice/charge",
  retry: "never-twice",
  prepare: async () => ({ invoice: await openInvoice() }),
  act: (f) => admin().post(`/admin/instantmerchant/invoices/${f.invoice.invoice_num}/charge`, { ...INVOICE_CARD, payment_mode: "auth_and_capture" }),
  outcome: answered,
  async verify(f) {
    const { invoice, charge } = await expectPaymentBooks(f.invoice.invoice_num)
    check(invoice.status === "paid" && charge.amount === invoice.amount && charge.captured, `record ${invoice.status} ${invoice.amount}, gateway ${charge.status} ${charge.amount}`)
  },
}

export const invoiceCaptureLane: Lane<InvoiceFixture> = {
  op: "invoice capture",
  path: "invoice/capture",
  retry: "repeatable",
  prepare: async () => ({ invoice: await chargedInvoice("auth_only") }),
  act: (f) => admin().post(`/admin/instantmerchant/invoices/${f.invoice.invoice_num}/capture`),
  outcome: answered,
  async verify(f) {
    const { invoice, charge } = await expectPaymentBooks(f.invoice.invoice_num)
    check(invoice.captured && charge.amount_captured === charge.amount, `record captured ${invoice.captured}, gateway captured ${charge.amount_captured} of ${charge.amount}`)
  },
}

export const invoiceRefundLane: Lane<InvoiceFixture> = {
  op: "invoice refund",
  path: "invoice/refund",
  retry: "never-twice",
  prepare: async () => ({ invoice: await chargedInvoice("auth_and_capture") }),
  act: (f) => admin().post(`/admin/instantmerchant/invoices/${f.invoice.invoice_num}/refund`, { amount: REFUND }),
  outcome: answered,
  async verify(f) {
    const { invoice, charge } = await expectPaymentBooks(f.invoice.invoice_num)
    check(invoice.amount_refunded === REFUND && charge.amount_refunded === REFUND, `refunded once ${REFUND}: record ${invoice.amount_refunded}, gateway ${charge.amount_refunded}`)
  },
}
