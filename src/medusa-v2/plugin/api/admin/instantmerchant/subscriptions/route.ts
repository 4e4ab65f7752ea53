import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INSTANTMERCHANT_SUBSCRIPTIONS } from "../../../../modules/instantmerchant-subscriptions"
import type { InstantMerchantSubscriptionsService } from "../../../../modules/instantmerchant-subscriptions/service"

/** GET /admin/instantmerchant/subscriptions */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  const subscriptions = req.scope.resolve<InstantMerchantSubscriptionsService>(INSTANTMERCHANT_SUBSCRIPTIONS)
  const [rows, count] = await subscriptions.listAndCountInstantMerchantSubscriptions({}, { skip: 0, take: 20, order: { created_at: "DESC" } })
  res.json({ subscriptions: rows, count, offset: 0, limit: 20 })
}
