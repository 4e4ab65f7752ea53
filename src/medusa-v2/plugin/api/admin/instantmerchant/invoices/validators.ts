import {
  parseChargeInvoiceInput,
  parseCreateInvoiceInput,
  parseEmptyBody,
  parseListInvoicesQuery,
  parseRefundInvoiceInput,
} from "../../../../../../invoices/invoice-input"
import { checkedBy } from "../../../../http/core-validator"

/** The invoice routes' bodies and query, checked by v1's parsers (see core-validator.ts). */
export const AdminListInvoices = checkedBy(parseListInvoicesQuery)
export const AdminCreateInvoice = checkedBy((body) => parseCreateInvoiceInput(body))
export const AdminChargeInvoice = checkedBy(parseChargeInvoiceInput)
export const AdminRefundInvoice = checkedBy(parseRefundInvoiceInput)
/** send and capture take no body: anything sent is a mistake worth naming. */
export const AdminEmptyBody = checkedBy(parseEmptyBody)
