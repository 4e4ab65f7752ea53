import type { IncomingMessage, ServerResponse } from "node:http"

/** Bodies above this are refused: no real gateway request comes close. */
export const MAX_BODY_BYTES = 1024 * 1024

/** The whole body as text, or null when it is larger than MAX_BODY_BYTES. */
export function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    // Most bodies arrive in one chunk: concatenate only when they do not.
    let first: Buffer | null = null
    let more: Buffer[] | null = null
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) return
      if (first === null) first = chunk
      else (more ??= [first]).push(chunk)
    })
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) return resolve(null)
      if (more) return resolve(Buffer.concat(more).toString("utf8"))
      resolve(first === null ? "" : (first as Buffer).toString("utf8"))
    })
    req.on("error", reject)
  })
}

const JSON_TYPE = "application/json; charset=utf-8"

/**
 * Sends a complete answer; a no-op when the client is already gone. Headers
 * go to writeHead as one flat list, which node takes without building and
 * checking a headers object per answer.
 */
export function sendText(res: ServerResponse, status: number, body: string, headers: Record<string, string>, contentType = JSON_TYPE): void {
  if (res.destroyed || res.writableEnded) return
  const list: Array<string | number> = ["Content-Type", contentType, "Content-Length", Buffer.byteLength(body)]
  for (const name in headers) list.push(name, headers[name])
  res.writeHead(status, list as unknown as string[])
  res.end(body)
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(res, status, JSON.stringify(body), headers)
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()]
  return Array.isArray(value) ? value[value.length - 1] : value
}
