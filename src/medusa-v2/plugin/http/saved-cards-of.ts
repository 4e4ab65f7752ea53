import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { SavedCard } from "../../../customers/saved-card"
import { CARD_PROVIDER } from "./provider-ids"


/**
 * A customer's saved cards (last 4 and expiry only), v1's answer. On 2.x they
 * are the payment methods of the customer's account holder with the card
 * provider; a customer without one has none. The caller decides whose cards
 * these may be: the store route passes the authenticated customer, the admin
 * route the path's.
 */
export async function savedCardsOf(scope: MedusaContainer, customerId: string): Promise<SavedCard[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [customer] } = await query.graph({ entity: "customer", fields: ["id", "account_holders.*"], filters: { id: customerId } })
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${customerId} was not found`)
  const holder = (customer.account_holders ?? []).find((h: { provider_id?: string } | null) => h?.provider_id === CARD_PROVIDER)
  if (!holder) return []
  const methods = await scope.resolve(Modules.PAYMENT).listPaymentMethods({ provider_id: CARD_PROVIDER, context: { account_holder: holder } as never })
  return methods.map((m) => {
    const d = (m.data ?? {}) as Record<string, unknown>
    return { card_id: String(d.card_id), last_4: String(d.last_4), exp_month: Number(d.exp_month), exp_year: Number(d.exp_year), is_default: d.is_default === true }
  })
}
