import type { IncomingMessage, ServerResponse } from "node:http"
import type { Clock } from "./clock"
import type { DataStore } from "./data-store"
import { API_ROUTES } from "./endpoints/routes"
import type { Endpoint } from "./endpoints/endpoint"
import { normalizeIp, type Environments } from "./environments"
import { faultResponse } from "./fault-responses"
import type { Fault, Faults } from "./faults"
import { Fields } from "./fields"
import { header, readBody, sendJson, sendText } from "./http-io"
import { checkIdempotency, rememberAnswer, requestFingerprint } from "./idempotency"
import { parseBody, type Params } from "./parse-body"
import type { RequestLog, RequestLogEntry } from "./request-log"
import { SandboxError } from "./sandbox-error"
import { newId, type EnvironmentName } from "./state"

export interface ApiPipelineParts {
  store: DataStore
  clock: Clock
  faults: Faults
  log: RequestLog
  environments: Environments
  /** Aborted when the sandbox closes, so delayed answers stop waiting. */
  closing: AbortSignal
}

/** A complete gateway answer, before it is written. */
interface Answer {
  status: number
  body: unknown
  headers: Record<string, string>
  code: string | null
  env: EnvironmentName | null
  replayed: boolean
}

/**
 * One API request, in the gateway's order: route (404/405), key pair (401),
 * IP allowlist (403), body, idempotency, then the endpoint. Injected faults
 * wrap the whole of it.
 */
export class ApiPipeline {
  constructor(private readonly parts: ApiPipelineParts) {}

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const requestId = newId("req")
    const entry = this.logEntry(req, path, requestId)
    const raw = await readBody(req)
    const endpoint = API_ROUTES[path]
    const routeProblem = this.routeProblem(req, path, endpoint, raw)
    if (routeProblem || !endpoint) return this.send(res, entry, errorAnswer(routeProblem ?? notFound(path), entry.env))
    const fault = this.parts.faults.take(path)
    if (!fault) return this.send(res, entry, this.process(req, path, endpoint, raw ?? ""))
    return this.handleWithFault(req, res, entry, fault, () => this.process(req, path, endpoint, raw ?? ""))
  }

  private routeProblem(req: IncomingMessage, path: string, endpoint: Endpoint | undefined, raw: string | null): SandboxError | null {
    if (!endpoint) return notFound(path)
    if (req.method !== "POST") {
      return new SandboxError(405, "method_not_allowed", `${req.method} ${path}: only POST is allowed`, undefined, {}, { Allow: "POST" })
    }
    if (raw === null) return new SandboxError(413, "parameter_invalid", "body: is larger than 1 MB")
    return null
  }

  /**
   * With `process: true` the request is processed first (money moves) and
   * the fault replaces the answer; otherwise the fault replaces processing,
   * except `delay`, which waits and then processes, if the client is still
   * there to hear the answer.
   */
  private async handleWithFault(req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry, fault: Fault, process: () => Answer): Promise<void> {
    entry.fault = fault.type
    const processed = fault.process ? process() : null
    if (processed) entry.env = processed.env
    if (fault.type === "delay") {
      await this.wait(fault.delay_ms, res)
      if (res.destroyed) {
        // The client gave up; the log keeps what the sandbox did (if it processed) for tests to check.
        return this.parts.log.record({ ...entry, status: processed?.status ?? null, code: processed?.code ?? null, replayed: processed?.replayed ?? false })
      }
      return this.send(res, entry, processed ?? process())
    }
    this.applyFault(req, res, entry, fault)
  }

  private applyFault(req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry, fault: Fault): void {
    const response = faultResponse(fault)
    this.parts.log.record({ ...entry, status: response?.status ?? null, code: response?.code ?? null })
    if (fault.type === "reset") req.socket.destroy()
    if (!response) return // hang: keep the socket open until the client gives up or the sandbox closes
    sendText(res, response.status, response.body, { ...response.headers, "X-Request-Id": entry.id }, response.contentType)
  }

  private wait(ms: number, res: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.parts.closing.removeEventListener("abort", done)
        res.off("close", done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.parts.closing.addEventListener("abort", done)
      res.on("close", done)
    })
  }

  private process(req: IncomingMessage, path: string, endpoint: Endpoint, raw: string): Answer {
    const { environments, store, clock } = this.parts
    const envName = environments.resolve(header(req, "x-api-key"), header(req, "x-api-secret"))
    if (!envName) {
      const keyEnv = environments.environmentOfKey(header(req, "x-api-key"))
      return errorAnswer(new SandboxError(401, "authentication_failed", "X-Api-Key / X-Api-Secret: missing or not a valid key pair"), keyEnv)
    }
    const ip = normalizeIp(req.socket.remoteAddress ?? "")
    if (!environments.isAllowed(envName, ip)) {
      return errorAnswer(new SandboxError(403, "ip_not_allowed", `IP ${ip} is not on this key pair's allowlist`), envName)
    }
    let params: Params
    try {
      params = parseBody(raw, header(req, "content-type"))
    } catch (error) {
      return errorAnswer(asSandboxError(error), envName)
    }
    const key = header(req, "idempotency-key")
    if (key === undefined || key === "") return this.runAndSave(envName, endpoint, params)
    const fingerprint = requestFingerprint(path, params)
    const now = clock.now()
    const verdict = checkIdempotency(store.environment(envName), key, fingerprint, now)
    if (verdict.kind === "replay") {
      const stored = verdict.answer
      return { status: stored.status, body: stored.body, headers: { "Idempotent-Replayed": "true" }, code: codeOf(stored.body), env: envName, replayed: true }
    }
    if (verdict.kind === "reuse") {
      return errorAnswer(new SandboxError(400, "idempotency_key_reuse", `Idempotency-Key '${key}' was already used with different parameters`), envName)
    }
    const answer = this.runEndpoint(envName, endpoint, params)
    rememberAnswer(store.environment(envName), key, { fingerprint, status: answer.status, body: answer.body, created_at: now })
    store.save()
    return answer
  }

  private runAndSave(envName: EnvironmentName, endpoint: Endpoint, params: Params): Answer {
    const answer = this.runEndpoint(envName, endpoint, params)
    this.parts.store.save()
    return answer
  }

  private runEndpoint(envName: EnvironmentName, endpoint: Endpoint, params: Params): Answer {
    const now = this.parts.clock.now()
    try {
      const result = this.parts.store.transaction(envName, (env) => endpoint({ env, fields: new Fields(params), now }))
      const body = [{ status: true, message: result.message, ...(result.data ?? {}) }]
      return { status: 200, body, headers: {}, code: null, env: envName, replayed: false }
    } catch (error) {
      return errorAnswer(asSandboxError(error), envName)
    }
  }

  private send(res: ServerResponse, entry: RequestLogEntry, answer: Answer): void {
    this.parts.log.record({ ...entry, status: answer.status, code: answer.code, env: answer.env ?? entry.env, replayed: answer.replayed })
    sendJson(res, answer.status, answer.body, { ...answer.headers, "X-Request-Id": entry.id })
  }

  private logEntry(req: IncomingMessage, path: string, requestId: string): RequestLogEntry {
    return {
      id: requestId,
      method: req.method ?? "",
      path,
      status: null,
      code: null,
      idempotency_key: header(req, "idempotency-key") ?? null,
      replayed: false,
      env: this.parts.environments.environmentOfKey(header(req, "x-api-key")),
      at: this.parts.clock.now(),
      fault: null,
    }
  }
}

function notFound(path: string): SandboxError {
  return new SandboxError(404, "resource_missing", `${path}: no such endpoint`)
}

function errorAnswer(error: SandboxError, env: EnvironmentName | null): Answer {
  return { status: error.status, body: [error.toBody()], headers: error.headers, code: error.code, env, replayed: false }
}

/** Anything that is not a SandboxError is a sandbox bug; it still answers in the gateway's shape. */
function asSandboxError(error: unknown): SandboxError {
  if (error instanceof SandboxError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new SandboxError(500, "api_error", `sandbox internal error: ${message}`)
}

function codeOf(body: unknown): string | null {
  const first = Array.isArray(body) ? (body[0] as { code?: unknown } | undefined) : undefined
  return typeof first?.code === "string" ? first.code : null
}
