import { defineMiddlewares } from "@medusajs/framework/http"
import { invoiceMiddlewares } from "./admin/instantmerchant/invoices/invoice-middlewares"

/**
 * The plugin's 2.x middlewares: each area's body and query validation
 * (`validateAndTransformBody`/`Query` with the core's parsers, see
 * core-validator.ts), listed here, the one file Medusa reads.
 */
export default defineMiddlewares({
  routes: [...invoiceMiddlewares],
})
