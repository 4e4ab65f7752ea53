import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoiceView } from "../../../../../../../../api/views/invoice-view"
import { parseInvoiceNum } from "../../../../../../../../invoices/invoice-input"
import { INSTANTMERCHANT_INVOICES } from "../../../../../../modules/instantmerchant-invoices"
import type InstantMerchantInvoicesService from "../../../../../../modules/instantmerchant-invoices/service"
import { respond } from "../../../../../../http/respond"

/** POST /admin/instantmerchant/invoices/:invoice_num/capture: captures the invoice's authorization (body checked in middlewares.ts) */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "invoice capture", async () => {
    const invoiceNum = parseInvoiceNum(req.params.invoice_num)
    const invoice = await req.scope.resolve<InstantMerchantInvoicesService>(INSTANTMERCHANT_INVOICES).captureInvoice(invoiceNum)
    return { invoice: invoiceView(invoice) }
  })
}
