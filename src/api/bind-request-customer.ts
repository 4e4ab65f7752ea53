import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { runAsRequestCustomer } from "../checkout/request-customer"

/**
 * Runs the rest of the request as the customer it is authenticated as (Medusa's
 * `authenticateCustomer` must run first), for the processor to compare with
 * the cart's customer. Registered after the body is read: the request's
 * context then carries through every `await` down to the processor, whereas a
 * body parser running later would resume from a socket event, outside it.
 */
export function bindRequestCustomer() {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction): void => {
    const user = (req as unknown as { user?: { customer_id?: unknown } }).user
    const customerId = typeof user?.customer_id === "string" && user.customer_id ? user.customer_id : null
    runAsRequestCustomer(customerId, () => next())
  }
}
