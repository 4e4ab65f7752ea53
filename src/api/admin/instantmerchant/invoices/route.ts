import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { InputError } from "../../../../rules/input/input-error"
import { parseCreateInvoiceInput, parseListInvoicesQuery } from "../../../../invoices/invoice-input"
import { respond } from "../../../respond"
import { invoiceView } from "../../../views/invoice-view"
import type InstantMerchantInvoiceService from "../../../../services/instantmerchant-invoice"

/** GET /admin/instantmerchant/invoices?status=&customer_id=&order_id=&cart_id=&offset=&limit= */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "invoice list", async () => {
    const query = parseListInvoicesQuery(req.query)
    const [invoices, count] = await req.scope.resolve<InstantMerchantInvoiceService>("instantmerchantInvoiceService").list(query)
    return { invoices: invoices.map(invoiceView), count, offset: query.offset, limit: query.limit }
  })
}

/** POST /admin/instantmerchant/invoices: a pay_later invoice for a customer. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "invoice creation", async () => {
    const input = parseCreateInvoiceInput(req.body)
    const invoice = await req.scope.resolve<InstantMerchantInvoiceService>("instantmerchantInvoiceService").create(input, requestKey(req.get("idempotency-key")))
    return { invoice: invoiceView(invoice) }
  })
}

function requestKey(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === "") return undefined
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(raw)) throw new InputError("Idempotency-Key", "must be 1 to 100 letters, digits, - or _")
  return raw
}
