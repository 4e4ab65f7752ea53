import type { ParamValue, Params } from "./parse-body"
import { invalidParam, missingParam } from "../sandbox-error"

/**
 * Typed, validating access to request parameters. Every failure is a 400
 * that names the field, in the field's own words.
 */
export class Fields {
  constructor(private readonly params: Params) {}

  /** True when the field was sent with a non-blank value. */
  has(name: string): boolean {
    const value = this.params[name]
    if (value === undefined) return false
    return Array.isArray(value) ? value.length > 0 : value.trim() !== ""
  }

  string(name: string): string {
    const value = this.optionalString(name)
    if (value === undefined) throw missingParam(name)
    return value
  }

  /** Blank counts as absent: a form cannot tell the two apart. */
  optionalString(name: string): string | undefined {
    const value = this.scalar(name)
    if (value === undefined) return undefined
    const trimmed = value.trim()
    return trimmed === "" ? undefined : trimmed
  }

  /**
   * Integers are digit strings or JSON integers only. "20.00" or "20.5" is a
   * 400, never rounded: a client that sends dollars where cents are expected
   * must find out here, not on the shopper's statement.
   */
  integer(name: string, min: number, minReason?: string): number {
    const value = this.optionalInteger(name, min, minReason)
    if (value === undefined) throw missingParam(name)
    return value
  }

  optionalInteger(name: string, min: number, minReason?: string): number | undefined {
    const raw = this.optionalString(name)
    if (raw === undefined) return undefined
    if (/^-?\d+\.\d*$/.test(raw)) throw invalidParam(name, `must be an integer, got the decimal '${raw}'`)
    if (!/^\d+$/.test(raw)) throw invalidParam(name, "must be a positive integer")
    const value = Number(raw)
    if (!Number.isSafeInteger(value)) throw invalidParam(name, "is too large")
    if (value < min) throw invalidParam(name, minReason ?? `must be at least ${min}`)
    return value
  }

  /** Booleans accept true/false/1/0, any case. */
  boolean(name: string): boolean {
    const raw = this.optionalString(name)
    if (raw === undefined) return false
    const lower = raw.toLowerCase()
    if (lower === "true" || lower === "1") return true
    if (lower === "false" || lower === "0") return false
    throw invalidParam(name, "must be true, false, 1 or 0")
  }

  /** One of a fixed set of lower-case words, compared case-insensitively. */
  choice<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
    const raw = this.optionalString(name)
    if (raw === undefined) {
      if (fallback === undefined) throw missingParam(name)
      return fallback
    }
    const lower = raw.toLowerCase()
    const match = allowed.find((option) => option === lower)
    if (match === undefined) throw invalidParam(name, `must be one of ${allowed.join(", ")}`)
    return match
  }

  /** A plausible address: something@domain.tld, no spaces. */
  email(name: string): string {
    const value = this.string(name)
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw invalidParam(name, "must be an email address")
    return value
  }

  /** Reference: "2-letter state code" / "2-letter country code"; answered upper-case. */
  twoLetterCode(name: string, fallback?: string): string {
    const raw = this.optionalString(name) ?? fallback
    if (raw === undefined) throw missingParam(name)
    if (!/^[A-Za-z]{2}$/.test(raw)) throw invalidParam(name, "must be a 2-letter code")
    return raw.toUpperCase()
  }

  /** A list sent as `name[]=...` (form) or a JSON array. */
  list(name: string): string[] {
    const value = this.params[name]
    if (value === undefined) throw missingParam(name)
    const items = Array.isArray(value) ? value : [value]
    if (items.length === 0) throw missingParam(name)
    return items.map((item) => item.trim())
  }

  private scalar(name: string): string | undefined {
    const value: ParamValue | undefined = this.params[name]
    if (Array.isArray(value)) throw invalidParam(name, "must be a single value, not a list")
    return value
  }
}
