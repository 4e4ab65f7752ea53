import { RequestOptions, RequestSender, WithMeta } from "../request-sender"
import { GatewayAnswer } from "./shared-params"

export interface CustomerCreateParams {
  name: string
  email: string
  /** Unique per environment. */
  username: string
  address: string
  city: string
  zip: string
  /** 2-letter state code. */
  state: string
  /** 2-letter country code. */
  country: string
}

export interface CustomerCreateResponse extends GatewayAnswer {
  customer_id: number
}

/** `/customer`. */
export class Customers {
  constructor(private readonly sender: RequestSender) {}

  /** Not retried once it may have arrived: a retry would be refused for its username, or make a twin. */
  create(params: CustomerCreateParams, options?: RequestOptions): Promise<WithMeta<CustomerCreateResponse>> {
    return this.sender.post({ path: "customer", retry: "never-twice", mutating: true }, params, options)
  }
}
