import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoiceView } from "../../../../../../../../api/views/invoice-view"
import { parseInvoiceNum } from "../../../../../../../../invoices/invoice-input"
import { INSTANTMERCHANT_INVOICES } from "../../../../../../modules/instantmerchant-invoices"
import type InstantMerchantInvoicesService from "../../../../../../modules/instantmerchant-invoices/service"
import { respond } from "../../../../../../http/respond"

/** POST /admin/instantmerchant/invoices/:invoice_num/send: re-sends the invoice by email (body checked in middlewares.ts) */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "invoice send", async () => {
    const invoiceNum = parseInvoiceNum(req.params.invoice_num)
    const invoice = await req.scope.resolve<InstantMerchantInvoicesService>(INSTANTMERCHANT_INVOICES).sendInvoice(invoiceNum)
    return { invoice: invoiceView(invoice) }
  })
}
