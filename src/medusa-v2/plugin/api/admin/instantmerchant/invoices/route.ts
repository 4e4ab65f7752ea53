import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoiceView } from "../../../../../../api/views/invoice-view"
import type { CreateInvoiceInput, ListInvoicesQuery } from "../../../../../../invoices/invoice-input"
import { InputError } from "../../../../../../rules/input/input-error"
import { INSTANTMERCHANT_INVOICES } from "../../../../modules/instantmerchant-invoices"
import type InstantMerchantInvoicesService from "../../../../modules/instantmerchant-invoices/service"
import { respond } from "../../../../http/respond"
import { gatewayCustomerForInvoice } from "./invoice-customer"

/** GET /admin/instantmerchant/invoices?status=&customer_id=&order_id=&cart_id=&offset=&limit= (checked in middlewares.ts) */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "invoice list", async () => {
    const query = req.validatedQuery as unknown as ListInvoicesQuery
    const [invoices, count] = await req.scope.resolve<InstantMerchantInvoicesService>(INSTANTMERCHANT_INVOICES).listInvoices(query)
    return { invoices: invoices.map(invoiceView), count, offset: query.offset, limit: query.limit }
  })
}

/** POST /admin/instantmerchant/invoices: a pay_later invoice for a customer. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "invoice creation", async () => {
    const input = req.validatedBody as CreateInvoiceInput
    const key = requestKey(req.get("idempotency-key"))
    const gatewayCustomer = await gatewayCustomerForInvoice(req.scope, input.customer_id, input.address)
    const invoice = await req.scope.resolve<InstantMerchantInvoicesService>(INSTANTMERCHANT_INVOICES).createPayLaterInvoice(input, input.customer_id, gatewayCustomer, key)
    return { invoice: invoiceView(invoice) }
  })
}

/** The caller's `Idempotency-Key`, as v1 reads it. */
function requestKey(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(raw)) throw new InputError("Idempotency-Key", "must be 1 to 100 letters, digits, - or _")
  return raw
}
