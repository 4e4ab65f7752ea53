import { InputError } from "./input-error"

/**
 * The one kit of field readers for what a route receives: bodies, queries
 * and path parameters. Each reader throws an {@link InputError} naming the
 * field at fault (the routes answer it as a 400) and never quotes a card
 * number or a CVC.
 */

/** A JSON object whose keys are all `known`: a typo such as `ammount` is refused, not silently ignored. */
export function knownFields(value: unknown, known: string[]): Record<string, unknown> {
  const o = bodyObject(value)
  const unknownKey = Object.keys(o).find((k) => !known.includes(k))
  if (unknownKey !== undefined) {
    throw new InputError(unknownKey, known.length ? `is not a field of this request (known: ${known.join(", ")})` : "is not a field of this request, which takes none")
  }
  return o
}

/** A JSON body must be an object (possibly empty). */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {}
  if (typeof body !== "object" || Array.isArray(body)) throw new InputError("body", "must be a JSON object")
  return body as Record<string, unknown>
}

/** A required, non-empty string of at most `max` characters, trimmed. */
export function text(value: unknown, field: string, max: number): string {
  if (typeof value !== "string" || !value.trim()) throw new InputError(field, "is required, as a non-empty string")
  if (value.trim().length > max) throw new InputError(field, `must be at most ${max} characters`)
  return value.trim()
}

/** An optional boolean, false when left out. */
export function bool(value: unknown, field: string): boolean {
  if (value === undefined || value === null) return false
  if (typeof value !== "boolean") throw new InputError(field, "must be true or false")
  return value
}

/** A whole number from `min` to `max` (a query's string or a body's number); `fallback` when left out. */
export function wholeNumber(value: unknown, field: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === "") return fallback
  const n = typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : typeof value === "number" ? value : NaN
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new InputError(field, `must be a whole number from ${min} to ${max}`)
  return n
}

/** `offset` and `limit` from a query string. */
export function pagination(query: Record<string, unknown>, defaultLimit = 20): { offset: number; limit: number } {
  return {
    offset: wholeNumber(query.offset, "offset", 0, 0, Number.MAX_SAFE_INTEGER),
    limit: wholeNumber(query.limit, "limit", defaultLimit, 1, 100),
  }
}

/** An optional value that must be one of `allowed`. */
export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === "") return undefined
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) throw new InputError(field, `must be one of ${allowed.join(", ")}`)
  return value as T
}

/** An optional id-like query value. */
export function optionalId(value: unknown, field: string): string | undefined {
  if (value === undefined || value === "") return undefined
  if (typeof value !== "string" || !/^[\w-]{1,100}$/.test(value)) throw new InputError(field, "must be an id")
  return value
}

/** A path parameter, as one string. */
export function pathParam(params: Record<string, string | string[]>, name: string): string {
  const value = params[name]
  return Array.isArray(value) ? value.join("/") : value
}
