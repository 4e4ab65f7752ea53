import { InstantMerchantClientOptions, resolveClientOptions } from "./client-options"
import { RequestSender } from "./request-sender"
import { Cards } from "./resources/cards"
import { Charges } from "./resources/charges"
import { Customers } from "./resources/customers"
import { Invoices } from "./resources/invoices"
import { Subscriptions } from "./resources/subscriptions"

/**
 * A typed client for every endpoint of the InstantMerchant API reference.
 *
 * ```ts
 * const im = new InstantMerchantClient({ apiKey, apiSecret })
 * const charge = await im.charges.create({ ... }, { idempotencyKey: `auth_${sessionId}` })
 * ```
 */
export class InstantMerchantClient {
  readonly charges: Charges
  readonly invoices: Invoices
  readonly customers: Customers
  readonly cards: Cards
  readonly subscriptions: Subscriptions

  constructor(options: InstantMerchantClientOptions) {
    const sender = new RequestSender(resolveClientOptions(options))
    this.charges = new Charges(sender)
    this.invoices = new Invoices(sender)
    this.customers = new Customers(sender)
    this.cards = new Cards(sender)
    this.subscriptions = new Subscriptions(sender)
  }
}
