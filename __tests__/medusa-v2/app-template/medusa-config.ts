import { defineConfig, Modules } from "@medusajs/framework/utils"

/**
 * A Medusa 2.x store with the InstantMerchant providers, for the end-to-end
 * suite and `npm run demo:v2`, which set the environment. No Redis: the event
 * bus, cache, locking and workflow engine are Medusa's in-memory defaults.
 */
const env = process.env

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: env.DATABASE_URL,
    http: {
      storeCors: env.STORE_CORS || "*",
      adminCors: env.ADMIN_CORS || "*",
      authCors: env.AUTH_CORS || "*",
      jwtSecret: env.JWT_SECRET || "demo-jwt-secret",
      cookieSecret: env.COOKIE_SECRET || "demo-cookie-secret",
    },
  },
  admin: {
    disable: env.MEDUSA_ADMIN_DISABLE === "true",
    path: "/app",
  },
  plugins: [
    {
      // The plugin (subscriptions, invoice records, admin pages), from the same tarball: Medusa loads its .medusa/server/src.
      resolve: "medusa-payment-instantmerchant",
      options: {
        api_key: env.IM_API_KEY,
        api_secret: env.IM_API_SECRET,
        base_url: env.IM_BASE_URL,
        // The suite moves time with the sandbox's clock; the renewal job's schedule is INSTANTMERCHANT_RENEWAL_SCHEDULE.
        use_sandbox_clock: env.IM_USE_SANDBOX_CLOCK === "true",
        // On for the instance subscription-renewal-orders.e2e.test.ts starts (its own `medusa start` of the same store).
        subscription_renewal_orders: env.IM_SUBSCRIPTION_RENEWAL_ORDERS === "true",
      },
    },
  ],
  modules: [
    {
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          {
            // The provider, installed from this repository's `npm pack` tarball, as a real store gets it.
            resolve: "medusa-payment-instantmerchant/medusa-v2",
            id: "instantmerchant",
            options: {
              api_key: env.IM_API_KEY,
              api_secret: env.IM_API_SECRET,
              base_url: env.IM_BASE_URL,
              capture: env.IM_CAPTURE === "true",
            },
          },
        ],
      },
    },
  ],
})
