import { InputError } from "./input-error"

/** An ISO 8601 date and time with a zone, as `toISOString()` writes: `2026-12-02T10:00:00.000Z`, or with an offset. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/

/**
 * The instant `value` names, or undefined when it is not an ISO 8601 date
 * and time with a zone. `Date` alone would take "1", "Tuesday 3pm" or
 * "2026-02-30" (as March 2), and a renewal guard compared against such a
 * reading would answer 409 "renewed meanwhile" for what is really bad input.
 */
export function parseIsoDateTime(value: unknown): Date | undefined {
  if (typeof value !== "string") return undefined
  const m = ISO_DATE_TIME.exec(value)
  if (!m) return undefined
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const calendar = new Date(Date.UTC(year, month - 1, day))
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined
  const instant = new Date(value)
  return Number.isNaN(instant.getTime()) ? undefined : instant
}

/** The same, or an {@link InputError} naming `field`. */
export function isoDateTimeField(field: string, value: unknown): Date {
  const instant = parseIsoDateTime(value)
  if (!instant) throw new InputError(field, "must be an ISO 8601 date and time with a zone, such as 2026-12-02T10:00:00.000Z")
  return instant
}
