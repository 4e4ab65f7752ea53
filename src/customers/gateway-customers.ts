import { gatewayCardFields, lastFour, NewCardInput } from "../rules/card/card-input"
import { InstantMerchantClient, isUnknownResource, StoredCard } from "../client"
import { InputError } from "../rules/input/input-error"
import { GatewayAddress } from "./gateway-address"
import { gatewayCustomerRequest } from "./gateway-customer-request"
import { GatewayCustomerLinks, linkedGatewayCustomer, ShopCustomer } from "./customer-link"
import { SavedCard, savedCardOf } from "./saved-card"

/** What the gateway needs to make a customer. */
export interface CustomerDetails {
  address: GatewayAddress
  email: string
}

/** A card just stored on a gateway customer: what the plugin keeps of it. */
export interface StoredCardRef {
  card_id: string
  last_4: string
  exp_month: number
  exp_year: number
}

/**
 * Gateway customers and the cards stored on them: the one place that makes
 * a gateway customer, links it to a shop customer, stores a card, lists the
 * saved cards and checks that a card belongs to a customer. Checkout, the
 * invoices and the card routes all come here, so they agree by construction.
 *
 * It knows no framework: the host is reached through {@link GatewayCustomerLinks}
 * and hands in its customers as {@link ShopCustomer}s.
 */
export class GatewayCustomers {
  constructor(private readonly client: InstantMerchantClient, private readonly links: GatewayCustomerLinks) {}

  /**
   * A new gateway customer owned by `owner` (a shop customer id for an
   * account's saved cards, a payment session id for a card used once); see
   * gatewayCustomerRequest for the username and the idempotency key.
   */
  async create(owner: string, details: CustomerDetails): Promise<number> {
    const { params, idempotencyKey } = gatewayCustomerRequest(owner, details.address, details.email)
    const created = await this.client.customers.create(params, { idempotencyKey })
    return created.customer_id
  }

  /** The account's gateway customer: the linked one, or one made now from `details()` and linked. */
  async ofAccount(account: ShopCustomer, details: () => CustomerDetails): Promise<number> {
    const linked = linkedGatewayCustomer(account)
    if (linked !== undefined) return linked
    const id = await this.create(account.id, details())
    await this.links.rememberGatewayCustomer(account.id, id)
    return id
  }

  /** The account's saved cards at the gateway; none before its first saved card. */
  async savedCards(account: ShopCustomer): Promise<SavedCard[]> {
    return (await this.storedCards(account)).map(savedCardOf)
  }

  /** The same, as the gateway lists them (`/card/get`), for a host that shows more of a card (its type). */
  async storedCards(account: ShopCustomer): Promise<StoredCard[]> {
    const gatewayCustomer = linkedGatewayCustomer(account)
    if (gatewayCustomer === undefined) return []
    const { data } = await this.client.cards.retrieve({ customer: gatewayCustomer })
    return data
  }

  /**
   * The card `cardId` when it is stored on `gatewayCustomer`; otherwise an
   * {@link InputError} on `card_id` saying `notOwned`. The gateway lets a
   * card pay only for its own customer, so this says so before trying.
   */
  async ownedCard(gatewayCustomer: number, cardId: string, notOwned: string): Promise<SavedCard> {
    let listed
    try {
      listed = await this.client.cards.retrieve({ customer: gatewayCustomer, card_id: cardId })
    } catch (e) {
      if (isUnknownResource(e)) throw new InputError("card_id", notOwned)
      throw e
    }
    const card = listed.data.find((c) => c.card_id === cardId)
    if (!card) throw new InputError("card_id", notOwned)
    return savedCardOf(card)
  }

  /**
   * The saved card `cardId` a payment may use: one stored on the signed-in
   * account's gateway customer (`accountCustomer`, undefined for a guest or
   * an account with no saved card), or an {@link InputError} on `card_id`.
   */
  async paymentCard(accountCustomer: number | undefined, cardId: string): Promise<SavedCard> {
    if (accountCustomer === undefined) throw new InputError("card_id", "saved cards are only for signed-in customers who saved a card before")
    return this.ownedCard(accountCustomer, cardId, "is not one of your saved cards")
  }

  /**
   * Stores the card on `gatewayCustomer` (card create); the details are forgotten, only the reference comes back.
   * `idempotencyKey`, when the host has one that names this card entry for its whole life; otherwise a fresh one.
   */
  async storeCard(gatewayCustomer: number, input: NewCardInput, flags: { save_card: boolean; is_default: boolean }, idempotencyKey?: string): Promise<StoredCardRef> {
    const card = await this.client.cards.create({ customer: gatewayCustomer, ...gatewayCardFields(input, flags) }, idempotencyKey ? { idempotencyKey } : undefined)
    return { card_id: card.card_id, last_4: card.card_last_4 || lastFour(input.card_number), exp_month: input.exp_month, exp_year: input.exp_year }
  }
}

/** A card as a payment session's data keeps it (v1's and 2.x's alike): the reference, last 4 and expiry. */
export function cardSessionFields(card: StoredCardRef): { card_id: string; card_last_4: string; card_exp_month: number; card_exp_year: number } {
  return { card_id: card.card_id, card_last_4: card.last_4, card_exp_month: card.exp_month, card_exp_year: card.exp_year }
}
