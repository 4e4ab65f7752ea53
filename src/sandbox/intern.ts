/**
 * One copy of a short string that many records repeat (a card's last 4
 * digits, a cardholder's name): with 100,000 charges held, each charge kept
 * its own copies of both. The table stops growing at a bound, so a stream of
 * distinct values costs no more than storing them would.
 */
const MAX_ENTRIES = 50_000
const table = new Map<string, string>()

export function intern(text: string): string {
  const known = table.get(text)
  if (known !== undefined) return known
  if (table.size < MAX_ENTRIES) table.set(text, text)
  return text
}
