import type { Cradle } from "../config/cradle"
import type { IntervalLine } from "../rules/subscription/cart-interval"
import { MedusaCustomerLinks } from "../customers/medusa-customer-links"
import { CheckoutCart, CheckoutCustomer, CheckoutLookup, CheckoutSession, PaymentCart } from "./checkout-lookup"

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The {@link CheckoutLookup} on Medusa's own services. Services are resolved
 * on each call, not in the constructor: the payment provider service resolves
 * this processor, so resolving it back at construction would be a cycle.
 */
export class MedusaCheckoutLookup implements CheckoutLookup {
  constructor(private readonly container: Cradle) {}

  async sessionWithCart(sessionId: string): Promise<{ session: CheckoutSession; cart: PaymentCart | null } | null> {
    return this.sessionAndCart({ id: sessionId })
  }

  async sessionOfCart(cartId: string, providerId: string): Promise<CheckoutSession | null> {
    const repo = this.container.paymentSessionRepository
    const session = await repo.findOne({ where: { cart_id: cartId, provider_id: providerId } })
    return session ? toSession(session) : null
  }

  async cartWithSession(cartId: string, providerId: string): Promise<{ session: CheckoutSession; cart: PaymentCart | null } | null> {
    // One query where a session and a cart read side by side took two connections and two round trips.
    return this.sessionAndCart({ cart_id: cartId, provider_id: providerId })
  }

  async cart(cartId: string): Promise<CheckoutCart | null> {
    // A cart inside another transaction (e.g. a renewal order being built) is
    // invisible here; retrieveWithTotals would fail on it with a SQL error
    // rather than "not found", so look first.
    if (!(await this.container.cartRepository.findOne({ where: { id: cartId }, select: { id: true } }))) return null
    let cart: any
    try {
      // Totals are computed, not stored: only the cart service knows them.
      cart = await this.container.cartService.retrieveWithTotals(cartId, {
        relations: ["items", "items.variant", "items.variant.product", "shipping_methods", "billing_address", "shipping_address", "customer", "region"],
      })
    } catch (e) {
      if ((e as { type?: string }).type === "not_found") return null
      throw e
    }
    return {
      id: cart.id,
      email: cart.email ?? null,
      billing_address: cart.billing_address ?? null,
      shipping_address: cart.shipping_address ?? null,
      customer: toCustomer(cart.customer),
      items: (cart.items ?? []).map((item: any) => ({
        id: item.id,
        title: item.title,
        quantity: item.quantity,
        subtotal: item.subtotal ?? 0,
        discount_total: item.discount_total ?? 0,
        tax_total: item.tax_total ?? 0,
        total: item.total ?? 0,
        variant_id: item.variant_id ?? null,
        variant_metadata: item.variant?.metadata ?? null,
        product_metadata: item.variant?.product?.metadata ?? null,
      })),
      subtotal: cart.subtotal ?? 0,
      discount_total: cart.discount_total ?? 0,
      shipping_total: cart.shipping_total ?? 0,
      tax_total: cart.tax_total ?? 0,
      gift_card_total: cart.gift_card_total ?? 0,
      total: cart.total ?? 0,
    }
  }

  async cartLines(cartId: string): Promise<IntervalLine[] | null> {
    // One query, no totals: the interval check runs on every payment-session update.
    const items: any[] = await this.container.lineItemRepository.find({
      where: { cart_id: cartId },
      select: PAYMENT_CART_SELECT.items,
      relations: { variant: { product: true } },
      order: { created_at: "ASC" },
    })
    return items.map(toIntervalLine)
  }

  async chargeWasReleased(chargeId: string): Promise<boolean> {
    // Medusa sets canceled_at only after cancelPayment succeeded, which released the charge at the gateway.
    const rows = await this.container.manager.query(`SELECT 1 FROM "payment" WHERE "data"->>'charge_id' = $1 AND "canceled_at" IS NOT NULL LIMIT 1`, [chargeId])
    return rows.length > 0
  }

  /** One payment session and its cart (without totals), in one query. */
  private async sessionAndCart(where: Record<string, string>): Promise<{ session: CheckoutSession; cart: PaymentCart | null } | null> {
    // find, not findOne: with a to-many join (the items) findOne takes two queries (ids first, then rows).
    const [session]: any[] = await this.container.paymentSessionRepository.find({
      where,
      select: SESSION_WITH_CART_SELECT,
      relations: { cart: PAYMENT_CART_RELATIONS },
      order: { cart: { items: { created_at: "ASC" } } },
    })
    return session ? { session: toSession(session), cart: session.cart ? toPaymentCart(session.cart) : null } : null
  }

  async rememberGatewayCustomer(customerId: string, gatewayCustomerId: number): Promise<void> {
    await new MedusaCustomerLinks(() => this.container.customerService, () => this.container.manager).rememberGatewayCustomer(customerId, gatewayCustomerId)
  }
}

/** What a card payment reads of a cart: {@link PaymentCart}. */
const PAYMENT_CART_RELATIONS = { billing_address: true, shipping_address: true, customer: true, items: { variant: { product: true } } } as const

/**
 * Only the columns a {@link PaymentCart} is made of (ids for TypeORM to put
 * the rows together): the cart, its lines, their variants and products are
 * wide rows, and a checkout reads them at card entry and again at
 * authorization. The addresses are read whole (the gateway takes them).
 */
const PAYMENT_CART_SELECT = {
  id: true,
  email: true,
  billing_address: true,
  shipping_address: true,
  customer: { id: true, email: true, has_account: true, metadata: true },
  items: { id: true, title: true, created_at: true, variant: { id: true, metadata: true, product: { id: true, metadata: true } } },
} as const

/** A payment session's columns a {@link CheckoutSession} is made of, with its cart's. */
const SESSION_WITH_CART_SELECT = { id: true, cart_id: true, provider_id: true, amount: true, data: true, cart: PAYMENT_CART_SELECT } as const

function toPaymentCart(cart: any): PaymentCart {
  return {
    id: cart.id,
    email: cart.email ?? null,
    billing_address: cart.billing_address ?? null,
    shipping_address: cart.shipping_address ?? null,
    customer: toCustomer(cart.customer),
    items: (cart.items ?? []).map(toIntervalLine),
  }
}

function toCustomer(c: any): CheckoutCustomer | null {
  return c ? { id: c.id, email: c.email, has_account: !!c.has_account, metadata: c.metadata ?? null } : null
}

function toIntervalLine(item: any): IntervalLine {
  return { title: item.title, variant_metadata: item.variant?.metadata ?? null, product_metadata: item.variant?.product?.metadata ?? null }
}

function toSession(s: any): CheckoutSession {
  return { id: s.id, cart_id: s.cart_id ?? null, amount: s.amount, data: s.data ?? {} }
}
