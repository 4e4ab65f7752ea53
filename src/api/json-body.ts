import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"

/** Bodies are small JSON objects; anything bigger is a mistake or an attack. */
const LIMIT_BYTES = 100 * 1024

/**
 * Reads the plugin's routes' JSON bodies. Medusa's own parser (turned off for
 * these routes in middlewares.ts) throws on malformed JSON, and Medusa's
 * error handler answers that with a 500; here it is a 400 naming the body,
 * in Medusa's error shape, before any of the plugin's code runs.
 */
export function jsonBody() {
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void => {
    const alreadyRead = (req as unknown as { _body?: boolean })._body || req.readableEnded
    if (req.method === "GET" || req.method === "HEAD" || alreadyRead) return next()
    const refuse = (status: number, message: string) => {
      if (!res.headersSent) res.status(status).json({ type: "invalid_data", code: "invalid_data", message })
    }
    const chunks: Buffer[] = []
    let size = 0
    let refused = false
    req.on("data", (chunk: Buffer) => {
      if (refused) return
      size += chunk.length
      if (size > LIMIT_BYTES) {
        refused = true
        refuse(413, `body: is larger than ${LIMIT_BYTES / 1024} KB`)
        return
      }
      chunks.push(chunk)
    })
    req.on("error", (e) => next(e))
    req.on("end", () => {
      if (refused) return
      const raw = Buffer.concat(chunks).toString("utf8")
      if (raw.trim() === "") {
        req.body = {}
        ;(req as unknown as { _body?: boolean })._body = true
        return next()
      }
      if (!/json/i.test(String(req.headers["content-type"] ?? ""))) return refuse(400, "body: send JSON, with Content-Type: application/json")
      try {
        req.body = JSON.parse(raw)
      } catch {
        return refuse(400, "body: is not valid JSON")
      }
      // Medusa's own JSON parser, which runs later on its core routes, then leaves the body alone.
      ;(req as unknown as { _body?: boolean })._body = true
      next()
    })
  }
}
