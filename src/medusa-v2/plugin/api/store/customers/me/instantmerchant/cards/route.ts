import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { respond } from "../../../../../../http/respond"
import { savedCardsOf } from "../../../../../../http/saved-cards-of"
import { customerIdOf } from "../../../../../../http/subscriptions-of"

/** GET /store/customers/me/instantmerchant/cards: the signed-in customer's saved cards (last 4 and expiry only), v1's answer. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "card list", async () => ({ cards: await savedCardsOf(req.scope, customerIdOf(req)) }))
}
