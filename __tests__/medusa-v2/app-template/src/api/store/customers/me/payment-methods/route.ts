import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"

/**
 * GET /store/customers/me/payment-methods?provider_id=pp_instantmerchant_instantmerchant
 *
 * The signed-in customer's saved cards. Medusa 2.21 ships no store route for
 * payment methods, so a store adds this one (the README shows it). The account
 * holder is looked up from the customer this request is authenticated as
 * (Medusa authenticates /store/customers/me*), never from a parameter.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const providerId = typeof req.query.provider_id === "string" ? req.query.provider_id : "pp_instantmerchant_instantmerchant"
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [customer] } = await query.graph({
    entity: "customer",
    fields: ["id", "account_holders.*"],
    filters: { id: req.auth_context.actor_id },
  })
  if (!customer) throw new MedusaError(MedusaError.Types.NOT_FOUND, "customer not found")
  const holder = (customer.account_holders ?? []).find((h) => h?.provider_id === providerId)
  if (!holder) return res.json({ payment_methods: [] })
  const payment = req.scope.resolve(Modules.PAYMENT)
  const methods = await payment.listPaymentMethods({ provider_id: providerId, context: { account_holder: holder } })
  res.json({ payment_methods: methods })
}
