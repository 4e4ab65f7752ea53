import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { parseEmptyBody, parseInvoiceNum } from "../../../../../../invoices/invoice-input"
import { respond } from "../../../../../respond"
import { invoiceView } from "../../../../../views/invoice-view"
import type InstantMerchantInvoiceService from "../../../../../../services/instantmerchant-invoice"

/** POST /admin/instantmerchant/invoices/:invoice_num/capture: captures the invoice's authorization. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "invoice capture", async () => {
    const invoiceNum = parseInvoiceNum(req.params.invoice_num)
    parseEmptyBody(req.body)
    const invoice = await req.scope.resolve<InstantMerchantInvoiceService>("instantmerchantInvoiceService").capture(invoiceNum)
    return { invoice: invoiceView(invoice) }
  })
}
