import { DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, InstantMerchantClient } from "../client"
import { gatewayUrlProblem, printableUrl } from "../client/gateway-url"

/**
 * The 2.x provider's options, as written in `medusa-config.ts` under the
 * payment module's `providers`. Named as the v1 plugin's; the subscription
 * options belong to the plugin (`plugins: [{ resolve: "medusa-payment-instantmerchant" }]`),
 * which records and renews subscriptions; the provider only opens them at checkout.
 */
export interface InstantMerchantV2Options {
  /** Required. Your InstantMerchant API key. */
  api_key: string
  /** Required. Your InstantMerchant API secret. Never logged. */
  api_secret: string
  /**
   * The gateway's API root, or a sandbox's (`http://127.0.0.1:4010/api/v2`).
   * Must be https, except for a loopback host.
   * @default "https://api.instantmerchant.io/api/v2"
   */
  base_url?: string
  /**
   * Capture when the order is placed (`auth_and_capture`). When false, the
   * order is only authorized, and an admin captures it within 7 days.
   * @default false
   */
  capture?: boolean
  /** Ask the gateway to email a receipt for each charge. @default false */
  send_email?: boolean
  /** How long to wait for the gateway, in milliseconds. @default 30000 */
  timeout_ms?: number
  /** Retries of requests that cannot move money twice. @default 2 */
  max_retries?: number
  /** instantmerchant-invoice: days from the order to the invoice's due date. @default 0 */
  invoice_due_days?: number
  /** instantmerchant-invoice: email the invoice when it is created. @default false */
  invoice_send_now?: boolean
  /** instantmerchant-invoice: also notify this address of each invoice. @default none */
  invoice_send_to?: string
  /** instantmerchant-invoice: the gateway staff member invoices are assigned to. @default none */
  invoice_to_staff?: string
}

export type ResolvedV2Options = Required<Omit<InstantMerchantV2Options, "invoice_send_to" | "invoice_to_staff">> &
  Pick<InstantMerchantV2Options, "invoice_send_to" | "invoice_to_staff">

/** The provider's option names (the plugin's modules read these of the plugin's options). */
export const V2_OPTION_NAMES: readonly string[] = [
  "api_key", "api_secret", "base_url", "capture", "send_email", "timeout_ms", "max_retries",
  "invoice_due_days", "invoice_send_now", "invoice_send_to", "invoice_to_staff",
]
/** The plugin's options (subscriptions): named in the error, so a copied v1 config is not silently half-used. */
const V1_ONLY = /^subscription_|^use_sandbox_clock$/

/**
 * Reads and checks the options; every problem is listed in one error that
 * names the option and never quotes the secret. Medusa calls this at start-up
 * through `validateOptions`, so a typo stops the server instead of a checkout.
 */
export function resolveV2Options(raw: unknown): ResolvedV2Options {
  const o = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>
  const problems: string[] = []
  const str = (key: string): string => {
    const v = o[key]
    if (typeof v === "string" && v.trim() !== "") return v.trim()
    problems.push(`${key} is required (a non-empty string)${v === undefined ? "" : `, got ${key === "api_secret" ? typeof v : JSON.stringify(v)}`}`)
    return ""
  }
  const bool = (key: string): boolean => {
    const v = o[key]
    if (v === undefined || v === false || v === "false") return false
    if (v === true || v === "true") return true
    problems.push(`${key} must be true or false, got ${JSON.stringify(v)}`)
    return false
  }
  const int = (key: string, fallback: number, min: number, max: number): number => {
    const v = o[key]
    if (v === undefined) return fallback
    const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v
    if (typeof n === "number" && Number.isInteger(n) && n >= min && n <= max) return n
    problems.push(`${key} must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`)
    return fallback
  }
  const optional = (key: string, check: RegExp, what: string): string | undefined => {
    const v = o[key]
    if (v === undefined || v === null || v === "") return undefined
    if (typeof v === "string" && check.test(v.trim())) return v.trim()
    problems.push(`${key} must be ${what}, got ${JSON.stringify(v)}`)
    return undefined
  }

  const options: ResolvedV2Options = {
    api_key: str("api_key"),
    api_secret: str("api_secret"),
    base_url: baseUrl(o.base_url, problems),
    capture: bool("capture"),
    send_email: bool("send_email"),
    timeout_ms: int("timeout_ms", DEFAULT_TIMEOUT_MS, 1, 600_000),
    max_retries: int("max_retries", DEFAULT_MAX_RETRIES, 0, 10),
    invoice_due_days: int("invoice_due_days", 0, 0, 365),
    invoice_send_now: bool("invoice_send_now"),
  }
  const sendTo = optional("invoice_send_to", /^[^\s@]+@[^\s@]+\.[^\s@]+$/, "an email address")
  const staff = optional("invoice_to_staff", /^[\w.-]{1,64}$/, "a staff identifier")
  if (sendTo) options.invoice_send_to = sendTo
  if (staff) options.invoice_to_staff = staff
  for (const key of Object.keys(o)) {
    if (V2_OPTION_NAMES.includes(key)) continue
    problems.push(
      V1_ONLY.test(key)
        ? `${key} is an option of the plugin, not of the payment provider: set it under plugins: [{ resolve: "medusa-payment-instantmerchant", options }] in medusa-config.ts`
        : `${key} is not an option of this provider (known: ${V2_OPTION_NAMES.join(", ")})`
    )
  }
  if (problems.length) {
    throw new Error(`medusa-payment-instantmerchant/medusa-v2: invalid provider options in medusa-config.ts: ${problems.join("; ")}`)
  }
  return options
}

function baseUrl(value: unknown, problems: string[]): string {
  if (value === undefined) return DEFAULT_BASE_URL
  const url = typeof value === "string" ? value.trim().replace(/\/+$/, "") : ""
  const problem = !/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+/i.test(url) ? "must be a URL" : gatewayUrlProblem(url)
  if (problem) problems.push(`base_url ${problem}, such as ${DEFAULT_BASE_URL}; got ${JSON.stringify(typeof value === "string" ? printableUrl(url) : value)}`)
  return url
}

/** The one client recipe of the 2.x provider. */
export function clientFor(options: ResolvedV2Options): InstantMerchantClient {
  return new InstantMerchantClient({
    apiKey: options.api_key,
    apiSecret: options.api_secret,
    baseUrl: options.base_url,
    timeoutMs: options.timeout_ms,
    maxRetries: options.max_retries,
  })
}
