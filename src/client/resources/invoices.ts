import { RequestOptions, RequestSender, WithMeta } from "../request-sender"
import { CardDetails, GatewayAnswer, RecurringFields, SaveCardFlags, ZeroOrOne, PaymentMode } from "./shared-params"
import { RefundParams, RefundResponse } from "./charges"

/** Card fields are optional on an invoice: `pay_later` needs none. */
type OptionalCard = Partial<CardDetails> & { card_id?: string }

export type InvoiceCreateParams = OptionalCard &
  SaveCardFlags &
  RecurringFields & {
    /** The gateway customer id. */
    customer?: number
    description: string
    /** mm/dd/yyyy */
    date_due: string
    items: string[]
    /** In cents, one per item. */
    items_price: number[]
    send_now?: ZeroOrOne
    /** @default "pay_later" */
    payment_mode?: PaymentMode | "pay_later"
    /** @default "USD" */
    currency?: string
    invoice_to_staff?: number | string
    send_invoice_to?: string
    address?: string
    city?: string
    state?: string
    zip?: string
    /** @default "US", the only country the invoice API takes */
    country?: string
    create_customer?: boolean
  }

export interface InvoiceCreateResponse extends GatewayAnswer {
  invoice_num: number
  charge_id?: string
  card_id?: string
  card_last_4?: string
  subscription_id?: string
  expiry_date?: number
}

export interface InvoiceSendParams {
  invoice_num: number
}

export type InvoiceSendResponse = GatewayAnswer

export type InvoiceChargeParams = OptionalCard &
  SaveCardFlags & {
    invoice_num: number
    /** @default "auth_and_capture" */
    payment_mode?: PaymentMode
    send_email?: ZeroOrOne
  }

export interface InvoiceChargeResponse extends GatewayAnswer {
  charge_id: string
  card_id: string
  card_last_4: string
  invoice_num: number
  subscription_id?: string
}

export interface InvoiceCaptureParams {
  charge_id: string
}

export interface InvoiceCaptureResponse extends GatewayAnswer {
  charge_id: string
  invoice_num: number
}

/** The invoice API: `/invoice`, `/invoice/send`, `/invoice/charge`, `/invoice/capture`, `/invoice/refund`. */
export class Invoices {
  constructor(private readonly sender: RequestSender) {}

  /** Creates an invoice and, unless `pay_later`, charges it. Never retried once it may have reached the gateway. */
  create(params: InvoiceCreateParams, options?: RequestOptions): Promise<WithMeta<InvoiceCreateResponse>> {
    return this.sender.post({ path: "invoice", retry: "never-twice", mutating: true }, params, options)
  }

  /** Emails the invoice to the customer. Not retried: a retry could send it twice. */
  send(params: InvoiceSendParams, options?: RequestOptions): Promise<WithMeta<InvoiceSendResponse>> {
    return this.sender.post({ path: "invoice/send", retry: "never-twice", mutating: true }, params, options)
  }

  /** Pays an open invoice by card. Never retried once it may have reached the gateway. */
  charge(params: InvoiceChargeParams, options?: RequestOptions): Promise<WithMeta<InvoiceChargeResponse>> {
    return this.sender.post({ path: "invoice/charge", retry: "never-twice", mutating: true }, params, options)
  }

  /** Captures an invoice's authorization. Safe to retry: a second capture is refused, not doubled. */
  capture(params: InvoiceCaptureParams, options?: RequestOptions): Promise<WithMeta<InvoiceCaptureResponse>> {
    return this.sender.post({ path: "invoice/capture", retry: "repeatable", mutating: true }, params, options)
  }

  /** Refunds an invoice's charge, partially and repeatedly up to what was paid. */
  refund(params: RefundParams, options?: RequestOptions): Promise<WithMeta<RefundResponse>> {
    return this.sender.post({ path: "invoice/refund", retry: "never-twice", mutating: true }, params, options)
  }
}
