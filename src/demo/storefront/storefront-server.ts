import type { SeededStore } from "../stack/seed-store"
import { PageServer, startPageServer } from "./page-server"

export type Storefront = PageServer

/** The demo's checkout page, on the v1 store API (`page-server.ts`). */
export function startStorefront({ port, medusaUrl, seeded }: { port: number; medusaUrl: string; seeded: SeededStore }): Promise<Storefront> {
  const { regionId, variantId, subscriptionVariantId, publishableKey } = seeded
  return startPageServer({ port, medusaUrl, page: "storefront", settings: { regionId, variantId, subscriptionVariantId, publishableKey } })
}
