import type { IntervalLine } from "../rules/subscription/cart-interval"
import { AddressLike } from "../customers/gateway-address"
import type { GatewayCustomerLinks } from "../customers/customer-link"

/** A payment session, as far as this plugin reads it. */
export interface CheckoutSession {
  id: string
  cart_id: string | null
  amount: number
  data: Record<string, unknown>
}

export interface CheckoutCustomer {
  id: string
  email: string
  /** True for a registered (signed-in) customer; Medusa also makes customers for guest emails. */
  has_account: boolean
  metadata: Record<string, unknown> | null
}

/** A cart line, with Medusa's computed totals (integers, cents). */
export interface CheckoutLineItem {
  id: string
  title: string
  quantity: number
  /** unit price × quantity, before discounts and tax */
  subtotal: number
  discount_total: number
  tax_total: number
  total: number
  variant_id: string | null
  variant_metadata: Record<string, unknown> | null
  product_metadata: Record<string, unknown> | null
}

/**
 * A cart as a card payment reads it: who pays, from where, for what lines.
 * No totals: Medusa computes those (a tax calculation and about ten queries
 * each time), and a card charge takes its amount from the payment session.
 */
export interface PaymentCart {
  id: string
  email: string | null
  billing_address: AddressLike | null
  shipping_address: AddressLike | null
  customer: CheckoutCustomer | null
  items: IntervalLine[]
}

/** The whole cart with Medusa's totals: what an invoice is itemized from. */
export interface CheckoutCart extends PaymentCart {
  items: CheckoutLineItem[]
  /** Medusa's cart totals, in cents. */
  subtotal: number
  discount_total: number
  shipping_total: number
  tax_total: number
  gift_card_total: number
  total: number
}

/**
 * What the processor needs to read from and write to Medusa's store. Medusa
 * hands `updatePaymentData` only a session id and `authorizePayment` only the
 * session data, so the processor looks the rest up through this port.
 */
export interface CheckoutLookup extends GatewayCustomerLinks {
  /** A payment session and its cart (without totals), read together: card entry's one read. */
  sessionWithCart(sessionId: string): Promise<{ session: CheckoutSession; cart: PaymentCart | null } | null>
  sessionOfCart(cartId: string, providerId: string): Promise<CheckoutSession | null>
  /** The cart's session of this provider and the cart (without totals), read together: a card charge's one read. */
  cartWithSession(cartId: string, providerId: string): Promise<{ session: CheckoutSession; cart: PaymentCart | null } | null>
  /** The cart with its totals (see {@link PaymentCart} for what that costs). */
  cart(cartId: string): Promise<CheckoutCart | null>
  /**
   * The cart's lines with their variant's and product's metadata only: what
   * the subscription interval check reads. Without it the processor reads
   * the whole cart (with totals, which cost a tax calculation) instead.
   */
  cartLines?(cartId: string): Promise<IntervalLine[] | null>
  /**
   * Whether Medusa canceled a payment on this charge (the processor released
   * it then). The session that made the charge is not told.
   */
  chargeWasReleased(chargeId: string): Promise<boolean>
}
