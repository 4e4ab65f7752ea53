import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { parseInvoiceNum } from "../../../../../invoices/invoice-input"
import { respond } from "../../../../respond"
import { invoiceView } from "../../../../views/invoice-view"
import type InstantMerchantInvoiceService from "../../../../../services/instantmerchant-invoice"

/** GET /admin/instantmerchant/invoices/:invoice_num */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "invoice retrieval", async () => {
    const invoice = await req.scope.resolve<InstantMerchantInvoiceService>("instantmerchantInvoiceService").retrieve(parseInvoiceNum(req.params.invoice_num))
    return { invoice: invoiceView(invoice) }
  })
}
