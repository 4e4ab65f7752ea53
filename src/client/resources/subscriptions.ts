import { RequestOptions, RequestSender, WithMeta } from "../request-sender"
import { CardDetails, GatewayAnswer, SaveCardFlags } from "./shared-params"

export type SubscriptionUpdateCardParams = CardDetails &
  SaveCardFlags & {
    subscription_id: string
  }

export interface SubscriptionUpdateCardResponse extends GatewayAnswer {
  card_id: string
  card_last_4: string
}

export interface SubscriptionIdParams {
  subscription_id: string
}

export interface SubscriptionRenewResponse extends GatewayAnswer {
  charge_id: string
  subscription_id: string
  /** The new end of the paid period, in unix seconds. */
  expiry_date: number
  invoice_num: number
}

export type SubscriptionCancelResponse = GatewayAnswer

/** `/subscription/update_card`, `/subscription/renew` and `/subscription/cancel`. */
export class Subscriptions {
  constructor(private readonly sender: RequestSender) {}

  /** Moves the subscription to another card. */
  updateCard(params: SubscriptionUpdateCardParams, options?: RequestOptions): Promise<WithMeta<SubscriptionUpdateCardResponse>> {
    return this.sender.post({ path: "subscription/update_card", retry: "never-twice", mutating: true }, params, options)
  }

  /** Charges the next period. Never retried once it may have reached the gateway. */
  renew(params: SubscriptionIdParams, options?: RequestOptions): Promise<WithMeta<SubscriptionRenewResponse>> {
    return this.sender.post({ path: "subscription/renew", retry: "never-twice", mutating: true }, params, options)
  }

  /** Cancels the subscription. Safe to retry: a second cancel is refused, and moves no money. */
  cancel(params: SubscriptionIdParams, options?: RequestOptions): Promise<WithMeta<SubscriptionCancelResponse>> {
    return this.sender.post({ path: "subscription/cancel", retry: "repeatable", mutating: true }, params, options)
  }
}
