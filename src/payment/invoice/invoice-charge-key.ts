import { lastFour } from "../../core/card/card-input"
import { lettersDigest } from "../../core/payment/idempotency-digest"
import { ChargeInvoiceInput } from "./admin-invoice-input"

/**
 * The charge's key: the invoice, the payment mode, the receipt flag and the
 * card. The card is named by its id, or for details by the last 4, expiry,
 * name and flags (never the number, nor a hash of it). A retry of the same
 * charge replays; another card or another mode is a new attempt. Paying twice
 * is impossible either way: the gateway refuses a second charge of an invoice.
 */
export function invoiceChargeKey(invoiceNum: number, input: Pick<ChargeInvoiceInput, "card" | "payment_mode" | "send_email">): string {
  const card = input.card
  const cardPart =
    card.kind === "saved"
      ? `${card.card_id}_${card.is_default ? 1 : 0}`
      : `card_${lastFour(card.card_number)}_${card.exp_month}_${card.exp_year}_${lettersDigest(JSON.stringify([card.cardholder_name, card.save_card, card.is_default]), 8)}`
  return `im_invoice_charge_${invoiceNum}_${input.payment_mode}_${input.send_email ? 1 : 0}_${cardPart}`
}
