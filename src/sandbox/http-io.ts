import type { IncomingMessage, ServerResponse } from "node:http"

/** Bodies above this are refused: no real gateway request comes close. */
export const MAX_BODY_BYTES = 1024 * 1024

/** The whole body as text, or null when it is larger than MAX_BODY_BYTES. */
export function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) tooLarge = true
      else chunks.push(chunk)
    })
    req.on("end", () => resolve(tooLarge ? null : Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

/** Sends a complete answer; a no-op when the client is already gone. */
export function sendText(res: ServerResponse, status: number, body: string, headers: Record<string, string>, contentType = "application/json; charset=utf-8"): void {
  if (res.destroyed || res.writableEnded) return
  res.writeHead(status, { ...headers, "Content-Type": contentType, "Content-Length": Buffer.byteLength(body) })
  res.end(body)
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(res, status, JSON.stringify(body), headers)
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()]
  return Array.isArray(value) ? value[value.length - 1] : value
}
