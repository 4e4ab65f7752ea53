import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import InvoicesModule from "../modules/instantmerchant-invoices"

/** The customer an invoice bills, through its `customer_id` column: read-only, as the order link. */
export default defineLink({ linkable: InvoicesModule.linkable.instantmerchantInvoice, field: "customer_id" }, CustomerModule.linkable.customer, { readOnly: true })
