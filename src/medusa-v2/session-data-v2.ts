import { GatewayAddress } from "../customers/gateway-address"
import { InstantMerchantSessionData, toSessionData } from "../rules/session/session-data"

/**
 * The payment data the 2.x provider keeps: v1's, plus what 2.x does not hand
 * a provider later. A 2.x provider never sees the cart, so the email and the
 * billing address the charge needs are kept from card entry, already mapped
 * to the gateway's fields, and the payment session's id for the keys.
 */
export interface V2SessionData extends InstantMerchantSessionData {
  session_id?: string
  email?: string
  billing?: GatewayAddress
  /** instantmerchant-invoice: the invoice's `date_due` (mm/dd/yyyy), for the plugin's invoice record. */
  invoice_date_due?: string
}

/**
 * Every field of the storefront's data contract. Medusa 2.x stores a
 * session's data as the storefront's `data` merged with the provider's
 * answer, so a field the answer leaves out keeps the storefront's value: a
 * card number would stay in `payment_session.data`, and from there in the
 * cart-completion workflow's `workflow_execution` row. Each answer therefore
 * sets all of them, to null unless the provider owns the field.
 */
export const STOREFRONT_FIELDS = [
  "cardholder_name",
  "card_number",
  "exp_month",
  "exp_year",
  "cvc",
  "save_card",
  "is_default",
  "card_id",
  "email",
  "billing_address",
] as const

const GATEWAY_ADDRESS_FIELDS = ["name", "address", "city", "zip", "state", "country"] as const

/** Keeps only the allowed fields of stored data (the v1 whitelist, then the 2.x extras). */
export function toV2SessionData(data: Record<string, unknown> | undefined | null): V2SessionData {
  const source = data ?? {}
  const out: V2SessionData = toSessionData(source)
  if (typeof source.session_id === "string" && source.session_id) out.session_id = source.session_id
  if (typeof source.email === "string" && source.email) out.email = source.email
  if (typeof source.invoice_date_due === "string" && /^\d{2}\/\d{2}\/\d{4}$/.test(source.invoice_date_due)) out.invoice_date_due = source.invoice_date_due
  const billing = source.billing as Record<string, unknown> | undefined
  if (billing && typeof billing === "object" && GATEWAY_ADDRESS_FIELDS.every((f) => typeof billing[f] === "string")) {
    out.billing = Object.fromEntries(GATEWAY_ADDRESS_FIELDS.map((f) => [f, billing[f]])) as unknown as GatewayAddress
  }
  return out
}

/**
 * What the provider hands back to Medusa: the whitelisted data, with every
 * storefront field it does not own overwritten by null. Medusa merges it over
 * the storefront's data, so no card field survives the merge.
 */
export function answerData(data: V2SessionData): Record<string, unknown> {
  const cleared: Record<string, unknown> = Object.fromEntries(STOREFRONT_FIELDS.map((f) => [f, null]))
  return { ...cleared, ...toV2SessionData(data as unknown as Record<string, unknown>) }
}
