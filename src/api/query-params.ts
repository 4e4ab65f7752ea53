import { MedusaError } from "@medusajs/utils"

/** `offset` and `limit` from a query string, checked: a bad value is a 400 naming it. */
export function pagination(query: Record<string, unknown>, defaultLimit = 20): { offset: number; limit: number } {
  return {
    offset: integer(query.offset, "offset", 0, 0, Number.MAX_SAFE_INTEGER),
    limit: integer(query.limit, "limit", defaultLimit, 1, 100),
  }
}

function integer(value: unknown, field: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === "") return fallback
  if (typeof value !== "string" || !/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: must be an integer from ${min} to ${max}`)
  }
  return Number(value)
}

/** An optional query value that must be one of `allowed`. */
export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === "") return undefined
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: must be one of ${allowed.join(", ")}`)
  }
  return value as T
}

/** An optional id-like query value. */
export function optionalId(value: unknown, field: string): string | undefined {
  if (value === undefined || value === "") return undefined
  if (typeof value !== "string" || !/^[\w-]{1,100}$/.test(value)) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: must be an id`)
  return value
}

/** A JSON body must be an object (possibly empty). */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {}
  if (typeof body !== "object" || Array.isArray(body)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "body: must be a JSON object")
  return body as Record<string, unknown>
}

/** A path parameter, as one string. */
export function pathParam(params: Record<string, string | string[]>, name: string): string {
  const value = params[name]
  return Array.isArray(value) ? value.join("/") : value
}
