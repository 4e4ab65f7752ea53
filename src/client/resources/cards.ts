import { RequestOptions, RequestSender, WithMeta } from "../request-sender"
import { CardDetails, GatewayAnswer, SaveCardFlags } from "./shared-params"

export type CardCreateParams = CardDetails &
  SaveCardFlags & {
    /** The gateway customer id. */
    customer: number
    description?: string
    currency?: string
  }

export interface CardCreateResponse extends GatewayAnswer {
  card_id: string
  card_last_4: string
}

export interface CardRetrieveParams {
  customer: number
  /** Without it, every card of the customer. */
  card_id?: string
}

/** A stored card as `/card/get` lists it: strings throughout, as the reference shows. */
export interface StoredCard {
  card_id: string
  /** "1" for the default card, "0" otherwise. */
  is_default: string
  card_type: string
  cc_last_4: string
  /** "M/YYYY" */
  cc_valid_thru: string
}

export interface CardRetrieveResponse extends GatewayAnswer {
  data: StoredCard[]
}

/** `/card` and `/card/get`. */
export class Cards {
  constructor(private readonly sender: RequestSender) {}

  /** Stores a card on a customer, to charge it later by `card_id`. */
  create(params: CardCreateParams, options?: RequestOptions): Promise<WithMeta<CardCreateResponse>> {
    return this.sender.post({ path: "card", retry: "never-twice", mutating: true }, params, options)
  }

  /** Lists a customer's stored cards. A read: retried freely, no idempotency key. */
  retrieve(params: CardRetrieveParams, options?: RequestOptions): Promise<WithMeta<CardRetrieveResponse>> {
    return this.sender.post({ path: "card/get", retry: "repeatable", mutating: false }, params, options)
  }
}
