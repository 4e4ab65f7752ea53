import { DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from "../core/client"

/**
 * The plugin's options, as written in `medusa-config.js`:
 *
 * ```js
 * { resolve: "medusa-payment-instantmerchant", options: { api_key: process.env.IM_API_KEY, api_secret: process.env.IM_API_SECRET } }
 * ```
 */
export interface InstantMerchantPluginOptions {
  /** Required. Your InstantMerchant API key. */
  api_key: string
  /** Required. Your InstantMerchant API secret. Never logged. */
  api_secret: string
  /**
   * The gateway's API root, or a sandbox's (`http://127.0.0.1:4010/api/v2`).
   * @default "https://api.instantmerchant.io/api/v2"
   */
  base_url?: string
  /**
   * Capture when the order is placed (`auth_and_capture`). When false, the
   * order is only authorized, and an admin captures it within 7 days.
   * @default false
   */
  capture?: boolean
  /**
   * Ask the gateway to email the customer a receipt for each charge (`send_email=1`).
   * @default false
   */
  send_email?: boolean
  /**
   * How long to wait for the gateway, in milliseconds.
   * @default 30000
   */
  timeout_ms?: number
  /**
   * Retries of requests that cannot move money twice.
   * @default 2
   */
  max_retries?: number
}

export type ResolvedPluginOptions = Required<InstantMerchantPluginOptions>

const KNOWN = new Set(["api_key", "api_secret", "base_url", "capture", "send_email", "timeout_ms", "max_retries"])

/**
 * Checks the options when Medusa starts, so that a typo stops start-up with a
 * message naming the option instead of failing a shopper's checkout later.
 * Never quotes the secret.
 */
export function resolvePluginOptions(raw: unknown): ResolvedPluginOptions {
  const o = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>
  const problems: string[] = []
  const str = (key: string): string | undefined => {
    const v = o[key]
    if (typeof v !== "string" || v.trim() === "") {
      problems.push(`${key} is required (a non-empty string)${v === undefined ? "" : `, got ${key === "api_secret" ? typeof v : JSON.stringify(v)}`}`)
      return undefined
    }
    return v.trim()
  }
  const bool = (key: string, fallback: boolean): boolean => {
    const v = o[key]
    if (v === undefined) return fallback
    if (typeof v === "boolean") return v
    if (v === "true") return true
    if (v === "false") return false
    problems.push(`${key} must be true or false, got ${JSON.stringify(v)}`)
    return fallback
  }
  const int = (key: string, fallback: number, min: number, max: number): number => {
    const v = o[key]
    if (v === undefined) return fallback
    const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v
    if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) {
      problems.push(`${key} must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`)
      return fallback
    }
    return n
  }

  const api_key = str("api_key")
  const api_secret = str("api_secret")
  const base_url = (typeof o.base_url === "string" && o.base_url.trim() ? o.base_url.trim() : DEFAULT_BASE_URL).replace(/\/+$/, "")
  if (o.base_url !== undefined && (typeof o.base_url !== "string" || !/^https?:\/\/[^/\s]+/.test(base_url))) {
    problems.push(`base_url must be an http(s) URL such as ${DEFAULT_BASE_URL}, got ${JSON.stringify(o.base_url)}`)
  }
  const options = {
    api_key: api_key ?? "",
    api_secret: api_secret ?? "",
    base_url,
    capture: bool("capture", false),
    send_email: bool("send_email", false),
    timeout_ms: int("timeout_ms", DEFAULT_TIMEOUT_MS, 1, 600_000),
    max_retries: int("max_retries", DEFAULT_MAX_RETRIES, 0, 10),
  }
  for (const key of Object.keys(o)) {
    // Medusa passes its own bookkeeping keys through plugin options.
    if (!KNOWN.has(key) && !key.startsWith("_") && key !== "enableUI") {
      problems.push(`${key} is not an option of this plugin (known: ${[...KNOWN].join(", ")})`)
    }
  }
  if (problems.length) {
    throw new Error(`medusa-payment-instantmerchant: invalid plugin options in medusa-config.js: ${problems.join("; ")}`)
  }
  return options
}
