/** Display helpers shared by the admin extensions. Amounts are cents; the gateway takes USD only. */

export function money(cents: number | null | undefined, currency = "usd"): string {
  if (cents === null || cents === undefined || Number.isNaN(cents)) return "–"
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(cents / 100)
}

/**
 * Dollars typed by an admin ("12.50") to cents (1250), from the digits, with
 * no floating point; NaN when it is not an amount with at most 2 decimals
 * (nothing is rounded).
 */
export function toCents(dollars: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(dollars.trim().replace(/^\$/, ""))
  if (!match) return NaN
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"))
  return Number.isSafeInteger(cents) ? cents : NaN
}

export function dateTime(value: string | Date | null | undefined): string {
  if (!value) return "–"
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })
}

export function date(value: string | Date | null | undefined): string {
  if (!value) return "–"
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleDateString("en-US", { dateStyle: "medium" })
}

/** "in 3 days", "in 5 hours", "in 12 minutes": how far ahead `at` is from `now` (positive only). */
export function timeUntil(at: Date, now: Date): string {
  const minutes = Math.floor((at.getTime() - now.getTime()) / 60_000)
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`
  if (minutes >= 24 * 60) return `in ${plural(Math.floor(minutes / (24 * 60)), "day")}`
  if (minutes >= 60) return `in ${plural(Math.floor(minutes / 60), "hour")}`
  return `in ${plural(Math.max(minutes, 1), "minute")}`
}

/** A card's expiry as on the card: 12/2030. */
export function expiry(month: number | string | null | undefined, year: number | string | null | undefined): string {
  if (!month || !year) return "–"
  return `${String(month).padStart(2, "0")}/${year}`
}
