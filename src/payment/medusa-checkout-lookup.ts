import { CheckoutCart, CheckoutLookup, CheckoutSession, GATEWAY_CUSTOMER_METADATA_KEY } from "./checkout-lookup"

/* eslint-disable @typescript-eslint/no-explicit-any */
type Cradle = Record<string, any>

/**
 * The {@link CheckoutLookup} on Medusa's own services. Services are resolved
 * on each call, not in the constructor: the payment provider service resolves
 * this processor, so resolving it back at construction would be a cycle.
 */
export class MedusaCheckoutLookup implements CheckoutLookup {
  constructor(private readonly container: Cradle) {}

  async session(sessionId: string): Promise<CheckoutSession | null> {
    const repo = this.container.paymentSessionRepository
    const session = await repo.findOne({ where: { id: sessionId } })
    return session ? toSession(session) : null
  }

  async sessionOfCart(cartId: string, providerId: string): Promise<CheckoutSession | null> {
    const repo = this.container.paymentSessionRepository
    const session = await repo.findOne({ where: { cart_id: cartId, provider_id: providerId } })
    return session ? toSession(session) : null
  }

  async cart(cartId: string): Promise<CheckoutCart | null> {
    const repo = this.container.cartRepository
    const cart = await repo.findOne({
      where: { id: cartId },
      relations: { billing_address: true, shipping_address: true, customer: true },
    })
    if (!cart) return null
    return {
      id: cart.id,
      email: cart.email ?? null,
      billing_address: cart.billing_address ?? null,
      shipping_address: cart.shipping_address ?? null,
      customer: cart.customer
        ? { id: cart.customer.id, email: cart.customer.email, has_account: !!cart.customer.has_account, metadata: cart.customer.metadata ?? null }
        : null,
    }
  }

  async rememberGatewayCustomer(customerId: string, gatewayCustomerId: number): Promise<void> {
    // customerService.update merges metadata, so other plugins' keys survive.
    await this.container.customerService.update(customerId, { metadata: { [GATEWAY_CUSTOMER_METADATA_KEY]: gatewayCustomerId } })
  }
}

function toSession(s: any): CheckoutSession {
  return { id: s.id, cart_id: s.cart_id ?? null, amount: s.amount, data: s.data ?? {} }
}
