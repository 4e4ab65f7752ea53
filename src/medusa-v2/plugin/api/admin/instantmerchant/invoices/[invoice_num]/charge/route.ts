import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoiceView } from "../../../../../../../../api/views/invoice-view"
import { parseInvoiceNum, type ChargeInvoiceInput } from "../../../../../../../../invoices/invoice-input"
import { INSTANTMERCHANT_INVOICES } from "../../../../../../modules/instantmerchant-invoices"
import type InstantMerchantInvoicesService from "../../../../../../modules/instantmerchant-invoices/service"
import { respond } from "../../../../../../http/respond"

/** POST /admin/instantmerchant/invoices/:invoice_num/charge: pays an open invoice with { card_id } or card details, and optional payment_mode and send_email (body checked in middlewares.ts) */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "invoice charge", async () => {
    const invoiceNum = parseInvoiceNum(req.params.invoice_num)
    const invoice = await req.scope.resolve<InstantMerchantInvoicesService>(INSTANTMERCHANT_INVOICES).chargeInvoice(invoiceNum, req.validatedBody as ChargeInvoiceInput)
    return { invoice: invoiceView(invoice) }
  })
}
