import { randomUUID } from "node:crypto"
import { ResolvedClientOptions } from "./client-options"
import {
  errorFromNetworkFailure,
  errorFromResponse,
  GatewayFailureBody,
  InstantMerchantError,
  InvalidRequestError,
  NetworkFailure,
} from "./errors"
import { FormEncodeError, formEncode, FormParams } from "./form-encode"
import { headerOf, HttpTransport, TransportResponse } from "./http-transport"
import { redact } from "./redact"
import { RetryMode, retryDelayMs, shouldRetry } from "./retry-policy"

/** Per-call options. */
export interface RequestOptions {
  /**
   * Sent as `Idempotency-Key` on mutating requests, and reused by every retry.
   * Derive it from what makes the operation unique (a payment session, a
   * renewal period) so that re-running the operation after a crash replays
   * the first answer instead of acting twice.
   * @default a random UUID per call
   */
  idempotencyKey?: string
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number
}

/** How an endpoint may be sent: its path below the API root and its retry mode. */
export interface Endpoint {
  path: string
  retry: RetryMode
  /** False only for reads: they carry no idempotency key. */
  mutating: boolean
}

/** What the transport saw, kept off the answer's enumerable fields. */
export interface ResponseMeta {
  statusCode: number
  requestId?: string
  idempotencyKey?: string
  /** True when the gateway replayed the stored answer to an earlier request with the same key. */
  replayed: boolean
  attempts: number
}

export type WithMeta<T> = T & { readonly lastResponse: ResponseMeta }

/** Fields the reference documents as integers but shows as strings in places ("invoice_num": "31"). */
const INTEGER_FIELDS = ["invoice_num", "customer_id", "expiry_date"] as const

/** One call as every attempt sends it: the same body and the same idempotency key. */
interface Call {
  endpoint: Endpoint
  name: string
  body: string
  idempotencyKey: string | undefined
  timeoutMs: number
}

type Attempt =
  | { ok: true; answer: Record<string, unknown>; meta: ResponseMeta }
  | { ok: false; error: InstantMerchantError; statusCode?: number; network?: NetworkFailure; retryAfterSeconds?: number }

const NO_OPTIONS: RequestOptions = Object.freeze({})
const NO_HEADERS: readonly string[] = Object.freeze([])

/** `POST /charge`: how errors and log lines name an endpoint, made once for each of the resources' few paths. */
const NAMES = new Map<string, string>()

function nameOf(endpoint: Endpoint): string {
  let name = NAMES.get(endpoint.path)
  if (name === undefined) {
    name = `POST /${endpoint.path}`
    NAMES.set(endpoint.path, name)
  }
  return name
}

/**
 * Sends one API call: encodes it, signs it with the key pair, adds the
 * idempotency key, retries only where that is safe, and turns every failure
 * into a typed error that holds nothing sensitive.
 */
export class RequestSender {
  private readonly http: HttpTransport

  constructor(private readonly options: ResolvedClientOptions) {
    this.http = new HttpTransport(options.baseUrl, {
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/json",
      "User-Agent": "medusa-payment-instantmerchant",
      "X-Api-Key": options.apiKey,
      "X-Api-Secret": options.apiSecret,
    })
  }

  async post<T>(endpoint: Endpoint, params: object, options: RequestOptions = NO_OPTIONS): Promise<WithMeta<T>> {
    const name = nameOf(endpoint)
    const body = this.encode(name, params as FormParams)
    // A key of our own making is known to be well formed; a caller's is checked.
    const idempotencyKey = !endpoint.mutating ? undefined : options.idempotencyKey == null ? randomUUID() : checkIdempotencyKey(name, options.idempotencyKey)
    const call: Call = { endpoint, name, body, idempotencyKey, timeoutMs: options.timeoutMs ?? this.options.timeoutMs }

    const headers = idempotencyKey ? ["Idempotency-Key", idempotencyKey] : NO_HEADERS

    for (let attempt = 1; ; attempt++) {
      // The answer is read here rather than in an async helper: one promise less per request.
      let response: TransportResponse | undefined
      let failure: unknown
      try {
        response = await this.http.post(endpoint.path, body, headers, call.timeoutMs)
      } catch (e) {
        failure = e
      }
      const outcome = response ? this.answerOf(call, response, attempt) : this.noAnswer(call, failure, attempt)
      if (outcome.ok) return withMeta<T>(outcome.answer, outcome.meta)
      const again =
        attempt <= this.options.maxRetries &&
        shouldRetry({ mode: endpoint.retry, statusCode: outcome.statusCode, network: outcome.network })
      if (!again) throw outcome.error
      const wait = retryDelayMs(
        attempt,
        { baseDelayMs: this.options.retryBaseDelayMs, maxDelayMs: this.options.retryMaxDelayMs },
        outcome.retryAfterSeconds
      )
      this.options.logger?.warn(`InstantMerchant ${name}: ${outcome.error.type}, retrying in ${wait} ms (attempt ${attempt + 1})`)
      await sleep(wait)
    }
  }

  private encode(name: string, params: FormParams): string {
    try {
      return formEncode(params)
    } catch (e) {
      if (e instanceof FormEncodeError) {
        throw new InvalidRequestError({ message: `InstantMerchant ${name}: ${e.message}`, param: e.param, code: "parameter_invalid", endpoint: name })
      }
      throw e
    }
  }

  private noAnswer({ endpoint, name, idempotencyKey, timeoutMs }: Call, e: unknown, attempt: number): Attempt {
    // Only the failure's code and message survive this line, never the
    // request's headers (the secret) or body (the card).
    const network = networkFailureOf(e, this.options.apiSecret)
    this.options.logger?.debug(`InstantMerchant ${name} → no answer (${network.code ?? "error"}, attempt ${attempt})`)
    return {
      ok: false,
      network,
      error: errorFromNetworkFailure(network, { endpoint: name, idempotencyKey, mutating: endpoint.mutating, timeoutMs }),
    }
  }

  private answerOf({ endpoint, name, idempotencyKey }: Call, response: TransportResponse, attempt: number): Attempt {
    const requestId = headerOf(response.rawHeaders, "x-request-id")
    const parsed = parseAnswer(response.body)
    this.options.logger?.debug(
      `InstantMerchant ${name} → ${response.status}${parsed && parsed.status === false && parsed.code ? ` ${String(parsed.code)}` : ""} (${requestId ?? "no request id"}, attempt ${attempt})`
    )
    if (response.status >= 200 && response.status < 300 && parsed?.status === true) {
      const meta: ResponseMeta = {
        statusCode: response.status,
        requestId,
        idempotencyKey,
        replayed: headerOf(response.rawHeaders, "idempotent-replayed") === "true",
        attempts: attempt,
      }
      return { ok: true, answer: normalizeIntegers(parsed), meta }
    }
    const retryAfterSeconds = parseRetryAfter(headerOf(response.rawHeaders, "retry-after"))
    const failureBody = parsed && parsed.status === false ? (parsed as unknown as GatewayFailureBody) : undefined
    return {
      ok: false,
      statusCode: response.status,
      retryAfterSeconds,
      error: errorFromResponse(response.status, failureBody, { endpoint: name, idempotencyKey, requestId, mutating: endpoint.mutating, retryAfterSeconds }),
    }
  }
}

/**
 * The reference answers a JSON array holding one object with a boolean
 * `status`. Anything else is not the reference's shape: undefined.
 */
export function parseAnswer(text: unknown): Record<string, unknown> | undefined {
  if (typeof text !== "string") return undefined
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!Array.isArray(json) || json.length !== 1) return undefined
  const [answer] = json
  if (!answer || typeof answer !== "object" || Array.isArray(answer)) return undefined
  if (typeof (answer as Record<string, unknown>).status !== "boolean") return undefined
  return answer as Record<string, unknown>
}

/** In place: the answer is a fresh object from JSON.parse that nothing else holds. */
function normalizeIntegers(answer: Record<string, unknown>): Record<string, unknown> {
  for (const field of INTEGER_FIELDS) {
    const value = answer[field]
    if (typeof value === "string" && /^\d+$/.test(value)) answer[field] = Number(value)
  }
  return answer
}

function withMeta<T>(answer: Record<string, unknown>, meta: ResponseMeta): WithMeta<T> {
  // Not enumerable: spreading or serializing an answer must not drag transport details along.
  Object.defineProperty(answer, "lastResponse", { value: meta, enumerable: false })
  return answer as WithMeta<T>
}

function networkFailureOf(e: unknown, secret: string): NetworkFailure {
  const err = e as { code?: unknown; message?: unknown; cause?: { code?: unknown } }
  const code = typeof err?.code === "string" ? err.code : typeof err?.cause?.code === "string" ? err.cause.code : undefined
  const message = typeof err?.message === "string" ? err.message : "request failed"
  return { code, message: redact(message, [secret]) }
}

function parseRetryAfter(value: string | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined
  return Number(value.trim())
}

function checkIdempotencyKey(name: string, key: string): string {
  // A header value with a line break would let a caller inject headers.
  if (typeof key !== "string" || !/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new InvalidRequestError({
      message: `InstantMerchant ${name}: idempotencyKey must be 1 to 255 printable ASCII characters without spaces`,
      param: "idempotencyKey",
      code: "parameter_invalid",
      endpoint: name,
    })
  }
  return key
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
