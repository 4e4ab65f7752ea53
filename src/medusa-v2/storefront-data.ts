import { CardInput, parseCardInput } from "../rules/card/card-input"
import { InputError } from "../rules/input/input-error"
import { AddressLike, GatewayAddress, gatewayAddressFrom } from "../customers/gateway-address"
import { BillingInterval, isBillingInterval } from "../rules/subscription/billing-interval"
import { STOREFRONT_FIELDS } from "./session-data-v2"

/** What the storefront sent as the payment session's `data`, checked. */
export interface StorefrontPayment {
  /** Undefined when the session is created before the shopper entered a card. */
  card?: CardInput
  email?: string
  billing?: GatewayAddress
  /**
   * Set when the cart holds subscription items: the charge opens a
   * subscription renewed each interval. The plugin's middleware sets it from
   * the cart's lines (the shop's product metadata), never trusting the
   * storefront's word, as v1 reads it from the cart.
   */
  interval?: BillingInterval
}

/** The signed-in customer, as the payment module hands it to a provider. */
export interface CustomerLike {
  email?: string | null
  billing_address?: AddressLike | null
}

/** `session_id` is the one field the payment module itself adds to the storefront's data. */
const ACCEPTED = new Set<string>([...STOREFRONT_FIELDS, "session_id", "interval"])

/**
 * Reads the storefront's data contract on 2.x: the v1 card fields (or a
 * `card_id`), plus the `email` and `billing_address` the charge needs, since
 * a 2.x provider never sees the cart. A signed-in customer's email and
 * default billing address stand in for missing ones.
 *
 * Any other field is refused, naming it: Medusa stores the storefront's data
 * as given, so a card number under a name of its own (`number`, `pan`) must
 * fail the request rather than be kept.
 */
export function readStorefrontData(data: Record<string, unknown> | undefined, customer?: CustomerLike | null, now = new Date()): StorefrontPayment {
  const fields = data ?? {}
  const unknown = Object.keys(fields).find((key) => !ACCEPTED.has(key))
  if (unknown) {
    throw new InputError(unknown, `is not a field of the InstantMerchant payment data (send the card fields, or card_id, with email and billing_address)`)
  }
  const interval = intervalOf(fields.interval)
  const hasCard = STOREFRONT_FIELDS.some((f) => f !== "email" && f !== "billing_address" && present(fields[f]))
  if (!hasCard) return interval ? { interval } : {}
  const card = parseCardInput(fields, now)
  const email = emailOf(fields.email ?? customer?.email)
  const billing = gatewayAddressFrom((fields.billing_address as AddressLike | undefined) ?? customer?.billing_address, "billing_address")
  return { card, email, billing, ...(interval ? { interval } : {}) }
}

function intervalOf(value: unknown): BillingInterval | undefined {
  if (!present(value)) return undefined
  if (!isBillingInterval(value)) throw new InputError("interval", `must be weekly, monthly, quarterly or yearly, got ${JSON.stringify(value)}`)
  return value
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== ""
}

function emailOf(value: unknown): string {
  const email = typeof value === "string" ? value.trim() : ""
  if (!email) throw new InputError("email", "is required with a card: send the cart's email")
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new InputError("email", "must be an email address")
  return email
}
