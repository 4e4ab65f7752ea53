import { requireCustomerAuthentication, type MiddlewaresConfig } from "@medusajs/medusa"

/**
 * Medusa requires a signed-in customer only under /store/me; these routes
 * live under /store/customers/me, as Medusa's own customer routes do, so they
 * ask for it here.
 */
export const config: MiddlewaresConfig = {
  routes: [
    {
      matcher: "/store/customers/me/instantmerchant*",
      middlewares: [requireCustomerAuthentication()],
    },
  ],
}
