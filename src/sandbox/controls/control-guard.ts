import type { IncomingMessage } from "node:http"
import { SandboxError } from "../sandbox-error"

/**
 * The /_sandbox/ controls have no auth (the sandbox is a local test tool),
 * so what keeps a web page from driving them is the browser's own rules: a
 * page may send a cross-origin POST without asking first only as a form or
 * `text/plain`, and it always says where it comes from in `Origin`. Requiring
 * `application/json` and refusing a foreign Origin closes both doors: a page
 * can no longer advance the clock, lift the allowlist or reset the data.
 */
export function checkControlRequest(req: IncomingMessage, ownPort: number): void {
  const origin = req.headers.origin
  if (origin !== undefined && !isOwnOrigin(origin, ownPort)) {
    throw new SandboxError(403, "origin_not_allowed", `Origin ${origin}: the sandbox's controls refuse requests from web pages; call them from a test or curl`)
  }
  if (req.method === "POST" && !isJson(req.headers["content-type"])) {
    const sent = req.headers["content-type"] ? `'${req.headers["content-type"]}'` : "none"
    throw new SandboxError(415, "unsupported_media_type", `Content-Type: control POSTs must send application/json (got ${sent}); with curl add -H 'content-type: application/json'`)
  }
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? "").split(";")[0].trim().toLowerCase() === "application/json"
}

/** The sandbox's own origin: http, a loopback host, this port. */
function isOwnOrigin(origin: string, ownPort: number): boolean {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false // "null" (sandboxed frames, file: pages) and anything unparsable
  }
  return url.protocol === "http:" && url.port === String(ownPort) && isLoopbackHost(url.hostname)
}

/** 127.0.0.0/8, ::1 and localhost; anything else may be reachable from other machines. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase()
  if (bare === "localhost" || bare === "::1") return true
  const v4 = bare.startsWith("::ffff:") ? bare.slice("::ffff:".length) : bare
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)
}
