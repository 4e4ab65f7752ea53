import { defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { subscriptionIntervalMiddleware } from "../http/subscription-interval"
import { invoiceMiddlewares } from "./admin/instantmerchant/invoices/invoice-middlewares"
import { AdminRenewSubscription, AdminSubscriptionList, StoreSubscriptionCard, StoreSubscriptionList } from "../http/validators"

/**
 * The plugin's routes' input validation (Medusa's own, with zod), and the
 * interval of a subscription cart at payment setup. Authentication is
 * Medusa's: /admin/* needs an admin, /store/customers/me* a signed-in customer.
 */
const listConfig = { defaults: ["id"], isList: true }

export default defineMiddlewares({
  routes: [
    {
      matcher: "/store/customers/me/instantmerchant/subscriptions",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(StoreSubscriptionList, listConfig)],
    },
    {
      matcher: "/store/customers/me/instantmerchant/subscriptions/:id/card",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(StoreSubscriptionCard)],
    },
    {
      matcher: "/admin/instantmerchant/subscriptions",
      methods: ["GET"],
      middlewares: [validateAndTransformQuery(AdminSubscriptionList, listConfig)],
    },
    {
      matcher: "/admin/instantmerchant/subscriptions/:id/renew",
      methods: ["POST"],
      middlewares: [validateAndTransformBody(AdminRenewSubscription)],
    },
    {
      matcher: "/store/payment-collections/:id/payment-sessions",
      methods: ["POST"],
      middlewares: [subscriptionIntervalMiddleware],
    },
    // The invoice routes' bodies and query, checked by the core's parsers (see http/core-validator.ts).
    ...invoiceMiddlewares,
  ],
})
