import { cardKeyPart } from "../rules/card/card-key"
import { ChargeInvoiceInput } from "./invoice-input"

/**
 * The charge's key: the invoice, the payment mode, the receipt flag and the
 * card (see cardKeyPart). A retry of the same
 * charge replays; another card or another mode is a new attempt. Paying twice
 * is impossible either way: the gateway refuses a second charge of an invoice.
 */
export function invoiceChargeKey(invoiceNum: number, input: Pick<ChargeInvoiceInput, "card" | "payment_mode" | "send_email">): string {
  return `im_invoice_charge_${invoiceNum}_${input.payment_mode}_${input.send_email ? 1 : 0}_${cardKeyPart(input.card)}`
}
