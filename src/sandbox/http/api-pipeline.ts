import type { IncomingMessage, ServerResponse } from "node:http"
import type { Clock } from "../clock"
import type { DataStore } from "../store/data-store"
import { API_ROUTES } from "../endpoints/routes"
import type { Endpoint } from "../endpoints/endpoint"
import { normalizeIp, type Environments } from "../environments"
import { faultResponse } from "../faults/fault-responses"
import type { Fault, Faults } from "../faults/faults"
import { Fields } from "./fields"
import { onBody, sendAnswer, sendInternalError } from "./http-io"
import { requestFingerprint } from "./idempotency"
import { parseBody, type Params } from "./parse-body"
import { readHead, type RequestHead } from "./request-head"
import { successJson } from "./success-json"
import type { RequestLog, RequestLogEntry } from "./request-log"
import { SandboxError } from "../sandbox-error"
import { newId, type EnvironmentName } from "../store/state"

export interface ApiPipelineParts {
  store: DataStore
  clock: Clock
  faults: Faults
  log: RequestLog
  environments: Environments
  /** Aborted when the sandbox closes, so delayed answers stop waiting. */
  closing: AbortSignal
}

/** A complete gateway answer, before it is written; the body is serialized once, and replayed as is. */
interface Answer {
  status: number
  bodyJson: string
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

  /**
   * Synchronous from the body's last chunk to the answer: no promise, no
   * async continuation per request (they were a measurable part of what the
   * sandbox allocates). Only an injected fault (`delay`) waits.
   */
  handle(req: IncomingMessage, res: ServerResponse, path: string): void {
    const head = readHead(req)
    const entry = this.logEntry(req, path, head)
    onBody(req, (raw) => {
      try {
        this.answer(req, res, path, head, entry, raw)
      } catch (error) {
        // Called from the request's "end" event: an exception here would end the process.
        sendInternalError(res, error)
      }
    })
  }

  private answer(req: IncomingMessage, res: ServerResponse, path: string, head: RequestHead, entry: RequestLogEntry, raw: string | null): void {
    const endpoint = Object.prototype.hasOwnProperty.call(API_ROUTES, path) ? API_ROUTES[path] : undefined
    const routeProblem = this.routeProblem(req, path, endpoint, raw)
    if (routeProblem || !endpoint) return this.send(res, entry, errorAnswer(routeProblem ?? notFound(path), entry.env))
    const fault = this.parts.faults.take(path)
    const keyEnv = entry.env
    if (!fault) return this.send(res, entry, this.process(req, head, keyEnv, path, endpoint, raw ?? ""))
    this.handleWithFault(req, res, entry, fault, () => this.process(req, head, keyEnv, path, endpoint, raw ?? "")).catch((error: unknown) => sendInternalError(res, error))
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
    sendAnswer(res, response.status, response.body, entry.id, response.headers, response.contentType)
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

  private process(req: IncomingMessage, head: RequestHead, entryEnv: EnvironmentName | null, path: string, endpoint: Endpoint, raw: string): Answer {
    const { environments, store, clock } = this.parts
    // Both halves must match: the key names the environment (the log's label), its secret must be that pair's.
    const keyEnv = entryEnv
    const envName = keyEnv !== null && environments.secretMatches(keyEnv, head.apiSecret) ? keyEnv : null
    if (!envName) {
      return errorAnswer(new SandboxError(401, "authentication_failed", "X-Api-Key / X-Api-Secret: missing or not a valid key pair"), keyEnv)
    }
    const ip = normalizeIp(req.socket.remoteAddress ?? "")
    if (!environments.isAllowed(envName, ip)) {
      return errorAnswer(new SandboxError(403, "ip_not_allowed", `IP ${ip} is not on this key pair's allowlist`), envName)
    }
    let params: Params
    try {
      params = parseBody(raw, head.contentType)
    } catch (error) {
      return errorAnswer(asSandboxError(error), envName)
    }
    const key = head.idempotencyKey
    if (key === undefined || key === "") return this.runAndSave(envName, endpoint, params)
    const fingerprint = requestFingerprint(path, params)
    const now = clock.now()
    const answers = store.environment(envName).idempotency
    const verdict = answers.check(key, fingerprint, now)
    if (verdict.kind === "replay") {
      const stored = verdict.answer
      return { status: stored.status, bodyJson: stored.bodyJson, headers: REPLAYED, code: stored.code, env: envName, replayed: true }
    }
    if (verdict.kind === "reuse") {
      return errorAnswer(new SandboxError(400, "idempotency_key_reuse", `Idempotency-Key '${key}' was already used with different parameters`), envName)
    }
    const answer = this.runEndpoint(envName, endpoint, params)
    answers.remember(key, { fingerprint, status: answer.status, bodyJson: answer.bodyJson, code: answer.code, created_at: now })
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
      const bodyJson = successJson(result)
      return { status: 200, bodyJson, headers: NO_HEADERS, code: null, env: envName, replayed: false }
    } catch (error) {
      return errorAnswer(asSandboxError(error), envName)
    }
  }

  private send(res: ServerResponse, entry: RequestLogEntry, answer: Answer): void {
    entry.status = answer.status
    entry.code = answer.code
    entry.env = answer.env ?? entry.env
    entry.replayed = answer.replayed
    this.parts.log.record(entry)
    sendAnswer(res, answer.status, answer.bodyJson, entry.id, answer.headers === NO_HEADERS ? null : answer.headers)
  }

  private logEntry(req: IncomingMessage, path: string, head: RequestHead): RequestLogEntry {
    return {
      id: newId("req"),
      method: req.method ?? "",
      path,
      status: null,
      code: null,
      idempotency_key: head.idempotencyKey ?? null,
      replayed: false,
      env: this.parts.environments.environmentOfKey(head.apiKey),
      at: this.parts.clock.now(),
      fault: null,
    }
  }
}

const NO_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>
const REPLAYED: Record<string, string> = Object.freeze({ "Idempotent-Replayed": "true" })

function notFound(path: string): SandboxError {
  return new SandboxError(404, "resource_missing", `${path}: no such endpoint`)
}

function errorAnswer(error: SandboxError, env: EnvironmentName | null): Answer {
  return { status: error.status, bodyJson: JSON.stringify([error.toBody()]), headers: error.headers, code: error.code, env, replayed: false }
}

/** Anything that is not a SandboxError is a sandbox bug; it still answers in the gateway's shape. */
function asSandboxError(error: unknown): SandboxError {
  if (error instanceof SandboxError) return error
  const message = error instanceof Error ? error.message : String(error)
  return new SandboxError(500, "api_error", `sandbox internal error: ${message}`)
}
