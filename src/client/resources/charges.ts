import { RequestOptions, RequestSender, WithMeta } from "../request-sender"
import { CardSource, GatewayAnswer, PaymentMode, RecurringFields, SaveCardFlags, ZeroOrOne } from "./shared-params"

export type ChargeCreateParams = CardSource &
  SaveCardFlags &
  RecurringFields & {
    name: string
    email: string
    description: string
    /** In cents; a positive integer of at least 100 (the reference's "$1 minimum"). */
    amount: number
    address: string
    city: string
    zip: string
    /** 2-letter state code. */
    state: string
    /** 2-letter country code. */
    country: string
    /** @default "auth_and_capture" */
    payment_mode?: PaymentMode
    /** @default "usd", the only currency the gateway takes */
    currency?: string
    send_email?: ZeroOrOne
    create_customer?: boolean
  }

export interface ChargeCreateResponse extends GatewayAnswer {
  charge_id: string
  card_id: string
  card_last_4: string
  customer_id?: number
  subscription_id?: string
  /** End of the paid period of the subscription, in unix seconds. */
  expiry_date?: number
}

export interface ChargeCaptureParams {
  charge_id: string
}

export interface ChargeCaptureResponse extends GatewayAnswer {
  charge_id: string
}

export interface RefundParams {
  charge_id: string
  /** In cents. @default the whole unrefunded remainder */
  amount?: number
}

export interface RefundResponse extends GatewayAnswer {
  refund_id: string
}

/** Direct payments: `/charge`, `/capture` and `/refund`. */
export class Charges {
  constructor(private readonly sender: RequestSender) {}

  /** Charges or authorizes a card. Never retried once it may have reached the gateway. */
  create(params: ChargeCreateParams, options?: RequestOptions): Promise<WithMeta<ChargeCreateResponse>> {
    return this.sender.post({ path: "charge", retry: "never-twice", mutating: true }, params, options)
  }

  /** Captures an authorization. Safe to retry: a second capture is refused, not doubled. */
  capture(params: ChargeCaptureParams, options?: RequestOptions): Promise<WithMeta<ChargeCaptureResponse>> {
    return this.sender.post({ path: "capture", retry: "repeatable", mutating: true }, params, options)
  }

  /** Refunds a captured charge, or releases an uncaptured one in full. */
  refund(params: RefundParams, options?: RequestOptions): Promise<WithMeta<RefundResponse>> {
    return this.sender.post({ path: "refund", retry: "never-twice", mutating: true }, params, options)
  }
}
