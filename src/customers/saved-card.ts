import type { StoredCard } from "../client"

/** A card saved with the gateway, as the storefront and the admin may show it (no card data beyond the last 4). */
export interface SavedCard {
  card_id: string
  last_4: string
  exp_month: number
  exp_year: number
  is_default: boolean
}

/** A card as `/card/get` lists it (strings throughout), read once here. */
export function savedCardOf(card: StoredCard): SavedCard {
  const { month, year } = parseValidThru(card.cc_valid_thru)
  return { card_id: card.card_id, last_4: card.cc_last_4, exp_month: month, exp_year: year, is_default: card.is_default === "1" }
}

/** The gateway's `cc_valid_thru`, "M/YYYY". */
export function parseValidThru(validThru: string): { month: number; year: number } {
  const [month, year] = validThru.split("/").map(Number)
  return { month, year }
}
