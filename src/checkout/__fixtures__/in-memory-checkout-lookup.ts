import { GATEWAY_CUSTOMER_METADATA_KEY } from "../../customers/customer-link"
import { CheckoutCart, CheckoutCustomer, CheckoutLineItem, CheckoutLookup, CheckoutSession, PaymentCart } from "../checkout-lookup"

/**
 * Medusa's side of a checkout, held in memory: carts, customers and payment
 * sessions. It stands in for Medusa's database in processor tests; the real
 * thing is exercised by the end-to-end suite. It mirrors Medusa's own
 * behaviour of merging what `updatePaymentData` returns into the session data.
 */
export class InMemoryCheckoutLookup implements CheckoutLookup {
  readonly sessions = new Map<string, CheckoutSession & { provider_id: string }>()
  readonly carts = new Map<string, CheckoutCart>()
  readonly customers = new Map<string, CheckoutCustomer>()
  private seq = 0

  addCustomer(overrides: Partial<CheckoutCustomer> = {}): CheckoutCustomer {
    const customer: CheckoutCustomer = { id: `cus_${++this.seq}`, email: `shopper${this.seq}@example.com`, has_account: true, metadata: {}, ...overrides }
    this.customers.set(customer.id, customer)
    return customer
  }

  addCart(
    options: { amount?: number; customer?: CheckoutCustomer | null; providerId?: string; email?: string; items?: CheckoutLineItem[] } = {}
  ): { cart: CheckoutCart; session: CheckoutSession } {
    const id = `cart_${++this.seq}`
    const amount = options.amount ?? 2500
    const items = options.items ?? [
      { id: `item_${this.seq}`, title: "T-shirt", quantity: 1, subtotal: amount, discount_total: 0, tax_total: 0, total: amount, variant_id: "variant_1", variant_metadata: null, product_metadata: null },
    ]
    const sum = (f: (i: CheckoutLineItem) => number) => items.reduce((n, i) => n + f(i), 0)
    const cart: CheckoutCart = {
      items,
      subtotal: sum((i) => i.subtotal),
      discount_total: sum((i) => i.discount_total),
      shipping_total: 0,
      tax_total: sum((i) => i.tax_total),
      gift_card_total: 0,
      total: sum((i) => i.total),
      id,
      email: options.email ?? options.customer?.email ?? `guest${this.seq}@example.com`,
      billing_address: {
        first_name: "Jim",
        last_name: "Doe",
        address_1: "1 Main St",
        city: "Nashville",
        postal_code: "37251",
        province: "TN",
        country_code: "us",
      },
      shipping_address: null,
      customer: options.customer ?? null,
    }
    this.carts.set(id, cart)
    const session = { id: `ps_${++this.seq}`, cart_id: id, amount, data: {}, provider_id: options.providerId ?? "instantmerchant" }
    this.sessions.set(session.id, session)
    return { cart, session }
  }

  /** What Medusa does with the answer of initiatePayment / updatePaymentData / authorizePayment. */
  store(sessionId: string, data: Record<string, unknown>, mode: "replace" | "merge" = "merge"): void {
    const s = this.sessions.get(sessionId)!
    s.data = mode === "merge" ? Object.assign(s.data, data) : data
  }

  async session(sessionId: string): Promise<CheckoutSession | null> {
    return this.sessions.get(sessionId) ?? null
  }

  async sessionWithCart(sessionId: string): Promise<{ session: CheckoutSession; cart: PaymentCart | null } | null> {
    const session = await this.session(sessionId)
    return session ? { session, cart: session.cart_id ? await this.paymentCart(session.cart_id) : null } : null
  }

  async sessionOfCart(cartId: string, providerId: string): Promise<CheckoutSession | null> {
    return [...this.sessions.values()].find((s) => s.cart_id === cartId && s.provider_id === providerId) ?? null
  }

  async cartWithSession(cartId: string, providerId: string): Promise<{ session: CheckoutSession; cart: PaymentCart | null } | null> {
    const session = await this.sessionOfCart(cartId, providerId)
    return session ? { session, cart: await this.paymentCart(cartId) } : null
  }

  async cart(cartId: string): Promise<CheckoutCart | null> {
    const cart = this.carts.get(cartId)
    if (!cart) return null
    // The cart's customer is read fresh, as a database read would be.
    return { ...cart, customer: cart.customer ? this.customers.get(cart.customer.id) ?? null : null }
  }

  /** Without totals, as the Medusa lookup reads it: a processor that needs them and reads this fails. */
  private async paymentCart(cartId: string): Promise<PaymentCart | null> {
    const cart = await this.cart(cartId)
    if (!cart) return null
    const { id, email, billing_address, shipping_address, customer, items } = cart
    return { id, email, billing_address, shipping_address, customer, items: items.map(({ title, variant_metadata, product_metadata }) => ({ title, variant_metadata, product_metadata })) }
  }

  /** Charges whose Medusa payment was canceled, as Medusa does when a cart's completion fails after its authorization. */
  readonly releasedCharges = new Set<string>()

  async chargeWasReleased(chargeId: string): Promise<boolean> {
    return this.releasedCharges.has(chargeId)
  }

  async rememberGatewayCustomer(customerId: string, gatewayCustomerId: number): Promise<void> {
    const c = this.customers.get(customerId)!
    c.metadata = { ...(c.metadata ?? {}), [GATEWAY_CUSTOMER_METADATA_KEY]: gatewayCustomerId }
  }
}
