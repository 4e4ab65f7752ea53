import { PageServer, startPageServer } from "../storefront/page-server"
import type { SeededStore } from "./v2-store"

export type StorefrontV2 = PageServer

/**
 * The 2.x demo's checkout page: the page speaks the 2.x store API, hence a
 * page of its own, served as the v1 demo's is (`storefront/page-server.ts`).
 */
export function startStorefrontV2({ port, medusaUrl, seeded }: { port: number; medusaUrl: string; seeded: SeededStore }): Promise<StorefrontV2> {
  const settings = { regionId: seeded.usd_region_id, variantId: seeded.variant_id, shippingOptionId: seeded.shipping_option_id, publishableKey: seeded.publishable_key }
  return startPageServer({ port, medusaUrl, page: "medusa-v2", settings })
}
