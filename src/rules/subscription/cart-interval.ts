import { InputError } from "../input/input-error"
import { BillingInterval, INTERVAL_METADATA_KEY, isBillingInterval } from "./billing-interval"

/** The parts of a cart line this needs. */
export interface IntervalLine {
  title: string
  variant_metadata: Record<string, unknown> | null
  product_metadata: Record<string, unknown> | null
}

/**
 * The billing interval a cart is charged with, or undefined for a one-time
 * cart. A variant's own `instantmerchant_interval` wins over its product's.
 *
 * The gateway puts one subscription on one charge, so a cart that mixes
 * intervals cannot be charged as one; and a cart that mixes subscription and
 * one-time items would make the one-time items recur too (a renewal charges
 * the whole first charge again), so it is refused unless the shop allows it.
 */
export function intervalOfCart(lines: readonly IntervalLine[], allowMixed: boolean): BillingInterval | undefined {
  const byInterval = new Map<BillingInterval, string[]>()
  const oneTime: string[] = []
  for (const line of lines) {
    const own = line.variant_metadata?.[INTERVAL_METADATA_KEY]
    const raw = own !== undefined && own !== null && own !== "" ? own : line.product_metadata?.[INTERVAL_METADATA_KEY]
    if (raw === undefined || raw === null || raw === "") {
      oneTime.push(line.title)
      continue
    }
    if (!isBillingInterval(raw)) {
      throw new InputError(INTERVAL_METADATA_KEY, `"${String(raw)}" on "${line.title}" is not weekly, monthly, quarterly or yearly; ask the shop to fix the product`)
    }
    byInterval.set(raw, [...(byInterval.get(raw) ?? []), line.title])
  }
  if (byInterval.size === 0) return undefined
  if (byInterval.size > 1) {
    const described = [...byInterval.entries()].map(([interval, titles]) => `${titles.join(", ")} (${interval})`).join(" and ")
    throw new InputError("cart", `mixes subscriptions with different intervals: ${described}; buy them in separate orders`)
  }
  const [interval] = byInterval.keys()
  if (oneTime.length && !allowMixed) {
    throw new InputError("cart", `mixes a ${interval} subscription with one-time items (${oneTime.join(", ")}); buy them in separate orders`)
  }
  return interval
}
