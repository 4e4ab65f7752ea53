import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { SavedCard } from "../../../../../../../../customers/saved-card"
import { respond } from "../../../../../../http/respond"
import { customerIdOf } from "../../../../../../http/subscriptions-of"

const CARD_PROVIDER = "pp_instantmerchant_instantmerchant"

/**
 * GET /store/customers/me/instantmerchant/cards: the signed-in customer's
 * saved cards (last 4 and expiry only), v1's answer. On 2.x they are the
 * payment methods of the customer's account holder with the card provider.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  await respond(req, res, "card list", async () => {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [customer] } = await query.graph({ entity: "customer", fields: ["id", "account_holders.*"], filters: { id: customerIdOf(req) } })
    const holder = (customer?.account_holders ?? []).find((h: { provider_id?: string } | null) => h?.provider_id === CARD_PROVIDER)
    if (!holder) return { cards: [] }
    const methods = await req.scope.resolve(Modules.PAYMENT).listPaymentMethods({ provider_id: CARD_PROVIDER, context: { account_holder: holder } as never })
    const cards: SavedCard[] = methods.map((m) => {
      const d = (m.data ?? {}) as Record<string, unknown>
      return { card_id: String(d.card_id), last_4: String(d.last_4), exp_month: Number(d.exp_month), exp_year: Number(d.exp_year), is_default: d.is_default === true }
    })
    return { cards }
  })
}
