import type { IncomingMessage, ServerResponse } from "node:http"
import { checkControlRequest } from "./control-guard"
import { readBody, sendJson, sendText } from "../http/http-io"
import { parseJsonObject } from "../http/parse-body"
import { LIST_KINDS, type ListKind, type SandboxControls } from "./controls"
import { SandboxError } from "../sandbox-error"
import type { EnvironmentName } from "../store/state"

/** Test controls live under /_sandbox/, never under the gateway's /api/v2/. */
export const CONTROLS_PREFIX = "/_sandbox"

/** A route's answer that is already JSON text (the export can be tens of MB: serialized once). */
class JsonText {
  constructor(readonly text: string) {}
}

type ControlRoute = (body: Record<string, unknown>, url: URL, match: RegExpMatchArray) => unknown

/**
 * The /_sandbox/ HTTP routes: JSON in and out, no auth (the sandbox is a
 * local test tool), closed to web pages (see control-guard). Every route is
 * a thin call into SandboxControls.
 */
export function createControlRoutes(controls: SandboxControls): Array<[string, RegExp, ControlRoute]> {
  const env = (url: URL, body: Record<string, unknown> = {}) => (url.searchParams.get("env") ?? body.env ?? "test") as EnvironmentName
  return [
    ["GET", /^\/clock$/, () => ({ now: controls.now() })],
    ["POST", /^\/clock\/advance$/, (body) => {
      controls.advanceClock(secondsToAdvance(body))
      return { now: controls.now() }
    }],
    ["POST", /^\/reset$/, () => {
      controls.reset()
      return { reset: true }
    }],
    ["GET", /^\/faults$/, () => ({ data: controls.listFaults() })],
    ["POST", /^\/faults$/, (body) => ({ fault: controls.injectFault(body as never) })],
    ["DELETE", /^\/faults$/, () => {
      controls.clearFaults()
      return { data: [] }
    }],
    ["POST", /^\/cards\/([^/]+)\/decline$/, (body, url, match) => {
      const code = (body.code ?? null) as never
      controls.setCardDecline(decodeURIComponent(match[1]), code, env(url, body))
      return { card_id: decodeURIComponent(match[1]), decline_on_charge: code }
    }],
    ["POST", /^\/allowlist$/, (body, url) => {
      const ips = (body.ips ?? null) as string[] | null
      controls.setAllowlist(env(url, body), ips)
      return { env: env(url, body), ips }
    }],
    ["GET", /^\/export$/, () => new JsonText(controls.exportData())],
    ["GET", new RegExp(`^/(${LIST_KINDS.join("|")})$`), (_body, url, match) => ({ data: controls.list(match[1] as ListKind, env(url)) })],
  ]
}

/** `{ seconds }` or `{ days }`. */
function secondsToAdvance(body: Record<string, unknown>): number {
  if (typeof body.seconds === "number") return body.seconds
  if (typeof body.days === "number") return body.days * 24 * 60 * 60
  throw new SandboxError(400, "parameter_missing", "seconds: send { seconds } or { days } as a number", "seconds")
}

export async function handleControlRequest(routes: ReturnType<typeof createControlRoutes>, req: IncomingMessage, res: ServerResponse, url: URL, ownPort: number): Promise<void> {
  const subPath = url.pathname.slice(CONTROLS_PREFIX.length) || "/"
  const raw = (await readBody(req)) ?? ""
  try {
    checkControlRequest(req, ownPort)
  } catch (error) {
    return sendControlError(res, error)
  }
  const route = routes.find(([method, pattern]) => method === req.method && pattern.test(subPath))
  if (!route) return sendJson(res, 404, { error: { code: "not_found", message: `${req.method} ${url.pathname}: no such control` } })
  try {
    const body = parseJsonObject(raw)
    const result = route[2](body, url, subPath.match(route[1]) as RegExpMatchArray)
    if (result instanceof JsonText) sendText(res, 200, result.text, {})
    else sendJson(res, 200, result)
  } catch (error) {
    sendControlError(res, error)
  }
}

function sendControlError(res: ServerResponse, error: unknown): void {
  const status = error instanceof SandboxError ? error.status : 500
  const code = error instanceof SandboxError ? error.code : "control_error"
  sendJson(res, status, { error: { code, message: error instanceof Error ? error.message : String(error) } })
}

