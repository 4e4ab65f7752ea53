import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { invoiceView } from "../../../../../../../../api/views/invoice-view"
import { parseInvoiceNum } from "../../../../../../../../invoices/invoice-input"
import { INSTANTMERCHANT_INVOICES } from "../../../../../../modules/instantmerchant-invoices"
import type InstantMerchantInvoicesService from "../../../../../../modules/instantmerchant-invoices/service"
import { respond } from "../../../../../../http/respond"

/** POST /admin/instantmerchant/invoices/:invoice_num/refund: refunds { amount } cents of the captured charge (body checked in middlewares.ts) */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "invoice refund", async () => {
    const invoiceNum = parseInvoiceNum(req.params.invoice_num)
    const invoice = await req.scope.resolve<InstantMerchantInvoicesService>(INSTANTMERCHANT_INVOICES).refundInvoice(invoiceNum, (req.validatedBody as { amount: number }).amount)
    return { invoice: invoiceView(invoice) }
  })
}
