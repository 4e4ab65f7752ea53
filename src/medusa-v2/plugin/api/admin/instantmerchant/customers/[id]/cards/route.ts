import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pathParam } from "../../../../../../../../rules/input/input-fields"
import { respond } from "../../../../../../http/respond"
import { savedCardsOf } from "../../../../../../http/saved-cards-of"

/** GET /admin/instantmerchant/customers/:id/cards: the customer's saved cards (last 4 and expiry only), for the admin's customer page, as on v1. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "card list", async () => ({ cards: await savedCardsOf(req.scope, pathParam(req.params, "id")) }))
}
