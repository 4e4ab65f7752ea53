import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoiceView } from "../../../../../../../api/views/invoice-view"
import { parseInvoiceNum } from "../../../../../../../invoices/invoice-input"
import { INSTANTMERCHANT_INVOICES } from "../../../../../modules/instantmerchant-invoices"
import type InstantMerchantInvoicesService from "../../../../../modules/instantmerchant-invoices/service"
import { respond } from "../../../../../http/respond"

/** GET /admin/instantmerchant/invoices/:invoice_num */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "invoice retrieval", async () => {
    const invoice = await req.scope.resolve<InstantMerchantInvoicesService>(INSTANTMERCHANT_INVOICES).retrieveInvoice(parseInvoiceNum(req.params.invoice_num))
    return { invoice: invoiceView(invoice) }
  })
}
