/**
 * The demo store's Medusa configuration, and an example of loading this
 * plugin. `npm run demo` and the end-to-end suite set the environment; every
 * value has a default that works on a fresh machine.
 *
 * Medusa runs from a generated folder (.demo/app) whose medusa-config.js
 * re-exports this file: see src/demo/stack/medusa-server.ts for why.
 */
const redisUrl = process.env.REDIS_URL

module.exports = {
  projectConfig: {
    database_url: process.env.DATABASE_URL,
    database_type: "postgres",
    // Without Redis, Medusa uses an in-memory fake, and scheduled jobs do not run.
    redis_url: redisUrl,
    jwt_secret: process.env.JWT_SECRET || "demo-jwt-secret",
    cookie_secret: process.env.COOKIE_SECRET || "demo-cookie-secret",
    store_cors: process.env.STORE_CORS || "*",
    admin_cors: process.env.ADMIN_CORS || "*",
  },
  // No "help us get better" usage-data prompt over the admin dashboard (telemetry is off too).
  featureFlags: { analytics: false },
  plugins: [
    "medusa-fulfillment-manual",
    {
      // The admin dashboard at /app. It is built before `medusa start` (src/demo/stack/admin-build.ts),
      // into MEDUSA_ADMIN_BUILD_DIR; autoRebuild would rebuild it at every start.
      resolve: "@medusajs/admin",
      options: { serve: true, path: "/app", autoRebuild: false, outDir: process.env.MEDUSA_ADMIN_BUILD_DIR || "build" },
    },
    {
      // This package, loaded from its dist/. In a shop: resolve: "medusa-payment-instantmerchant".
      resolve: __dirname,
      options: {
        // Load this plugin's admin extensions (dist/admin) into the dashboard.
        enableUI: true,
        api_key: process.env.INSTANTMERCHANT_API_KEY || "im_test_key",
        api_secret: process.env.INSTANTMERCHANT_API_SECRET || "im_test_secret",
        base_url: process.env.INSTANTMERCHANT_BASE_URL || `http://127.0.0.1:${process.env.SANDBOX_PORT || 4010}/api/v2`,
        capture: process.env.INSTANTMERCHANT_CAPTURE === "true",
        // Unset: the plugin's default (30 s). The reliability suite shortens it to time out quickly.
        timeout_ms: process.env.INSTANTMERCHANT_TIMEOUT_MS || undefined,
        // The demo talks to the sandbox, so renewals follow its clock: advance it to make them due.
        use_sandbox_clock: process.env.INSTANTMERCHANT_USE_SANDBOX_CLOCK !== "false",
        subscription_renewal_lead_hours: process.env.INSTANTMERCHANT_RENEWAL_LEAD_HOURS || 24,
        subscription_retry_hours: process.env.INSTANTMERCHANT_RETRY_HOURS || [24, 72],
        subscription_renewal_orders: process.env.INSTANTMERCHANT_RENEWAL_ORDERS === "true",
        subscription_renewal_concurrency: process.env.INSTANTMERCHANT_RENEWAL_CONCURRENCY || 4,
      },
    },
  ],
  modules: redisUrl
    ? {
        eventBus: { resolve: "@medusajs/event-bus-redis", options: { redisUrl } },
        cacheService: { resolve: "@medusajs/cache-redis", options: { redisUrl } },
      }
    : {},
}
