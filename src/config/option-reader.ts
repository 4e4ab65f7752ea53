import { DEFAULT_BASE_URL } from "../client"
import { gatewayUrlProblem, printableUrl } from "../client/gateway-url"

/**
 * The one kit that reads a host's options (the v1 plugin's, the 2.x
 * provider's): each option is a field that turns its raw value into a value,
 * or adds a problem naming the option and what is wrong. Every problem is
 * collected, so one start-up error lists them all. Never quotes the secret.
 */
export type OptionField<T> = (value: unknown, key: string, problems: string[]) => T

export type OptionFields = Record<string, OptionField<unknown>>

type ValueOf<F> = F extends OptionField<infer T> ? T : never
type RequiredKeys<S> = { [K in keyof S]: undefined extends ValueOf<S[K]> ? never : K }[keyof S]
type OptionalKeys<S> = { [K in keyof S]: undefined extends ValueOf<S[K]> ? K : never }[keyof S]

/** The options a table of fields reads: a field that may give undefined is an optional key, left out when unset. */
export type OptionsOf<S extends OptionFields> = { [K in RequiredKeys<S>]: ValueOf<S[K]> } & {
  [K in OptionalKeys<S>]?: Exclude<ValueOf<S[K]>, undefined>
}

export interface OptionsSource {
  /** Starts the one error, e.g. "medusa-payment-instantmerchant: invalid plugin options in medusa-config.js". */
  what: string
  /** Why a key that is not a field is refused, or undefined to let it pass (a host's own bookkeeping keys). */
  unknown(key: string, known: string[]): string | undefined
}

/** Reads `raw` through `fields`; throws one error that lists every problem. */
export function readOptions<S extends OptionFields>(raw: unknown, fields: S, source: OptionsSource): OptionsOf<S> {
  const o = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>
  const problems: string[] = []
  const options: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(fields)) {
    const value = field(o[key], key, problems)
    if (value !== undefined) options[key] = value
  }
  const known = Object.keys(fields)
  for (const key of Object.keys(o)) {
    const problem = known.includes(key) ? undefined : source.unknown(key, known)
    if (problem) problems.push(problem)
  }
  if (problems.length) throw new Error(`${source.what}: ${problems.join("; ")}`)
  return options as OptionsOf<S>
}

/** A non-empty string, trimmed. Quotes what it got, except for the secret, of which it names only the type. */
export function requiredText(): OptionField<string> {
  return (v, key, problems) => {
    if (typeof v === "string" && v.trim() !== "") return v.trim()
    problems.push(`${key} is required (a non-empty string)${v === undefined ? "" : `, got ${key === "api_secret" ? typeof v : JSON.stringify(v)}`}`)
    return ""
  }
}

/** true or false, or their text from an environment variable. */
export function flag(fallback = false): OptionField<boolean> {
  return (v, key, problems) => {
    if (v === undefined) return fallback
    if (v === true || v === "true") return true
    if (v === false || v === "false") return false
    problems.push(`${key} must be true or false, got ${JSON.stringify(v)}`)
    return fallback
  }
}

/** A whole number from min to max, or its digits as text. */
export function integer(fallback: number, min: number, max: number): OptionField<number> {
  return (v, key, problems) => {
    if (v === undefined) return fallback
    const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v
    if (typeof n === "number" && Number.isInteger(n) && n >= min && n <= max) return n
    problems.push(`${key} must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`)
    return fallback
  }
}

/** Text that matches `check` (a number is read as its digits), or nothing when unset or empty. */
export function optionalText(check: RegExp, what: string): OptionField<string | undefined> {
  return (v, key, problems) => {
    if (v === undefined || v === null || v === "") return undefined
    const text = typeof v === "number" ? String(v) : v
    if (typeof text === "string" && check.test(text.trim())) return text.trim()
    problems.push(`${key} must be ${what}, got ${JSON.stringify(v)}`)
    return undefined
  }
}

/** An increasing list of whole hours, or its text ("24,72"). A blank text is a typo, not "none": [] says that on purpose. */
export function increasingHours(fallback: number[]): OptionField<number[]> {
  return (v, key, problems) => {
    if (v === undefined) return fallback
    const list = typeof v === "string" ? v.split(",").map((x) => x.trim()).filter(Boolean).map((x) => (/^\d+$/.test(x) ? Number(x) : NaN)) : v
    if (typeof v === "string" && Array.isArray(list) && list.length === 0) {
      problems.push(`${key} must be a list of whole hours, e.g. [24, 72], got ${JSON.stringify(v)} (leave it unset for the default, or [] for no retries)`)
      return fallback
    }
    if (!Array.isArray(list) || list.some((n) => typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 24 * 365)) {
      problems.push(`${key} must be a list of whole hours, e.g. [24, 72], got ${JSON.stringify(v)}`)
      return fallback
    }
    if (list.some((n, i) => i > 0 && n <= list[i - 1])) {
      problems.push(`${key} must increase, e.g. [24, 72], got ${JSON.stringify(v)}`)
      return fallback
    }
    return list as number[]
  }
}

/** The gateway's API root without trailing slashes: https, or http for a loopback host (`gatewayUrlProblem`). Blank is the default. */
export function gatewayUrl(): OptionField<string> {
  return (v, key, problems) => {
    const url = (typeof v === "string" && v.trim() ? v.trim() : DEFAULT_BASE_URL).replace(/\/+$/, "")
    if (v === undefined) return url
    const problem = typeof v !== "string" || !/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+/i.test(url) ? "must be a URL" : gatewayUrlProblem(url)
    if (problem) problems.push(`${key} ${problem}, such as ${DEFAULT_BASE_URL}; got ${JSON.stringify(typeof v === "string" ? printableUrl(url) : v)}`)
    return url
  }
}
