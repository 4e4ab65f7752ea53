import { MedusaError } from "@medusajs/utils"

/** The `code` of the 409 when a subscription is locked by a renewal or another change. */
export const BUSY_CODE = "subscription_busy"

/** The answer when a renewal or another change holds the subscription's row lock (v1 and 2.x alike). */
export function busy(id: string): MedusaError {
  return new MedusaError(
    MedusaError.Types.CONFLICT,
    `A renewal or another change of subscription ${id} is already under way; nothing was changed: try again in a moment`,
    BUSY_CODE
  )
}
