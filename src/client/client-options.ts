import { gatewayUrlProblem, printableUrl } from "./gateway-url"

/** Options of {@link InstantMerchantClient}. */
export interface InstantMerchantClientOptions {
  /** Your API key, sent as `X-Api-Key`. Required. */
  apiKey: string
  /** Your API secret, sent as `X-Api-Secret`. Required. Never logged, never in an error. */
  apiSecret: string
  /**
   * The API root, up to and including `/api/v2`.
   * @default "https://api.instantmerchant.io/api/v2"
   */
  baseUrl?: string
  /**
   * How long to wait for an answer before giving up, in milliseconds. A request
   * that times out may still have been processed (`maybeProcessed`).
   * @default 30000
   */
  timeoutMs?: number
  /**
   * How many times a request is retried when doing so cannot move money twice
   * (see the README's "Retries"). 0 turns retries off.
   * @default 2
   */
  maxRetries?: number
  /**
   * First retry delay; it doubles on each retry, with jitter.
   * @default 300
   */
  retryBaseDelayMs?: number
  /**
   * Longest wait between two attempts, including a 429's `Retry-After`.
   * @default 5000
   */
  retryMaxDelayMs?: number
  /**
   * Receives one line per attempt (endpoint, status, request id, attempt).
   * Never a body, a header or a secret.
   * @default no logging
   */
  logger?: ClientLogger
}

export interface ClientLogger {
  debug(message: string): void
  warn(message: string): void
}

export const DEFAULT_BASE_URL = "https://api.instantmerchant.io/api/v2"
export const DEFAULT_TIMEOUT_MS = 30_000
export const DEFAULT_MAX_RETRIES = 2
export const DEFAULT_RETRY_BASE_DELAY_MS = 300
export const DEFAULT_RETRY_MAX_DELAY_MS = 5_000

export type ResolvedClientOptions = Required<Omit<InstantMerchantClientOptions, "logger">> & {
  logger?: ClientLogger
}

/** Fills in defaults and refuses options that would fail later in a worse place. */
export function resolveClientOptions(options: InstantMerchantClientOptions): ResolvedClientOptions {
  const problems: string[] = []
  if (!options || typeof options.apiKey !== "string" || options.apiKey.trim() === "") problems.push("apiKey: required, a non-empty string")
  if (!options || typeof options.apiSecret !== "string" || options.apiSecret.trim() === "") problems.push("apiSecret: required, a non-empty string")
  const baseUrl = (options?.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "")
  const urlProblem = /^[a-z][a-z0-9+.-]*:\/\/[^/]+/i.test(baseUrl) ? gatewayUrlProblem(baseUrl) : "must be a URL"
  if (urlProblem) problems.push(`baseUrl: ${urlProblem}; got "${printableUrl(baseUrl)}"`)
  const timeoutMs = options?.timeoutMs ?? DEFAULT_TIMEOUT_MS
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) problems.push(`timeoutMs: must be a positive integer, got ${timeoutMs}`)
  const maxRetries = options?.maxRetries ?? DEFAULT_MAX_RETRIES
  if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 10) problems.push(`maxRetries: must be an integer from 0 to 10, got ${maxRetries}`)
  const retryBaseDelayMs = options?.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS
  const retryMaxDelayMs = options?.retryMaxDelayMs ?? DEFAULT_RETRY_MAX_DELAY_MS
  if (!Number.isInteger(retryBaseDelayMs) || retryBaseDelayMs < 0) problems.push(`retryBaseDelayMs: must be a non-negative integer, got ${retryBaseDelayMs}`)
  if (!Number.isInteger(retryMaxDelayMs) || retryMaxDelayMs < 0) problems.push(`retryMaxDelayMs: must be a non-negative integer, got ${retryMaxDelayMs}`)
  if (problems.length) throw new TypeError(`Invalid InstantMerchant client options: ${problems.join("; ")}`)
  return {
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    baseUrl,
    timeoutMs,
    maxRetries,
    retryBaseDelayMs,
    retryMaxDelayMs,
    logger: options.logger,
  }
}
