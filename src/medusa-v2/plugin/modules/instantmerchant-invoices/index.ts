import { Module } from "@medusajs/framework/utils"
import InstantMerchantInvoicesService from "./service"

/** The module's key in Medusa's container: `req.scope.resolve(INSTANTMERCHANT_INVOICES_MODULE)`. */
export const INSTANTMERCHANT_INVOICES_MODULE = "instantmerchantInvoices"

/** The invoice records of the Medusa 2.x plugin, and the admin's operations on them. */
export default Module(INSTANTMERCHANT_INVOICES_MODULE, { service: InstantMerchantInvoicesService })

export { InstantMerchantInvoicesService }
