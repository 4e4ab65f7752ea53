import { MedusaRest, RestAnswer } from "../../../src/demo/stack/medusa-rest"
import { e2e } from "./e2e-env"

export const VALID_CARD = { cardholder_name: "Jim Doe", card_number: "4242424242424242", exp_month: 12, exp_year: new Date().getUTCFullYear() + 3, cvc: "123" }

export const ADDRESS = {
  first_name: "Jim",
  last_name: "Doe",
  address_1: "1 Main St",
  city: "Nashville",
  province: "TN",
  postal_code: "37251",
  country_code: "us",
}

/** A shopper on the store API, optionally signed in. */
export class Shopper {
  readonly api = new MedusaRest(e2e.medusaUrl)
  cartId = ""

  constructor() {
    this.api.headers["x-publishable-api-key"] = e2e.seed.publishableKey
  }

  /** Registers and signs in a customer. */
  async signUp(email: string, password = "shopper-password"): Promise<string> {
    const created = await this.api.post("/store/customers", { email, password, first_name: "Jim", last_name: "Doe" })
    if (created.status !== 200) throw new Error(`sign-up failed: ${created.status} ${JSON.stringify(created.body)}`)
    return this.signIn(email, password)
  }

  async signIn(email: string, password = "shopper-password"): Promise<string> {
    const { access_token } = await this.api.must("POST", "/store/auth/token", { email, password })
    this.api.headers.authorization = `Bearer ${access_token}`
    const { customer } = await this.api.must("GET", "/store/auth")
    return customer.id
  }

  /** Cart, item, address, shipping and payment sessions: everything up to the card. */
  async fillCart(options: { email?: string; regionId?: string; variantId?: string; quantity?: number } = {}): Promise<any> {
    const { cart } = await this.api.must("POST", "/store/carts", { region_id: options.regionId ?? e2e.seed.regionId })
    this.cartId = cart.id
    await this.api.must("POST", `/store/carts/${this.cartId}/line-items`, { variant_id: options.variantId ?? e2e.seed.variantId, quantity: options.quantity ?? 1 })
    await this.api.must("POST", `/store/carts/${this.cartId}`, { email: options.email ?? `guest-${Date.now()}@example.com`, shipping_address: ADDRESS, billing_address: ADDRESS })
    const { shipping_options } = await this.api.must("GET", `/store/shipping-options/${this.cartId}`)
    await this.api.must("POST", `/store/carts/${this.cartId}/shipping-methods`, { option_id: shipping_options[0].id })
    return (await this.api.must("POST", `/store/carts/${this.cartId}/payment-sessions`)).cart
  }

  /** `provider`: `instantmerchant` (card) or `instantmerchant-invoice` (pay by invoice); the region offers both. */
  selectInstantMerchant(provider = "instantmerchant"): Promise<RestAnswer> {
    return this.api.post(`/store/carts/${this.cartId}/payment-session`, { provider_id: provider })
  }

  enterCard(data: Record<string, unknown>, provider = "instantmerchant"): Promise<RestAnswer> {
    return this.api.post(`/store/carts/${this.cartId}/payment-sessions/${provider}`, { data })
  }

  complete(): Promise<RestAnswer> {
    return this.api.post(`/store/carts/${this.cartId}/complete`)
  }

  /** The whole checkout with a card that should pay; returns the order. */
  async buy(card: Record<string, unknown> = VALID_CARD, options: Parameters<Shopper["fillCart"]>[0] = {}, provider = "instantmerchant"): Promise<any> {
    await this.fillCart(options)
    await this.must(this.selectInstantMerchant(provider))
    await this.must(this.enterCard(card, provider))
    const done = await this.must(this.complete())
    if (done.type !== "order") throw new Error(`checkout ended as ${done.type}: ${JSON.stringify(done)}`)
    return done.data
  }

  private async must(answer: Promise<RestAnswer>): Promise<any> {
    const { status, body } = await answer
    if (status !== 200) throw new Error(`answered ${status}: ${JSON.stringify(body)}`)
    return body
  }
}
