import { authenticateCustomer, requireCustomerAuthentication, type MiddlewaresConfig } from "@medusajs/medusa"
import { bindRequestCustomer } from "./bind-request-customer"
import { jsonBody } from "./json-body"

/**
 * - Medusa requires a signed-in customer only under /store/me; these store
 *   routes live under /store/customers/me, as Medusa's own customer routes
 *   do, so they ask for it here.
 * - The plugin's routes read their JSON bodies themselves (see json-body.ts),
 *   so that malformed JSON is a 400, not Medusa's 500.
 * - Card entry (Medusa's own route) runs as the customer the request is
 *   signed in as, so that the processor can tell the cart's owner from
 *   someone who set the cart's `customer_id` (see request-customer.ts).
 */
export const config: MiddlewaresConfig = {
  routes: [
    {
      matcher: "/store/carts/:id/payment-sessions/:provider_id",
      method: ["POST"],
      middlewares: [authenticateCustomer(), jsonBody(), bindRequestCustomer()],
    },
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
