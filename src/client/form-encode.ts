/**
 * Encodes parameters as the reference's `curl -d` sends them:
 * `application/x-www-form-urlencoded`, with arrays in PHP style
 * (`items[]=apple&items[]=orange`). Undefined and null are left out.
 *
 * Numbers must be integers: every number in the API is an integer (amounts in
 * cents, ids, months), and encoding 10.5 would hand the rounding to the gateway.
 */
export type FormValue = string | number | boolean | undefined | null
export type FormParams = Record<string, FormValue | readonly FormValue[]>

export class FormEncodeError extends Error {
  constructor(readonly param: string, reason: string) {
    super(`${param}: ${reason}`)
    this.name = "FormEncodeError"
  }
}

export function formEncode(params: FormParams): string {
  const parts: string[] = []
  for (const key in params) {
    if (!Object.prototype.hasOwnProperty.call(params, key)) continue
    const value = params[key]
    if (Array.isArray(value)) {
      const name = encodeComponent(`${key}[]`)
      value.forEach((item, i) => appendScalar(parts, name, item, `${key}[${i}]`))
    } else {
      appendScalar(parts, encodeComponent(key), value as FormValue, key)
    }
  }
  return parts.join("&")
}

function appendScalar(parts: string[], name: string, value: FormValue, label: string): void {
  if (value === undefined || value === null) return
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      throw new FormEncodeError(label, `must be an integer (amounts are in cents), got ${value}`)
    }
    parts.push(`${name}=${value}`)
    return
  }
  parts.push(`${name}=${encodeComponent(typeof value === "boolean" ? String(value) : value)}`)
}

/** Characters the urlencoded serializer leaves as they are. */
const PLAIN = /^[A-Za-z0-9*\-._]*$/
/** What encodeURIComponent leaves alone but the urlencoded serializer escapes. */
const EXTRA = /[!'()~]/g

/**
 * Exactly what URLSearchParams writes (the WHATWG urlencoded serializer:
 * space as `+`, all but `A-Za-z0-9*-._` percent-encoded as UTF-8), without
 * building a URLSearchParams per request.
 */
export function encodeComponent(text: string): string {
  if (PLAIN.test(text)) return text
  let encoded: string
  try {
    encoded = encodeURIComponent(text)
  } catch {
    // A lone surrogate: URLSearchParams writes it as U+FFFD.
    return new URLSearchParams([["", text]]).toString().slice(1)
  }
  return encoded.replace(/%20/g, "+").replace(EXTRA, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
