import type { IncomingMessage, ServerResponse } from "node:http"

/** Bodies above this are refused: no real gateway request comes close. */
export const MAX_BODY_BYTES = 1024 * 1024

/** The whole body as text, or null when it is larger than MAX_BODY_BYTES. */
export function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    req.on("error", reject)
    onBody(req, resolve)
  })
}

/**
 * Calls `done` with the whole body as text (null when it is larger than
 * MAX_BODY_BYTES), from the request's "end" event. The API path uses this
 * rather than {@link readBody}: a promise and an async continuation per
 * request were a measurable part of what the sandbox allocates. A request
 * that errors (the client went away) never calls `done`: there is no one to
 * answer.
 */
export function onBody(req: IncomingMessage, done: (raw: string | null) => void): void {
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
    if (size > MAX_BODY_BYTES) return done(null)
    if (more) return done(Buffer.concat(more).toString("utf8"))
    done(first === null ? "" : (first as Buffer).toString("utf8"))
  })
}

const JSON_TYPE = "application/json; charset=utf-8"

/** Sends a complete answer (see {@link writeComplete}). */
export function sendText(res: ServerResponse, status: number, body: string, headers: Record<string, string>, contentType = JSON_TYPE): void {
  writeComplete(res, status, body, contentType, null, headers)
}

/** A gateway answer: its X-Request-Id, then `headers` (null for none). */
export function sendAnswer(res: ServerResponse, status: number, body: string, requestId: string, headers: Record<string, string> | null, contentType = JSON_TYPE): void {
  writeComplete(res, status, body, contentType, requestId, headers)
}

/**
 * Writes the whole answer; a no-op when the client is already gone. Headers
 * go to writeHead as one flat list, which node takes without building and
 * checking a headers object per answer.
 */
function writeComplete(res: ServerResponse, status: number, body: string, contentType: string, requestId: string | null, headers: Record<string, string> | null): void {
  if (res.destroyed || res.writableEnded) return
  const list: Array<string | number> = ["Content-Type", contentType, "Content-Length", Buffer.byteLength(body)]
  if (requestId !== null) list.push("X-Request-Id", requestId)
  if (headers !== null) for (const name in headers) list.push(name, headers[name])
  res.writeHead(status, list as unknown as string[])
  res.end(body)
}

/** What any request that threw answers: a sandbox bug, still in the gateway's shape. */
export function sendInternalError(res: ServerResponse, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  sendJson(res, 500, [{ status: false, message: `sandbox internal error: ${message}`, code: "api_error" }])
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(res, status, JSON.stringify(body), headers)
}
