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
  let body = ""
  for (const key in params) {
    if (!Object.prototype.hasOwnProperty.call(params, key)) continue
    const value = params[key]
    if (Array.isArray(value)) {
      const name = encodedName(`${key}[]`)
      for (let i = 0; i < value.length; i++) body = appendScalar(body, name, value[i], `${key}[${i}]`)
    } else {
      body = appendScalar(body, encodedName(key), value as FormValue, key)
    }
  }
  return body
}

function appendScalar(body: string, name: string, value: FormValue, label: string): string {
  if (value === undefined || value === null) return body
  let text: string
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      throw new FormEncodeError(label, `must be an integer (amounts are in cents), got ${value}`)
    }
    text = String(value)
  } else {
    text = encodeComponent(typeof value === "boolean" ? (value ? "true" : "false") : value)
  }
  return body === "" ? `${name}=${text}` : `${body}&${name}=${text}`
}

/**
 * Parameter names are the API's own few dozen: encoded once each. Bounded,
 * since a caller could pass names of its own.
 */
const NAMES = new Map<string, string>()
const MAX_NAMES = 512

function encodedName(name: string): string {
  let encoded = NAMES.get(name)
  if (encoded === undefined) {
    encoded = encodeComponent(name)
    if (NAMES.size < MAX_NAMES) NAMES.set(name, encoded)
  }
  return encoded
}

/** 1 for the ASCII characters the urlencoded serializer writes as they are: `A-Za-z0-9*-._`. */
const PLAIN = new Uint8Array(128)
/** How it writes every other ASCII character: `+` for a space, else `%XX`. */
const ESCAPED: string[] = []
for (let code = 0; code < 128; code++) {
  const plain = /[A-Za-z0-9*\-._]/.test(String.fromCharCode(code))
  PLAIN[code] = plain ? 1 : 0
  ESCAPED.push(plain ? String.fromCharCode(code) : code === 0x20 ? "+" : `%${code.toString(16).toUpperCase().padStart(2, "0")}`)
}

/** What encodeURIComponent leaves alone but the urlencoded serializer escapes. */
const EXTRA = /[!'()~]/g

/**
 * Exactly what URLSearchParams writes (the WHATWG urlencoded serializer:
 * space as `+`, all but `A-Za-z0-9*-._` percent-encoded as UTF-8), without
 * building a URLSearchParams per request. ASCII text (names, addresses,
 * card fields: nearly every value) goes through the tables one character at
 * a time, about three times faster than encodeURIComponent and its fix-ups;
 * anything else through encodeURIComponent.
 */
export function encodeComponent(text: string): string {
  let out = ""
  let plainFrom = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 128) return encodeUnicode(text)
    if (PLAIN[code] === 1) continue
    out += text.slice(plainFrom, i) + ESCAPED[code]
    plainFrom = i + 1
  }
  return plainFrom === 0 ? text : out + text.slice(plainFrom)
}

function encodeUnicode(text: string): string {
  let encoded: string
  try {
    encoded = encodeURIComponent(text)
  } catch {
    // A lone surrogate: URLSearchParams writes it as U+FFFD.
    return new URLSearchParams([["", text]]).toString().slice(1)
  }
  return encoded.replace(/%20/g, "+").replace(EXTRA, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
