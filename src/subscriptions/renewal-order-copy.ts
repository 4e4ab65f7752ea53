/**
 * What v1 and 2.x share about a renewal order (`subscription_renewal_orders`):
 * which address fields are copied from the first order, and the one rule
 * that decides whether an order may be made at all.
 */
export const RENEWAL_ORDER_ADDRESS_FIELDS = ["first_name", "last_name", "company", "address_1", "address_2", "city", "province", "postal_code", "country_code", "phone"] as const

/** The first order's address, as the fields a new cart takes (none of its ids). */
export function copyAddress(address: Record<string, unknown> | null | undefined): Record<string, unknown> | undefined {
  if (!address) return undefined
  return Object.fromEntries(RENEWAL_ORDER_ADDRESS_FIELDS.filter((f) => address[f] !== undefined && address[f] !== null).map((f) => [f, address[f]]))
}

/**
 * Why no order may be made, or null when today's prices add up to what the
 * renewal charged: an order must equal what was charged, to the cent.
 */
export function renewalOrderMismatch(renewedCents: number, pricedCents: number): string | null {
  if (pricedCents === renewedCents) return null
  return `The renewal charged ${renewedCents} cents, but the first order's items now cost ${pricedCents}: no renewal order was made`
}
