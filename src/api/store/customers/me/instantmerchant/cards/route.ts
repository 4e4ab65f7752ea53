import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type InstantMerchantSubscriptionService from "../../../../../../services/instantmerchant-subscription"
import { toMedusaError } from "../../../../../../subscription/to-medusa-error"
import { customerIdOf } from "../customer-id"

/** GET /store/customers/me/instantmerchant/cards: saved cards to offer at checkout (last 4 and expiry only). */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const service = req.scope.resolve<InstantMerchantSubscriptionService>("instantmerchantSubscriptionService")
  try {
    res.json({ cards: await service.savedCards(customerIdOf(req)) })
  } catch (e) {
    throw toMedusaError(e, "card list")
  }
}
