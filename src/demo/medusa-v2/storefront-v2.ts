import path from "node:path"
import { PACKAGE_ROOT } from "../stack/package-root"
import { PageServer, startPageServer } from "../storefront/page-server"
import type { SeededStore } from "./v2-store"

export type StorefrontV2 = PageServer

const PUBLIC_DIR = path.join(PACKAGE_ROOT, "src", "demo", "medusa-v2", "public")

/**
 * The 2.x demo's checkout page: the page speaks the 2.x store API, hence a
 * page of its own, served as the v1 demo's is (`storefront/page-server.ts`).
 */
export function startStorefrontV2(options: { port: number; medusaUrl: string; seeded: SeededStore }): Promise<StorefrontV2> {
  const settings = {
    regionId: options.seeded.usd_region_id,
    variantId: options.seeded.variant_id,
    shippingOptionId: options.seeded.shipping_option_id,
    publishableKey: options.seeded.publishable_key,
  }
  return startPageServer({ port: options.port, medusaUrl: options.medusaUrl, publicDir: PUBLIC_DIR, settings })
}
