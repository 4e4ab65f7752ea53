import { authenticateCustomer, requireCustomerAuthentication, type MiddlewaresConfig } from "@medusajs/medusa"
import { bindRequestCustomer } from "./bind-request-customer"
import { checkoutConcurrency } from "./checkout-concurrency"
import { jsonBody } from "./json-body"
import { orderMoneyLock, orderOfReturn } from "./order-money-lock"
import { refuseNulBytes } from "./refuse-nul-bytes"

/**
 * - Medusa requires a signed-in customer only under /store/me; these store
 *   routes live under /store/customers/me, as Medusa's own customer routes
 *   do, so they ask for it here.
 * - The plugin's routes read their JSON bodies themselves (see json-body.ts),
 *   so that malformed JSON is a 400, not Medusa's 500, and refuse NUL
 *   characters, which PostgreSQL cannot store (a 400, not a 500).
 * - Card entry (Medusa's own route) runs as the customer the request is
 *   signed in as, so that the processor can tell the cart's owner from
 *   someone who set the cart's `customer_id` (see request-customer.ts).
 * - Medusa's order routes that move money run one at a time per order (see
 *   order-money-lock.ts), so that concurrent refunds keep both books equal.
 */
export const config: MiddlewaresConfig = {
  routes: [
    // First: a cart request waits here holding no database connection (see checkout-concurrency.ts).
    { matcher: "/store/carts*", method: ["POST", "DELETE"], middlewares: [checkoutConcurrency()] },
    {
      matcher: "/store/carts/:id/payment-sessions/:provider_id",
      method: ["POST"],
      middlewares: [authenticateCustomer(), jsonBody(), refuseNulBytes(), bindRequestCustomer()],
    },
    { matcher: "/admin/orders/:id/*", method: ["POST"], middlewares: [orderMoneyLock()] },
    { matcher: "/admin/returns/:id/receive", method: ["POST"], middlewares: [orderMoneyLock(orderOfReturn)] },
    {
      matcher: "/store/customers/me/instantmerchant*",
      bodyParser: false,
      middlewares: [requireCustomerAuthentication(), jsonBody(), refuseNulBytes()],
    },
    {
      matcher: "/admin/instantmerchant*",
      bodyParser: false,
      middlewares: [jsonBody(), refuseNulBytes()],
    },
  ],
}
