import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { parseChargeInvoiceInput, parseInvoiceNum } from "../../../../../../invoices/invoice-input"
import { respond } from "../../../../../respond"
import { invoiceView } from "../../../../../views/invoice-view"
import type InstantMerchantInvoiceService from "../../../../../../services/instantmerchant-invoice"

/** POST /admin/instantmerchant/invoices/:invoice_num/charge: pays an open invoice with { card_id } or card details, and optional payment_mode and send_email. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "invoice charge", async () => {
    const invoiceNum = parseInvoiceNum(req.params.invoice_num)
    const input = parseChargeInvoiceInput(req.body)
    const invoice = await req.scope.resolve<InstantMerchantInvoiceService>("instantmerchantInvoiceService").charge(invoiceNum, input)
    return { invoice: invoiceView(invoice) }
  })
}
