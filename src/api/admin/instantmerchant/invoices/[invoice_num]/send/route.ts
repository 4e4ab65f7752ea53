import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { parseEmptyBody, parseInvoiceNum } from "../../../../../../invoices/invoice-input"
import { respond } from "../../../../../respond"
import { invoiceView } from "../../../../../views/invoice-view"
import type InstantMerchantInvoiceService from "../../../../../../services/instantmerchant-invoice"

/** POST /admin/instantmerchant/invoices/:invoice_num/send: re-sends the invoice by email. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "invoice send", async () => {
    const invoiceNum = parseInvoiceNum(req.params.invoice_num)
    parseEmptyBody(req.body)
    const invoice = await req.scope.resolve<InstantMerchantInvoiceService>("instantmerchantInvoiceService").send(invoiceNum)
    return { invoice: invoiceView(invoice) }
  })
}
