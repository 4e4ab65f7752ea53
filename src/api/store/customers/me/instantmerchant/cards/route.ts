import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type InstantMerchantCustomerService from "../../../../../../services/instantmerchant-customer"
import { respond } from "../../../../../respond"
import { customerIdOf } from "../customer-id"

/** GET /store/customers/me/instantmerchant/cards: saved cards to offer at checkout (last 4 and expiry only). */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "card list", async () => ({ cards: await req.scope.resolve<InstantMerchantCustomerService>("instantmerchantCustomerService").savedCards(customerIdOf(req)) }))
}
