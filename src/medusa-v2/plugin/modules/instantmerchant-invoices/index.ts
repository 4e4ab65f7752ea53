import { Module } from "@medusajs/framework/utils"
import InstantMerchantInvoicesService from "./service"

/** The module's key in Medusa's container: `req.scope.resolve(INSTANTMERCHANT_INVOICES)`. */
export const INSTANTMERCHANT_INVOICES = "instantmerchant_invoices"

/** The invoice records of the Medusa 2.x plugin, and the admin's operations on them. */
export default Module(INSTANTMERCHANT_INVOICES, { service: InstantMerchantInvoicesService })

export { InstantMerchantInvoicesService }
