import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"

/** The plugin's path parameters, named by the segment before them. */
const PATH_PARAMS: Record<string, string> = { subscriptions: "id", customers: "id", invoices: "invoice_num" }

/**
 * Refuses a NUL character anywhere in the path, the query or the body, with a
 * 400 naming the field. PostgreSQL text cannot hold one ("invalid byte
 * sequence for encoding UTF8"), so such a value would otherwise reach the
 * database and come back as a 500; no real value ever contains one.
 */
export function refuseNulBytes() {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void => {
    // originalUrl, not path: under a wildcard matcher Medusa mounts this with router.use, which strips the path.
    const field = nulInPath(String(req.originalUrl ?? req.url).split("?")[0]) ?? nulIn(req.query, "") ?? nulIn(req.body, "")
    if (field === undefined) return next()
    const message = field === TOO_DEEP ? `body: is nested deeper than ${MAX_DEPTH} levels` : `${field}: must not contain a NUL character (\\u0000)`
    res.status(400).json({ type: "invalid_data", code: "invalid_data", message })
  }
}

function nulInPath(path: string): string | undefined {
  const segments = path.split("/")
  for (let i = 0; i < segments.length; i++) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segments[i])
    } catch {
      continue
    }
    if (decoded.includes("\u0000")) return PATH_PARAMS[segments[i - 1]] ?? "path"
  }
  return undefined
}

/** No body of the plugin's nests this deep; a deeper one is refused rather than searched without end. */
export const MAX_DEPTH = 20
export const TOO_DEEP = "\u0000too-deep"

/** The first field (`items[0].name`) whose key or string value holds a NUL, or TOO_DEEP. */
export function nulIn(value: unknown, at: string, depth = 0): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? at || "body" : undefined
  if (!value || typeof value !== "object") return undefined
  if (depth > MAX_DEPTH) return TOO_DEEP
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulIn(value[i], `${at}[${i}]`, depth + 1)
      if (found !== undefined) return found
    }
    return undefined
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const name = at ? `${at}.${key}` : key
    if (key.includes("\u0000")) return name.replace(/\u0000/g, "\\u0000")
    const found = nulIn(child, name, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}
