import { InputError } from "../input/input-error"

export interface CardExpiry {
  /** 1 to 12. */
  month: number
  /** Four digits. */
  year: number
}

/**
 * Reads an expiry month and a 2- or 4-digit year (the reference accepts both)
 * and refuses one in the past. A card is valid through the last day of its
 * expiry month.
 */
export function parseCardExpiry(month: unknown, year: unknown, now: Date = new Date()): CardExpiry {
  const m = asDigits(month, "exp_month", 1, 2)
  if (m < 1 || m > 12) throw new InputError("exp_month", "must be a month from 1 to 12")
  const raw = asDigitString(year, "exp_year")
  if (raw.length !== 2 && raw.length !== 4) throw new InputError("exp_year", "must have 2 or 4 digits")
  const y = raw.length === 2 ? 2000 + Number(raw) : Number(raw)
  const thisYear = now.getUTCFullYear()
  const thisMonth = now.getUTCMonth() + 1
  if (y < thisYear || (y === thisYear && m < thisMonth)) {
    throw new InputError("exp_year", `the card expired in ${String(m).padStart(2, "0")}/${y}`)
  }
  return { month: m, year: y }
}

function asDigitString(value: unknown, field: string): string {
  const s = typeof value === "number" && Number.isInteger(value) ? String(value) : typeof value === "string" ? value.trim() : undefined
  if (s === undefined || !/^\d+$/.test(s)) throw new InputError(field, "must be digits only")
  return s
}

function asDigits(value: unknown, field: string, minLength: number, maxLength: number): number {
  const s = asDigitString(value, field)
  if (s.length < minLength || s.length > maxLength) throw new InputError(field, `must have ${minLength} to ${maxLength} digits`)
  return Number(s)
}
