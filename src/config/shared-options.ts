import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from "../client"
import { flag, gatewayUrl, integer, optionalText, requiredText } from "./option-reader"

/** The options of the gateway and its client, the same on Medusa v1 and 2.x. */
export interface GatewayOptions {
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

/** The options of the instantmerchant-invoice provider, the same on Medusa v1 and 2.x. */
export interface InvoiceOptions {
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
}

export const GATEWAY_OPTION_FIELDS = {
  api_key: requiredText(),
  api_secret: requiredText(),
  base_url: gatewayUrl(),
  capture: flag(false),
  send_email: flag(false),
  timeout_ms: integer(DEFAULT_TIMEOUT_MS, 1, 600_000),
  max_retries: integer(DEFAULT_MAX_RETRIES, 0, 10),
}

export const INVOICE_OPTION_FIELDS = {
  invoice_due_days: integer(0, 0, 365),
  invoice_send_now: flag(false),
  invoice_send_to: optionalText(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "an email address"),
  invoice_to_staff: optionalText(/^[\w.-]{1,64}$/, "a staff identifier"),
}

/** How a checkout's invoice reaches people, as the invoice create request says it (v1 and 2.x alike). */
export function invoiceDelivery(options: Pick<InvoiceOptions, "invoice_send_now" | "invoice_send_to" | "invoice_to_staff">): {
  send_now: 0 | 1
  send_invoice_to?: string
  invoice_to_staff?: string
} {
  return { send_now: options.invoice_send_now ? 1 : 0, send_invoice_to: options.invoice_send_to, invoice_to_staff: options.invoice_to_staff }
}
