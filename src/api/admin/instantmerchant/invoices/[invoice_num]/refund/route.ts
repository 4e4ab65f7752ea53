import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { parseRefundInvoiceInput, parseInvoiceNum } from "../../../../../../invoices/invoice-input"
import { respond } from "../../../../../respond"
import { invoiceView } from "../../../../../views/invoice-view"
import type InstantMerchantInvoiceService from "../../../../../../services/instantmerchant-invoice"

/** POST /admin/instantmerchant/invoices/:invoice_num/refund: refunds { amount } cents of the captured charge. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "invoice refund", async () => {
    const invoiceNum = parseInvoiceNum(req.params.invoice_num)
    const { amount } = parseRefundInvoiceInput(req.body)
    const invoice = await req.scope.resolve<InstantMerchantInvoiceService>("instantmerchantInvoiceService").refund(invoiceNum, amount)
    return { invoice: invoiceView(invoice) }
  })
}
