import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MAX_DEPTH, nulIn, TOO_DEEP } from "../rules/input/nul-in"

export { nulIn, TOO_DEEP }

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
