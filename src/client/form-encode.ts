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
  const out = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      value.forEach((item, i) => appendScalar(out, `${key}[]`, item, `${key}[${i}]`))
    } else {
      appendScalar(out, key, value as FormValue, key)
    }
  }
  return out.toString()
}

function appendScalar(out: URLSearchParams, key: string, value: FormValue, label: string): void {
  if (value === undefined || value === null) return
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      throw new FormEncodeError(label, `must be an integer (amounts are in cents), got ${value}`)
    }
    out.append(key, String(value))
    return
  }
  out.append(key, typeof value === "boolean" ? String(value) : value)
}
