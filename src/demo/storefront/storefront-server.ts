import path from "node:path"
import { PACKAGE_ROOT } from "../stack/package-root"
import type { SeededStore } from "../stack/seed-store"
import { PageServer, startPageServer } from "./page-server"

export type Storefront = PageServer

const PUBLIC_DIR = path.join(PACKAGE_ROOT, "src", "demo", "storefront", "public")

/** The demo's checkout page, on the v1 store API (`page-server.ts`). */
export function startStorefront(options: { port: number; medusaUrl: string; seeded: SeededStore }): Promise<Storefront> {
  const settings = {
    regionId: options.seeded.regionId,
    variantId: options.seeded.variantId,
    subscriptionVariantId: options.seeded.subscriptionVariantId,
    publishableKey: options.seeded.publishableKey,
  }
  return startPageServer({ port: options.port, medusaUrl: options.medusaUrl, publicDir: PUBLIC_DIR, settings })
}
