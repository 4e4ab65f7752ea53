import { requireCustomerAuthentication, type MiddlewaresConfig } from "@medusajs/medusa"
import { jsonBody } from "./json-body"

/**
 * - Medusa requires a signed-in customer only under /store/me; these store
 *   routes live under /store/customers/me, as Medusa's own customer routes
 *   do, so they ask for it here.
 * - The plugin's routes read their JSON bodies themselves (see json-body.ts),
 *   so that malformed JSON is a 400, not Medusa's 500.
 */
export const config: MiddlewaresConfig = {
  routes: [
    {
      matcher: "/store/customers/me/instantmerchant*",
      bodyParser: false,
      middlewares: [requireCustomerAuthentication(), jsonBody()],
    },
    {
      matcher: "/admin/instantmerchant*",
      bodyParser: false,
      middlewares: [jsonBody()],
    },
  ],
}
