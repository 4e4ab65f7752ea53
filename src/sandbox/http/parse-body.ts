import { invalidParam, SandboxError } from "../sandbox-error"

/**
 * Request parameters after parsing, whatever the content type: every scalar
 * is a string (as it would be in a form), every list an array of strings.
 * Field helpers then apply one set of rules to both encodings.
 */
export type ParamValue = string | string[]
export type Params = Record<string, ParamValue>

/**
 * Parses `application/json` or `application/x-www-form-urlencoded` (the
 * reference's curl examples send forms). Anything else is read as a form,
 * because that is what `curl -d` sends without a content type.
 */
export function parseBody(raw: string, contentType: string | undefined): Params {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase()
  if (type === "application/json" || type.endsWith("+json")) return parseJson(raw)
  return parseForm(raw)
}

/**
 * PHP-style forms: `items[]=a&items[]=b` (or `items[0]=a`) builds a list
 * under `items`; a repeated scalar such as `amount=1&amount=2` keeps its last
 * value, as PHP does.
 */
export function parseForm(raw: string): Params {
  // One pass with indexOf rather than split + a regex per pair: every API
  // request comes through here (same result as splitting on "&").
  const params: Params = {}
  const length = raw.length
  let start = 0
  while (start <= length) {
    let end = raw.indexOf("&", start)
    if (end === -1) end = length
    if (end > start) {
      const eq = raw.indexOf("=", start)
      const hasValue = eq !== -1 && eq < end
      const name = decodeFormComponent(hasValue ? raw.slice(start, eq) : raw.slice(start, end))
      const value = hasValue ? decodeFormComponent(raw.slice(eq + 1, end)) : ""
      const list = name.endsWith("]") ? /^(.+)\[\d*\]$/.exec(name) : null
      if (list) appendToList(params, list[1], value)
      else params[name] = value
    }
    start = end + 1
  }
  return params
}

function appendToList(params: Params, name: string, value: string): void {
  const current = params[name]
  params[name] = Array.isArray(current) ? [...current, value] : [value]
}

const NEEDS_DECODING = /[%+]/

function decodeFormComponent(text: string): string {
  if (!NEEDS_DECODING.test(text)) return text
  try {
    return decodeURIComponent(text.indexOf("+") === -1 ? text : text.replace(/\+/g, " "))
  } catch {
    throw new SandboxError(400, "parameter_invalid", "body: is not valid form encoding")
  }
}

/** A JSON body that must be an object; empty is `{}`. The API and the test controls both read bodies so. */
export function parseJsonObject(raw: string): Record<string, unknown> {
  if (raw.trim() === "") return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new SandboxError(400, "parameter_invalid", "body: is not valid JSON")
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new SandboxError(400, "parameter_invalid", "body: must be a JSON object")
  }
  return parsed as Record<string, unknown>
}

function parseJson(raw: string): Params {
  const params: Params = {}
  for (const [rawName, value] of Object.entries(parseJsonObject(raw))) {
    // Accept `"items[]": [...]` as well as `"items": [...]`.
    const name = rawName.endsWith("[]") ? rawName.slice(0, -2) : rawName
    const converted = jsonValue(name, value)
    if (converted !== undefined) params[name] = converted
  }
  return params
}

/** JSON scalars become the strings a form would carry; null means absent. */
function jsonValue(name: string, value: unknown): ParamValue | undefined {
  if (value === null) return undefined
  if (Array.isArray(value)) return value.map((item) => jsonScalar(name, item))
  return jsonScalar(name, value)
}

function jsonScalar(name: string, value: unknown): string {
  if (typeof value === "string") return value
  if (typeof value === "boolean") return String(value)
  // A non-integer JSON number keeps its decimal point ("20.5") so integer
  // fields reject it instead of rounding.
  if (typeof value === "number" && Number.isFinite(value)) return String(value)
  throw invalidParam(name, "must be a string, number or boolean")
}

/**
 * A stable text for "the same parameters", used by idempotency: keys sorted,
 * so `a=1&b=2` and `{"b":2,"a":1}` are the same request.
 */
export function canonicalParams(params: Params): string {
  // Exactly JSON.stringify(sorted [name, value] pairs), built without the
  // pairs: stored digests (and older data files) depend on this very text.
  // A pair that needs no escaping (nearly all) is four additions, not the
  // eight of quoting each part apart: fewer strings made per request.
  const names = sortedNames(params)
  let text = "["
  for (let i = 0; i < names.length; i++) {
    const name = names[i]
    const value = params[name]
    if (typeof value === "string" && !NEEDS_ESCAPING.test(name) && !NEEDS_ESCAPING.test(value)) text += (i > 0 ? ',["' : '["') + name + '","' + value + '"]'
    else text += (i > 0 ? ",[" : "[") + JSON.stringify(name) + "," + JSON.stringify(value) + "]"
  }
  return text + "]"
}

/**
 * Object.keys(params).sort(), by insertion: a request has a few dozen fields
 * at most, where the general sort costs more than the comparisons.
 */
function sortedNames(params: Params): string[] {
  const names = Object.keys(params)
  for (let i = 1; i < names.length; i++) {
    const name = names[i]
    let j = i - 1
    while (j >= 0 && names[j] > name) {
      names[j + 1] = names[j]
      j--
    }
    names[j + 1] = name
  }
  return names
}

/** What JSON.stringify escapes in a string: quotes, backslashes, control characters, surrogates (lone ones). */
const NEEDS_ESCAPING = /[\u0000-\u001f"\\\ud800-\udfff]/

