import type { MedusaRequest } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"

/** The signed-in customer (middlewares.ts requires one on these routes). */
export function customerIdOf(req: MedusaRequest): string {
  const id = (req as unknown as { user?: { customer_id?: string } }).user?.customer_id
  if (!id) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Sign in to manage your subscriptions")
  return id
}
