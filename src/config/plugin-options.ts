import { gatewayUrlProblem, printableUrl } from "../client/gateway-url"
import { DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from "../client"

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

  // ---- the instantmerchant-invoice provider ----
  /**
   * Days from the order to the invoice's due date (`date_due`).
   * @default 0
   */
  invoice_due_days?: number
  /**
   * Email the invoice to the customer when it is created (`send_now=1`).
   * @default false
   */
  invoice_send_now?: boolean
  /**
   * Also notify this address of each invoice (`send_invoice_to`).
   * @default none
   */
  invoice_send_to?: string
  /**
   * The gateway staff member invoices are assigned to (`invoice_to_staff`).
   * @default none
   */
  invoice_to_staff?: string

  // ---- subscriptions ----
  /**
   * Renew a subscription this many hours before its paid period ends.
   * @default 24
   */
  subscription_renewal_lead_hours?: number
  /**
   * After a declined renewal, try again this many hours after the period's
   * end, in order; after the last, the subscription expires.
   * @default [24, 72]
   */
  subscription_retry_hours?: number[]
  /**
   * Decide when renewals are due by the InstantMerchant sandbox's clock
   * (`GET /_sandbox/clock` next to `base_url`) instead of this server's, so
   * that advancing the sandbox clock makes renewals due. For development
   * against the sandbox only.
   * @default false
   */
  use_sandbox_clock?: boolean
  /**
   * Allow a cart that mixes subscription items with one-time items; the whole
   * cart total then recurs each period.
   * @default false
   */
  subscription_allow_mixed_cart?: boolean
  /**
   * Create a Medusa order for each successful renewal, copied from the first
   * order (for shops that ship goods each period).
   * @default false
   */
  subscription_renewal_orders?: boolean
  /**
   * How many renewals the job sends to the gateway at once, from 1 to 32.
   * Each holds a database connection while the gateway answers: keep it
   * below the database pool's size (TypeORM's default is 10), which the
   * store's own requests share.
   * @default 4
   */
  subscription_renewal_concurrency?: number
}

export type ResolvedPluginOptions = Required<Omit<InstantMerchantPluginOptions, "invoice_send_to" | "invoice_to_staff">> &
  Pick<InstantMerchantPluginOptions, "invoice_send_to" | "invoice_to_staff">

const KNOWN = new Set([
  "api_key",
  "api_secret",
  "base_url",
  "capture",
  "send_email",
  "timeout_ms",
  "max_retries",
  "invoice_due_days",
  "invoice_send_now",
  "invoice_send_to",
  "invoice_to_staff",
  "subscription_renewal_lead_hours",
  "subscription_retry_hours",
  "use_sandbox_clock",
  "subscription_allow_mixed_cart",
  "subscription_renewal_orders",
  "subscription_renewal_concurrency",
])

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
  if (o.base_url !== undefined) {
    const problem = typeof o.base_url !== "string" || !/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+/i.test(base_url) ? "must be a URL" : gatewayUrlProblem(base_url)
    if (problem) problems.push(`base_url ${problem}, such as ${DEFAULT_BASE_URL}; got ${JSON.stringify(typeof o.base_url === "string" ? printableUrl(base_url) : o.base_url)}`)
  }
  const optionalString = (key: string, check: RegExp, what: string): string | undefined => {
    const v = o[key]
    if (v === undefined || v === null || v === "") return undefined
    const text = typeof v === "number" ? String(v) : v
    if (typeof text !== "string" || !check.test(text.trim())) {
      problems.push(`${key} must be ${what}, got ${JSON.stringify(v)}`)
      return undefined
    }
    return text.trim()
  }
  const hoursList = (key: string, fallback: number[]): number[] => {
    const v = o[key]
    if (v === undefined) return fallback
    const list = typeof v === "string" ? v.split(",").map((x) => x.trim()).filter(Boolean).map((x) => (/^\d+$/.test(x) ? Number(x) : NaN)) : v
    // A blank string (an environment variable set to nothing) is a typo, not "never retry"; [] says that on purpose.
    if (typeof v === "string" && Array.isArray(list) && list.length === 0) {
      problems.push(`${key} must be a list of whole hours, e.g. [24, 72], got ${JSON.stringify(v)} (leave it unset for the default, or [] for no retries)`)
      return fallback
    }
    if (!Array.isArray(list) || list.some((n) => typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 24 * 365)) {
      problems.push(`${key} must be a list of whole hours, e.g. [24, 72], got ${JSON.stringify(v)}`)
      return fallback
    }
    if (list.some((n, i) => i > 0 && n <= list[i - 1])) {
      problems.push(`${key} must increase, e.g. [24, 72], got ${JSON.stringify(v)}`)
      return fallback
    }
    return list as number[]
  }

  const options: ResolvedPluginOptions = {
    api_key: api_key ?? "",
    api_secret: api_secret ?? "",
    base_url,
    capture: bool("capture", false),
    send_email: bool("send_email", false),
    timeout_ms: int("timeout_ms", DEFAULT_TIMEOUT_MS, 1, 600_000),
    max_retries: int("max_retries", DEFAULT_MAX_RETRIES, 0, 10),
    invoice_due_days: int("invoice_due_days", 0, 0, 365),
    invoice_send_now: bool("invoice_send_now", false),
    invoice_send_to: optionalString("invoice_send_to", /^[^\s@]+@[^\s@]+\.[^\s@]+$/, "an email address"),
    invoice_to_staff: optionalString("invoice_to_staff", /^[\w.-]{1,64}$/, "a staff identifier"),
    subscription_renewal_lead_hours: int("subscription_renewal_lead_hours", 24, 0, 24 * 60),
    subscription_retry_hours: hoursList("subscription_retry_hours", [24, 72]),
    use_sandbox_clock: bool("use_sandbox_clock", false),
    subscription_allow_mixed_cart: bool("subscription_allow_mixed_cart", false),
    subscription_renewal_orders: bool("subscription_renewal_orders", false),
    subscription_renewal_concurrency: int("subscription_renewal_concurrency", 4, 1, 32),
  }
  for (const key of Object.keys(o)) {
    // Medusa passes its own bookkeeping keys through plugin options; 2.x adds `database` to the options each of a plugin's modules gets (one shared object).
    if (!KNOWN.has(key) && !key.startsWith("_") && key !== "enableUI" && key !== "database") {
      problems.push(`${key} is not an option of this plugin (known: ${[...KNOWN].join(", ")})`)
    }
  }
  if (problems.length) {
    throw new Error(`medusa-payment-instantmerchant: invalid plugin options in medusa-config.js: ${problems.join("; ")}`)
  }
  if (options.invoice_send_to === undefined) delete options.invoice_send_to
  if (options.invoice_to_staff === undefined) delete options.invoice_to_staff
  return options
}
