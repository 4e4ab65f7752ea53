import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type InstantMerchantCustomerService from "../../../../../../services/instantmerchant-customer"
import { pathParam } from "../../../../../../rules/input/input-fields"
import { respond } from "../../../../../respond"

/** GET /admin/instantmerchant/customers/:id/cards: the customer's saved cards at the gateway (last 4 and expiry only), for the admin's customer page. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "card list", async () => ({ cards: await req.scope.resolve<InstantMerchantCustomerService>("instantmerchantCustomerService").savedCards(pathParam(req.params, "id")) }))
}
