import { PaymentProcessorError, PaymentProcessorSessionResponse, PaymentSessionStatus } from "@medusajs/medusa"
import { isRefusal, PaymentMode } from "../client"
import { InputError } from "../rules/input/input-error"
import { intervalOfCart } from "../rules/subscription/cart-interval"
import { assertChargeAmount, assertRefundAmount } from "../rules/money/amount"
import { gatewayAddressFrom } from "../customers/gateway-address"
import { AUTHORIZATION_LIFETIME_MS, authorizationKey } from "../rules/session/dead-authorization"
import { paymentStatusOf } from "../rules/session/payment-status"
import { InstantMerchantSessionData, refundableAmount, toSessionData } from "../rules/session/session-data"
import { processorError } from "./build-error"
import { CardSessions, ChargeOutcome, ChargeRequest } from "./card-sessions"
import type { CheckoutSession, PaymentCart } from "./checkout-lookup"

export type { ChargeOutcome, ChargeRequest, InstantMerchantDependencies } from "./card-sessions"

/**
 * The money half of the InstantMerchant processors (authorize, capture,
 * refund, release) on top of the checkout half, CardSessions. Each identifier is a small
 * subclass that only sets `static identifier`, as in Medusa's Stripe plugin.
 *
 * Every value handed back to Medusa goes through `toSessionData`, so no card
 * number, CVC or secret can reach the session data, the database or the
 * storefront.
 */
export abstract class InstantMerchantBase extends CardSessions {
  // ---- money -------------------------------------------------------------

  /** Charges the stored card once, for the session amount. */
  async authorizePayment(
    paymentSessionData: Record<string, unknown>,
    context: Record<string, unknown>
  ): Promise<PaymentProcessorError | { status: PaymentSessionStatus; data: PaymentProcessorSessionResponse["session_data"] }> {
    let data = toSessionData(paymentSessionData)
    try {
      data = await this.withLiveCharge(data)
      if (data.charge_id) return { status: PaymentSessionStatus.AUTHORIZED, data: { ...data } }
      if (!data.card_id) throw new InputError("card", "no card was entered for this payment")
      const cartId = typeof context?.cart_id === "string" ? context.cart_id : undefined
      if (!cartId) throw new InputError("cart_id", "the authorization context names no cart")
      const { cart, session } = (await this.chargeParts(cartId)) ?? { cart: null, session: null }
      if (!cart || !session) throw new InputError("cart_id", `no ${this.providerId} payment session for cart ${cartId}`)
      // Charge what Medusa computed for the session, not what a storefront may have sent.
      const amount = assertChargeAmount(session.amount)
      const billing = gatewayAddressFrom(cart.billing_address ?? cart.shipping_address)
      const interval = intervalOfCart(cart.items, this.options.subscription_allow_mixed_cart)
      const payment_mode: PaymentMode = this.options.capture ? "auth_and_capture" : "auth_only"
      const charge = await this.createCharge({
        cart,
        session,
        data,
        amount,
        billing,
        email: cart.email ?? cart.customer?.email ?? "",
        payment_mode,
        interval,
        // One charge per session, card, amount and attempt: re-running after a timeout replays it.
        idempotencyKey: authorizationKey({ sessionId: session.id, cardId: data.card_id, amount, payment_mode, interval, attempt: data.authorization_attempt }),
      })
      const now = Date.now()
      const authorized = toSessionData({
        ...data,
        amount,
        ...charge,
        payment_mode,
        captured: payment_mode === "auth_and_capture",
        authorization_expires_at: payment_mode === "auth_only" ? new Date(now + AUTHORIZATION_LIFETIME_MS).toISOString() : undefined,
        charge_failed: false,
        amount_refunded: 0,
        refunds: [],
      })
      return { status: PaymentSessionStatus.AUTHORIZED, data: { ...authorized } }
    } catch (e) {
      return this.fail(e, "authorization")
    }
  }

  /** Captures the authorization. Already captured is success, as shops hit that case in real life. */
  async capturePayment(paymentSessionData: Record<string, unknown>): Promise<PaymentProcessorError | PaymentProcessorSessionResponse["session_data"]> {
    const data = toSessionData(paymentSessionData)
    if (!data.charge_id) return processorError("There is no charge to capture", "no_charge", "The payment was never authorized.")
    if (data.captured) return { ...data }
    try {
      await this.captureCharge(data, `im_capture_${data.charge_id}`)
    } catch (e) {
      if (isRefusal(e, "charge_already_captured")) return { ...toSessionData({ ...data, captured: true }) }
      if (isRefusal(e, "authorization_expired")) {
        const expired = processorError(
          `The authorization of ${data.charge_id} expired${data.authorization_expires_at ? ` on ${data.authorization_expires_at}` : ""} and can no longer be captured`,
          "authorization_expired",
          "Uncaptured charges expire after 7 days; ask the customer to pay again."
        )
        // Medusa's admin shows a failed capture only as "requires action": the log says why.
        this.logger.warn(`InstantMerchant capture failed: ${expired.code}: ${expired.error}`)
        return expired
      }
      return this.fail(e, "capture")
    }
    return { ...toSessionData({ ...data, captured: true }) }
  }

  /** Refunds part or all of what is left. More than is left is refused before the gateway is called. */
  async refundPayment(paymentSessionData: Record<string, unknown>, refundAmount: number): Promise<PaymentProcessorError | PaymentProcessorSessionResponse["session_data"]> {
    const data = toSessionData(paymentSessionData)
    try {
      if (!data.charge_id) throw new InputError("charge_id", "this payment has no charge to refund")
      if (!data.captured) throw new InputError("amount", "the charge is not captured yet: cancel the order to release the authorization")
      const amountRefunded = data.amount_refunded ?? 0
      const amount = assertRefundAmount(refundAmount, refundableAmount(data))
      // The refunded total is part of the key: a re-run of this same refund replays it, the next one is new.
      const refund = await this.refundCharge(data, amount, `im_refund_${data.charge_id}_${amountRefunded}_${amount}`)
      const refunds = [...(data.refunds ?? []), { refund_id: refund.refund_id, amount, created_at: new Date().toISOString() }]
      return { ...toSessionData({ ...data, amount_refunded: amountRefunded + amount, refunds }) }
    } catch (e) {
      return this.fail(e, "refund")
    }
  }

  /** Releases an uncaptured authorization by refunding it in full; a captured charge is left alone (refunds are explicit). */
  async cancelPayment(paymentSessionData: Record<string, unknown>): Promise<PaymentProcessorError | PaymentProcessorSessionResponse["session_data"]> {
    return this.release(toSessionData(paymentSessionData), "cancellation")
  }

  /** Releases an authorization that never became an order payment. */
  async deletePayment(paymentSessionData: Record<string, unknown>): Promise<PaymentProcessorError | PaymentProcessorSessionResponse["session_data"]> {
    return this.release(toSessionData(paymentSessionData), "deletion")
  }

  async getPaymentStatus(paymentSessionData: Record<string, unknown>): Promise<PaymentSessionStatus> {
    return paymentStatusOf(toSessionData(paymentSessionData)) as PaymentSessionStatus
  }

  /** The gateway has no charge lookup, so the data is the record. */
  async retrievePayment(paymentSessionData: Record<string, unknown>): Promise<PaymentProcessorError | PaymentProcessorSessionResponse["session_data"]> {
    return { ...toSessionData(paymentSessionData) }
  }

  // ---- gateway calls a subclass may route elsewhere (the invoice provider) ----

  /**
   * The session a charge is for and the cart it is made from. A card charge
   * needs no totals (its amount is the session's), so it reads both in one
   * query, the cart without them.
   */
  protected chargeParts(cartId: string): Promise<{ cart: PaymentCart | null; session: CheckoutSession } | null> {
    return this.lookup.cartWithSession(cartId, this.providerId)
  }

  /** Charges the session's card. The card processor uses the direct charge endpoint. */
  protected async createCharge(request: ChargeRequest): Promise<ChargeOutcome> {
    const charge = await this.client.charges.create(
      {
        ...request.billing,
        email: request.email,
        description: `Medusa cart ${request.cart.id}`,
        amount: request.amount,
        currency: "usd",
        payment_mode: request.payment_mode,
        card_id: request.data.card_id!,
        send_email: this.options.send_email ? 1 : 0,
        ...(request.interval ? { payment_type: "recurring" as const, interval: request.interval } : {}),
      },
      { idempotencyKey: request.idempotencyKey }
    )
    return request.interval
      ? { charge_id: charge.charge_id, subscription_id: charge.subscription_id, interval: request.interval, expiry_date: charge.expiry_date }
      : { charge_id: charge.charge_id }
  }

  /** Captures the charge. */
  protected async captureCharge(data: InstantMerchantSessionData, idempotencyKey: string): Promise<void> {
    await this.client.charges.capture({ charge_id: data.charge_id! }, { idempotencyKey })
  }

  /** Refunds `amount` of the charge, or all that is left (which releases an uncaptured one). */
  protected async refundCharge(data: InstantMerchantSessionData, amount: number | undefined, idempotencyKey: string): Promise<{ refund_id: string }> {
    return this.client.charges.refund({ charge_id: data.charge_id!, amount }, { idempotencyKey })
  }

  private async release(data: InstantMerchantSessionData, operation: string): Promise<PaymentProcessorError | PaymentProcessorSessionResponse["session_data"]> {
    if (!data.charge_id || data.captured || data.released) return { ...data }
    try {
      await this.refundCharge(data, undefined, `im_release_${data.charge_id}`)
    } catch (e) {
      // Already released, or expired (the gateway then counts it as refunded): the money is free either way.
      if (!isRefusal(e, "charge_already_refunded", "authorization_expired")) return this.fail(e, operation)
    }
    return { ...toSessionData({ ...data, released: true }) }
  }
}

export type { CardInput } from "../rules/card/card-input"
