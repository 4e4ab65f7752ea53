import { AbstractPaymentProcessor, PaymentProcessorContext, PaymentProcessorError, PaymentProcessorSessionResponse } from "@medusajs/medusa"
import { InstantMerchantClient, PaymentMode } from "../client"
import { Logger, loggerOf } from "../config/cradle"
import { gatewayClientFor } from "../config/gateway-client"
import { ResolvedPluginOptions, resolvePluginOptions } from "../config/plugin-options"
import { GatewayAddress } from "../customers/gateway-address"
import { GatewayCustomers } from "../customers/gateway-customers"
import { parseCardInput } from "../rules/card/card-input"
import { InputError } from "../rules/input/input-error"
import { assertChargeAmount, assertGatewayCurrency } from "../rules/money/amount"
import { chargeClearedForMerge, isDeadAuthorization, withoutCharge } from "../rules/session/dead-authorization"
import { InstantMerchantSessionData, toSessionData } from "../rules/session/session-data"
import { BillingInterval } from "../rules/subscription/billing-interval"
import { intervalOfCart } from "../rules/subscription/cart-interval"
import { buildError, processorError } from "./build-error"
import { accountLink, CardEntry } from "./card-entry"
import { CheckoutLookup, CheckoutSession, PaymentCart } from "./checkout-lookup"
import { MedusaCheckoutLookup } from "./medusa-checkout-lookup"

/** Everything a charge needs, gathered by authorizePayment. */
export interface ChargeRequest {
  /** Without totals, unless the processor's {@link InstantMerchantBase.chargeParts} reads them. */
  cart: PaymentCart
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
 * The checkout half of the InstantMerchant processors: a payment session's
 * life before money moves (setup, cart changes, card entry), and what every
 * step shares (options, client, lookup, logger, the error log). The money
 * half, and the processors Medusa loads, build on it (see card-processor.ts).
 *
 * Every value handed back to Medusa goes through `toSessionData`, so no card
 * number, CVC or secret can reach the session data, the database or the
 * storefront.
 */
export abstract class CardSessions extends AbstractPaymentProcessor {
  protected readonly options: ResolvedPluginOptions
  protected readonly client: InstantMerchantClient
  protected readonly lookup: CheckoutLookup
  protected readonly logger: Logger
  private readonly cardEntry: CardEntry

  protected constructor(container: Record<string, unknown>, options: unknown, deps: InstantMerchantDependencies = {}) {
    super(container, options as Record<string, unknown>)
    this.options = resolvePluginOptions(options)
    this.client = deps.client ?? gatewayClientFor(this.options)
    this.lookup = deps.lookup ?? new MedusaCheckoutLookup(container)
    this.logger = deps.logger ?? loggerOf(container)
    this.cardEntry = new CardEntry(new GatewayCustomers(this.client, this.lookup))
  }

  /** The identifier of the concrete processor: `instantmerchant`, ... */
  protected get providerId(): string {
    return (this.constructor as unknown as { identifier: string }).identifier
  }


  /** Checks currency and amount; calls nothing on the gateway. */
  async initiatePayment(context: PaymentProcessorContext): Promise<PaymentProcessorError | PaymentProcessorSessionResponse> {
    try {
      const currency_code = assertGatewayCurrency(context.currency_code)
      const amount = assertChargeAmount(context.amount)
      await this.checkCartIntervals(context.resource_id)
      const instantmerchant_customer_id = accountLink(context.customer)
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
      if (data.card_saved && accountLink(context.customer) !== data.instantmerchant_customer_id) {
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
      // One read: the session with its cart, without totals (card entry needs the shopper, the email and the addresses).
      const found = await this.lookup.sessionWithCart(sessionId)
      if (!found) throw new InputError("payment_session", `no payment session ${sessionId}`)
      const { session, cart } = found
      const stale = toSessionData(session.data)
      const current = await this.withLiveCharge(stale)
      if (current.charge_id) {
        return processorError("This payment is already authorized", "already_authorized", "Cancel it before entering another card.")
      }
      if (!cart) throw new InputError("cart", "the payment session has no cart")
      const stored = await this.cardEntry.enter(input, cart, session.id, current)
      // Medusa merges this answer into the stored data: a dead charge is cleared with nulls.
      const cleared = stale.charge_id ? chargeClearedForMerge(stale) : {}
      return { ...cleared, ...toSessionData({ ...stored, charge_failed: false }) }
    } catch (e) {
      return this.fail(e, "card entry")
    }
  }

  // ---- helpers -------------------------------------------------------------

  /**
   * Refuses, at payment-session time, a cart that cannot be charged as one
   * subscription (mixed intervals, or subscription and one-time items), so
   * that the shopper learns it before entering a card.
   */
  protected async checkCartIntervals(cartId: string | undefined): Promise<void> {
    if (!cartId) return
    // The lines with their metadata only (one query), not the whole cart with totals, on every session update.
    const lines = this.lookup.cartLines ? await this.lookup.cartLines(cartId) : (await this.lookup.cart(cartId))?.items
    if (lines) intervalOfCart(lines, this.options.subscription_allow_mixed_cart)
  }

  /**
   * The data, without its charge when that charge can no longer pay (released,
   * expired, or its Medusa payment canceled): a dead authorization is never
   * answered as AUTHORIZED again, and the next attempt charges anew.
   */
  protected async withLiveCharge(data: InstantMerchantSessionData): Promise<InstantMerchantSessionData> {
    if (!data.charge_id || data.captured) return data
    const releasedElsewhere = !data.released && (await this.lookup.chargeWasReleased(data.charge_id))
    return isDeadAuthorization(data, new Date(), releasedElsewhere) ? withoutCharge(data) : data
  }

  /** Logs what an admin needs (never card data: errors hold none) and builds Medusa's error. */
  protected fail(e: unknown, operation: string): PaymentProcessorError {
    const error = buildError(e, operation)
    const log = `InstantMerchant ${operation} failed: ${error.code}: ${error.error}${e instanceof Error && "requestId" in e && e.requestId ? ` (request ${String(e.requestId)})` : ""}`
    if (error.code === "internal_error" || error.code === "maybe_processed") this.logger.error(log)
    else this.logger.warn(log)
    return error
  }
}

