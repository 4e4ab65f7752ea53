import {
  AbstractPaymentProcessor,
  PaymentProcessorContext,
  PaymentProcessorError,
  PaymentProcessorSessionResponse,
  PaymentSessionStatus,
} from "@medusajs/medusa"
import { CardRetrieveResponse, InstantMerchantClient, InvalidRequestError, PaymentMode } from "../core/client"
import { CardInput, gatewayCardFields, lastFour, NewCardInput, parseCardInput, SavedCardInput } from "../core/card/card-input"
import { InputError } from "../core/input-error"
import { BillingInterval } from "../core/subscription/billing-interval"
import { intervalOfCart } from "../core/subscription/cart-interval"
import { assertChargeAmount, assertGatewayCurrency, assertRefundAmount } from "../core/money/amount"
import { GatewayAddress, gatewayAddressFrom } from "../core/payment/gateway-address"
import { gatewayCustomerRequest } from "../core/payment/gateway-customer-request"
import { AUTHORIZATION_LIFETIME_MS, authorizationKey, chargeClearedForMerge, isDeadAuthorization, withoutCharge } from "../core/payment/dead-authorization"
import { paymentStatusOf } from "../core/payment/payment-status"
import { InstantMerchantSessionData, refundableAmount, toSessionData } from "../core/payment/session-data"
import { buildError, processorError } from "./build-error"
import { gatewayClientFor } from "./gateway-client"
import { CheckoutCart, CheckoutLookup, CheckoutSession, GATEWAY_CUSTOMER_METADATA_KEY } from "./checkout-lookup"
import { MedusaCheckoutLookup } from "./medusa-checkout-lookup"
import { requestCustomerId } from "./request-customer"
import { ResolvedPluginOptions, resolvePluginOptions } from "./plugin-options"

type Logger = { info(m: string): void; warn(m: string): void; error(m: string): void; debug?(m: string): void }

/** Everything a charge needs, gathered by authorizePayment. */
export interface ChargeRequest {
  cart: CheckoutCart
  session: CheckoutSession
  data: InstantMerchantSessionData
  /** Medusa's amount for the session, in cents. */
  amount: number
  billing: GatewayAddress
  email: string
  payment_mode: PaymentMode
  idempotencyKey: string
  /** Set when the cart holds subscription items: the charge opens a subscription. */
  interval?: BillingInterval
}

/** What a charge adds to the session data. */
export type ChargeOutcome = Pick<InstantMerchantSessionData, "charge_id" | "invoice_num" | "subscription_id" | "interval" | "expiry_date">

/** Lets tests (and other hosts) hand in the lookup and client instead of Medusa's container. */
export interface InstantMerchantDependencies {
  lookup?: CheckoutLookup
  client?: InstantMerchantClient
  logger?: Logger
}

/**
 * All the logic of the InstantMerchant processors. Each identifier is a small
 * subclass that only sets `static identifier`, as in Medusa's Stripe plugin.
 *
 * Every value handed back to Medusa goes through `toSessionData`, so no card
 * number, CVC or secret can reach the session data, the database or the
 * storefront.
 */
export abstract class InstantMerchantBase extends AbstractPaymentProcessor {
  protected readonly options: ResolvedPluginOptions
  protected readonly client: InstantMerchantClient
  protected readonly lookup: CheckoutLookup
  protected readonly logger: Logger

  protected constructor(container: Record<string, unknown>, options: unknown, deps: InstantMerchantDependencies = {}) {
    super(container, options as Record<string, unknown>)
    this.options = resolvePluginOptions(options)
    this.client = deps.client ?? gatewayClientFor(this.options)
    this.lookup = deps.lookup ?? new MedusaCheckoutLookup(container)
    this.logger = deps.logger ?? ((container as { logger?: Logger }).logger ?? console)
  }

  /** The identifier of the concrete processor: `instantmerchant`, ... */
  protected get providerId(): string {
    return (this.constructor as unknown as { identifier: string }).identifier
  }

  // ---- session lifecycle -------------------------------------------------

  /** Checks currency and amount; calls nothing on the gateway. */
  async initiatePayment(context: PaymentProcessorContext): Promise<PaymentProcessorError | PaymentProcessorSessionResponse> {
    try {
      const currency_code = assertGatewayCurrency(context.currency_code)
      const amount = assertChargeAmount(context.amount)
      await this.checkCartIntervals(context.resource_id)
      const linked = context.customer?.metadata?.[GATEWAY_CUSTOMER_METADATA_KEY]
      const instantmerchant_customer_id = context.customer?.has_account && Number.isSafeInteger(linked) ? (linked as number) : undefined
      return { session_data: { ...toSessionData({ amount, currency_code, instantmerchant_customer_id }) } }
    } catch (e) {
      return buildError(e, "payment setup")
    }
  }

  /** Keeps amount and currency in step with the cart; starts over when the customer changed. */
  async updatePayment(context: PaymentProcessorContext): Promise<PaymentProcessorError | PaymentProcessorSessionResponse | void> {
    try {
      const amount = assertChargeAmount(context.amount)
      const currency_code = assertGatewayCurrency(context.currency_code)
      await this.checkCartIntervals(context.resource_id)
      const data = await this.withLiveCharge(toSessionData(context.paymentSessionData ?? {}))
      if (data.charge_id) {
        if (data.amount === amount) return
        return processorError(
          "This payment is already authorized for another amount",
          "already_authorized",
          `Charge ${data.charge_id} was authorized for ${data.amount} cents; cancel it before changing the cart.`
        )
      }
      const linked = context.customer?.has_account ? context.customer.metadata?.[GATEWAY_CUSTOMER_METADATA_KEY] : undefined
      if (data.card_saved && linked !== data.instantmerchant_customer_id) {
        // The cart's customer changed (another sign-in, or a sign-out): a saved card belongs to the account it was saved on.
        return this.initiatePayment(context)
      }
      return { session_data: { ...toSessionData({ ...data, amount, currency_code }) } }
    } catch (e) {
      return buildError(e, "payment update")
    }
  }

  /**
   * Where the storefront sends the card. The card is checked locally, stored
   * with the gateway (card create) and forgotten: only `card_id`, the last 4
   * and the expiry come back.
   */
  async updatePaymentData(sessionId: string, data: Record<string, unknown>): Promise<PaymentProcessorError | PaymentProcessorSessionResponse["session_data"]> {
    try {
      const input = parseCardInput(data)
      const session = await this.lookup.session(sessionId)
      if (!session) throw new InputError("payment_session", `no payment session ${sessionId}`)
      const stale = toSessionData(session.data)
      const current = await this.withLiveCharge(stale)
      if (current.charge_id) {
        return processorError("This payment is already authorized", "already_authorized", "Cancel it before entering another card.")
      }
      const cart = session.cart_id ? await this.lookup.cart(session.cart_id) : null
      if (!cart) throw new InputError("cart", "the payment session has no cart")
      const accountField = input.kind === "saved" ? "card_id" : input.save_card ? "save_card" : input.is_default ? "is_default" : undefined
      if (accountField) assertSignedInAsCartCustomer(cart, accountField)
      const stored = input.kind === "saved" ? await this.useSavedCard(input, cart) : await this.storeNewCard(input, cart, session.id, current)
      // Medusa merges this answer into the stored data: a dead charge is cleared with nulls.
      const cleared = stale.charge_id ? chargeClearedForMerge(stale) : {}
      return { ...cleared, ...toSessionData({ ...stored, charge_failed: false }) }
    } catch (e) {
      return this.fail(e, "card entry")
    }
  }

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
      const [cart, session] = await Promise.all([this.lookup.cart(cartId), this.lookup.sessionOfCart(cartId, this.providerId)])
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
      if (isConflict(e, "charge_already_captured")) return { ...toSessionData({ ...data, captured: true }) }
      if (isConflict(e, "authorization_expired")) {
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

  // ---- helpers -------------------------------------------------------------

  /**
   * Refuses, at payment-session time, a cart that cannot be charged as one
   * subscription (mixed intervals, or subscription and one-time items), so
   * that the shopper learns it before entering a card.
   */
  private async checkCartIntervals(cartId: string | undefined): Promise<void> {
    if (!cartId) return
    const lines = this.lookup.cartLines ? await this.lookup.cartLines(cartId) : (await this.lookup.cart(cartId))?.items
    if (lines) intervalOfCart(lines, this.options.subscription_allow_mixed_cart)
  }

  /**
   * The data, without its charge when that charge can no longer pay (released,
   * expired, or its Medusa payment canceled): a dead authorization is never
   * answered as AUTHORIZED again, and the next attempt charges anew.
   */
  private async withLiveCharge(data: InstantMerchantSessionData): Promise<InstantMerchantSessionData> {
    if (!data.charge_id || data.captured) return data
    const releasedElsewhere = !data.released && (await this.lookup.chargeWasReleased(data.charge_id))
    return isDeadAuthorization(data, new Date(), releasedElsewhere) ? withoutCharge(data) : data
  }

  private async release(data: InstantMerchantSessionData, operation: string): Promise<PaymentProcessorError | PaymentProcessorSessionResponse["session_data"]> {
    if (!data.charge_id || data.captured || data.released) return { ...data }
    try {
      await this.refundCharge(data, undefined, `im_release_${data.charge_id}`)
    } catch (e) {
      // Already released, or expired (the gateway then counts it as refunded): the money is free either way.
      if (!isConflict(e, "charge_already_refunded") && !isConflict(e, "authorization_expired")) return this.fail(e, operation)
    }
    return { ...toSessionData({ ...data, released: true }) }
  }

  private async useSavedCard(input: SavedCardInput, cart: CheckoutCart): Promise<Partial<InstantMerchantSessionData>> {
    const customer = cart.customer
    const gatewayCustomer = customer?.has_account ? customer.metadata?.[GATEWAY_CUSTOMER_METADATA_KEY] : undefined
    if (!customer?.has_account || !Number.isSafeInteger(gatewayCustomer)) {
      throw new InputError("card_id", "saved cards are only for signed-in customers who saved a card before")
    }
    let listed: CardRetrieveResponse
    try {
      listed = await this.client.cards.retrieve({ customer: gatewayCustomer as number, card_id: input.card_id })
    } catch (e) {
      if (e instanceof InvalidRequestError && e.statusCode === 404) throw new InputError("card_id", "is not one of your saved cards")
      throw e
    }
    const card = listed.data.find((c) => c.card_id === input.card_id)
    if (!card) throw new InputError("card_id", "is not one of your saved cards")
    const [month, year] = card.cc_valid_thru.split("/").map(Number)
    return {
      instantmerchant_customer_id: gatewayCustomer as number,
      card_saved: true,
      card_id: card.card_id,
      card_last_4: card.cc_last_4,
      card_exp_month: month,
      card_exp_year: year,
    }
  }

  private async storeNewCard(
    input: NewCardInput,
    cart: CheckoutCart,
    sessionId: string,
    current: InstantMerchantSessionData
  ): Promise<Partial<InstantMerchantSessionData>> {
    // Only a signed-in customer can come back for a saved card.
    const save = !!cart.customer?.has_account && (input.save_card || input.is_default)
    const customerId = save ? await this.accountCustomerFor(cart) : await this.sessionCustomerFor(cart, sessionId, current)
    const card = await this.client.cards.create({ customer: customerId, ...gatewayCardFields(input, { save_card: save, is_default: save && input.is_default }) })
    return {
      instantmerchant_customer_id: customerId,
      card_saved: save,
      card_id: card.card_id,
      card_last_4: card.card_last_4 || lastFour(input.card_number),
      card_exp_month: input.exp_month,
      card_exp_year: input.exp_year,
    }
  }

  /**
   * The gateway customer of a signed-in Medusa customer, whose stored cards
   * are their saved cards. Made on first need and kept in the customer's
   * metadata.
   */
  private async accountCustomerFor(cart: CheckoutCart): Promise<number> {
    const customer = cart.customer!
    const linked = customer.metadata?.[GATEWAY_CUSTOMER_METADATA_KEY]
    if (Number.isSafeInteger(linked)) return linked as number
    const id = await this.createGatewayCustomer(cart, customer.id)
    await this.lookup.rememberGatewayCustomer(customer.id, id)
    return id
  }

  /**
   * A gateway customer for this payment session only. The gateway stores
   * every card on a customer (card create), and a card stored on the
   * account's customer would show up among its saved cards; so a guest's
   * card, or a card the shopper chose not to save, goes on a customer of its own.
   */
  private async sessionCustomerFor(cart: CheckoutCart, sessionId: string, current: InstantMerchantSessionData): Promise<number> {
    const linked = cart.customer?.has_account ? cart.customer.metadata?.[GATEWAY_CUSTOMER_METADATA_KEY] : undefined
    if (current.instantmerchant_customer_id !== undefined && current.instantmerchant_customer_id !== linked) {
      return current.instantmerchant_customer_id
    }
    return this.createGatewayCustomer(cart, sessionId)
  }

  /**
   * Card create needs a gateway customer, made here from the cart's email and
   * billing address (see gatewayCustomerRequest for the username and key).
   */
  private async createGatewayCustomer(cart: CheckoutCart, owner: string): Promise<number> {
    const address = gatewayAddressFrom(cart.billing_address ?? cart.shipping_address)
    const email = cart.email ?? cart.customer?.email
    if (!email) throw new InputError("email", "the cart needs an email before a card can be stored")
    const { params, idempotencyKey } = gatewayCustomerRequest(owner, address, email)
    const created = await this.client.customers.create(params, { idempotencyKey })
    return created.customer_id
  }

  /** Logs what an admin needs (never card data: errors hold none) and builds Medusa's error. */
  private fail(e: unknown, operation: string): PaymentProcessorError {
    const error = buildError(e, operation)
    const log = `InstantMerchant ${operation} failed: ${error.code}: ${error.error}${e instanceof Error && "requestId" in e && e.requestId ? ` (request ${String(e.requestId)})` : ""}`
    if (error.code === "internal_error" || error.code === "maybe_processed") this.logger.error(log)
    else this.logger.warn(log)
    return error
  }
}

/**
 * A saved card belongs to an account: only a request signed in as the cart's
 * customer may pay with one or save one. The cart's customer alone proves
 * nothing, since Medusa v1 lets anyone set `customer_id` on a cart.
 */
function assertSignedInAsCartCustomer(cart: CheckoutCart, field: string): void {
  const signedIn = requestCustomerId()
  if (!signedIn) {
    throw new InputError(field, `saved cards are only for signed-in customers: sign in${field === "card_id" ? "" : `, or send ${field}: false`}`)
  }
  if (cart.customer?.id !== signedIn) throw new InputError(field, "this cart belongs to another customer than the one signed in")
}

function isConflict(e: unknown, code: string): boolean {
  return e instanceof InvalidRequestError && e.code === code
}

export type { CardInput }
