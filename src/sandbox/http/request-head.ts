import type { IncomingMessage } from "node:http"

/** The headers the API pipeline reads, read once per request. */
export interface RequestHead {
  apiKey: string | undefined
  apiSecret: string | undefined
  idempotencyKey: string | undefined
  contentType: string | undefined
}

/**
 * The four headers, straight from `req.rawHeaders`. Touching `req.headers`
 * makes node build the whole headers object, name by name (lower-casing
 * each, matching it against its list of known headers): a few percent of the
 * sandbox's CPU per request, for four values. The values are what
 * `req.headers` would hold: a repeated custom header is its values joined
 * with ", " (a key pair sent twice is then no key pair: 401), and a repeated
 * Content-Type keeps its first value, as node does.
 */
export function readHead(req: IncomingMessage): RequestHead {
  const raw = req.rawHeaders
  let apiKey: string | undefined
  let apiSecret: string | undefined
  let idempotencyKey: string | undefined
  let contentType: string | undefined
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]
    const value = raw[i + 1]
    switch (name.length) {
      case 9:
        if (isName(name, "x-api-key")) apiKey = joined(apiKey, value)
        break
      case 12:
        if (isName(name, "x-api-secret")) apiSecret = joined(apiSecret, value)
        else if (contentType === undefined && isName(name, "content-type")) contentType = value
        break
      case 15:
        if (isName(name, "idempotency-key")) idempotencyKey = joined(idempotencyKey, value)
        break
    }
  }
  return { apiKey, apiSecret, idempotencyKey, contentType }
}

function joined(previous: string | undefined, value: string): string {
  return previous === undefined ? value : `${previous}, ${value}`
}

/** `name` is `lower` in any case. Header names are ASCII tokens (node refuses others), so only A–Z need folding. */
function isName(name: string, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    const c = name.charCodeAt(i)
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== lower.charCodeAt(i)) return false
  }
  return true
}
