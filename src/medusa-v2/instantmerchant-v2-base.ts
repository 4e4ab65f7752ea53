import type {
  AuthorizePaymentInput, AuthorizePaymentOutput, CancelPaymentInput, CancelPaymentOutput, CapturePaymentInput, CapturePaymentOutput, DeletePaymentInput,
  DeletePaymentOutput, GetPaymentStatusInput, GetPaymentStatusOutput, InitiatePaymentInput, InitiatePaymentOutput, RefundPaymentInput, RefundPaymentOutput,
  RetrievePaymentInput, RetrievePaymentOutput, UpdatePaymentInput, UpdatePaymentOutput, WebhookActionResult,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import { PaymentMode } from "../client"
import { InputError } from "../rules/input/input-error"
import { assertChargeAmount, assertGatewayCurrency, assertRefundAmount } from "../rules/money/amount"
import { majorToMinor } from "../rules/money/major-to-minor"
import { AUTHORIZATION_LIFETIME_MS, authorizationKey, isDeadAuthorization, withoutCharge } from "../rules/session/dead-authorization"
import { paymentStatusOf } from "../rules/session/payment-status"
import { refundableAmount } from "../rules/session/session-data"
import { enterCard } from "./card-entry"
import { ChargeOutcome, ChargeRequest } from "./charge-request"
import { isAlreadyDone } from "./medusa-error"
import { SavedCardsProvider } from "./saved-cards-provider"
import { answerData, toV2SessionData, V2SessionData } from "./session-data-v2"
import { readStorefrontData } from "./storefront-data"
import { sessionIdOf } from "./session-id"
import { isBillingInterval } from "../rules/subscription/billing-interval"

/**
 * All the logic of the InstantMerchant providers for Medusa 2.x. Each
 * provider is a small subclass that sets `static identifier` (and, for pay by
 * invoice, routes the three gateway calls elsewhere), as in Medusa's Stripe
 * provider. The rules (card, money, status, address, keys) are the core's,
 * shared with the v1 plugin.
 *
 * Every method takes one input object and throws a MedusaError on failure.
 * Every answer goes through `answerData`, so no card field reaches Medusa.
 */
export abstract class InstantMerchantV2Base extends SavedCardsProvider {
  // ---- session lifecycle -------------------------------------------------

  /**
   * Checks currency and amount, and, when the storefront sent a card, checks
   * it, stores it with the gateway (card create) and keeps only its id, last 4
   * and expiry. The amount arrives in major units (37.02) and is converted
   * exactly to cents.
   */
  async initiatePayment({ amount, currency_code, data, context }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    return this.run("payment setup", async () => {
      const currency = assertGatewayCurrency(currency_code)
      const cents = assertChargeAmount(majorToMinor(amount, currency_code))
      const sessionId = sessionIdOf(context, data)
      const entry = readStorefrontData(data, context?.customer)
      if (entry.interval && !this.opensSubscriptions()) {
        throw new InputError("interval", "pay by invoice does not open subscriptions on Medusa 2.x yet: pay for a subscription by card")
      }
      const stored = entry.card ? await enterCard(this.customers, entry.card, sessionId, this.gatewayCustomerOf(context), entry) : {}
      const session = toV2SessionData({ amount: cents, currency_code: currency, session_id: sessionId, email: entry.email, billing: entry.billing, interval: entry.interval, ...stored })
      return { id: sessionId, status: PaymentSessionStatus.PENDING, data: answerData(session) }
    })
  }

  /** Keeps the amount in step with the cart; an authorized charge is never silently re-priced. */
  async updatePayment({ amount, currency_code, data }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    return this.run("payment update", async () => {
      assertGatewayCurrency(currency_code)
      const cents = assertChargeAmount(majorToMinor(amount, currency_code))
      const current = this.live(toV2SessionData(data))
      if (current.charge_id && current.amount !== cents) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `This payment is already authorized for ${current.amount} cents (charge ${current.charge_id}); cancel it before changing the cart`,
          "already_authorized"
        )
      }
      const updated = { ...current, amount: cents }
      return { status: this.statusOf(updated), data: answerData(updated) }
    })
  }

  // ---- money -------------------------------------------------------------

  /** Charges the stored card once, for the session amount. A re-run replays the same charge (same key). */
  async authorizePayment({ data, context }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return this.run("authorization", async () => {
      const current = this.live(toV2SessionData(data))
      if (current.charge_id) return { status: this.statusOf(current), data: answerData(current) }
      const { card_id, billing, email } = current
      if (!card_id || !billing || !email) throw new InputError("card", "no card was entered for this payment")
      const session_id = current.session_id ?? sessionIdOf(context, data)
      const amount = assertChargeAmount(current.amount)
      const payment_mode: PaymentMode = this.options.capture ? "auth_and_capture" : "auth_only"
      const interval = isBillingInterval(current.interval) ? current.interval : undefined
      const charge = await this.createCharge({
        data: { ...current, card_id, billing, email, session_id },
        amount,
        payment_mode,
        interval,
        idempotencyKey: authorizationKey({ sessionId: session_id, cardId: card_id, amount, payment_mode, interval, attempt: current.authorization_attempt }),
      })
      const authorized: V2SessionData = {
        ...current,
        ...charge,
        session_id,
        payment_mode,
        captured: payment_mode === "auth_and_capture",
        authorization_expires_at: payment_mode === "auth_only" ? new Date(Date.now() + AUTHORIZATION_LIFETIME_MS).toISOString() : undefined,
        charge_failed: false,
        amount_refunded: 0,
        refunds: [],
      }
      return { status: this.statusOf(authorized), data: answerData(authorized) }
    })
  }

  /** Captures the whole authorization. Already captured is success, as shops hit that case in real life. */
  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return this.run("capture", async () => {
      const current = toV2SessionData(data)
      if (!current.charge_id) throw new InputError("charge_id", "this payment was never authorized: there is nothing to capture")
      if (current.captured) return { data: answerData(current) }
      try {
        await this.captureCharge(current, `im_capture_${current.charge_id}`)
      } catch (e) {
        if (isAlreadyDone(e, "authorization_expired")) {
          const message = `The authorization of ${current.charge_id} expired${current.authorization_expires_at ? ` on ${current.authorization_expires_at}` : ""} and can no longer be captured: uncaptured charges expire after 7 days; ask the customer to pay again`
          throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message, "authorization_expired")
        }
        if (!isAlreadyDone(e, "charge_already_captured")) throw e
      }
      return { data: answerData({ ...current, captured: true }) }
    })
  }

  /**
   * Refunds part or all of what is left; more is refused before the gateway
   * is called. The amount arrives in major units, as a BigNumber.
   *
   * The key is v1's: the charge, the refunded total so far and the amount.
   * Medusa's own key for a refund is the id of its refund record, which it
   * deletes when the provider call fails; a retry after a timeout would then
   * carry a new key and could refund twice. This key replays the first.
   */
  async refundPayment({ data, amount }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    return this.run("refund", async () => {
      const current = toV2SessionData(data)
      if (!current.charge_id) throw new InputError("charge_id", "this payment has no charge to refund")
      if (!current.captured) throw new InputError("amount", "the charge is not captured yet: cancel the order to release the authorization")
      const cents = assertRefundAmount(majorToMinor(amount, current.currency_code ?? "usd"), refundableAmount(current))
      const refunded = current.amount_refunded ?? 0
      const refund = await this.refundCharge(current, cents, `im_refund_${current.charge_id}_${refunded}_${cents}`)
      const refunds = [...(current.refunds ?? []), { refund_id: refund.refund_id, amount: cents, created_at: new Date().toISOString() }]
      return { data: answerData({ ...current, amount_refunded: refunded + cents, refunds }) }
    })
  }

  /** Releases an uncaptured authorization (a full refund of it); a captured charge is left alone, since refunds are explicit. */
  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return this.run("cancellation", () => this.release(toV2SessionData(data)))
  }

  /** Releases an authorization that never became an order's payment. */
  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return this.run("deletion", () => this.release(toV2SessionData(data)))
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const current = toV2SessionData(data)
    return { status: this.statusOf(current), data: answerData(current) }
  }

  /** The gateway has no charge lookup, so the data is the record. */
  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: answerData(toV2SessionData(data)) }
  }

  /** InstantMerchant sends no webhooks: every payment changes through a request this provider made. */
  async getWebhookActionAndData(): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }

  // ---- gateway calls a subclass may route elsewhere (the invoice provider) ----

  /** Charges the session's card with the direct charge endpoint. */
  protected async createCharge(request: ChargeRequest): Promise<ChargeOutcome> {
    const charge = await this.client.charges.create(
      {
        ...request.data.billing,
        email: request.data.email,
        description: `Medusa payment session ${request.data.session_id}`,
        amount: request.amount,
        currency: "usd",
        payment_mode: request.payment_mode,
        card_id: request.data.card_id,
        send_email: this.options.send_email ? 1 : 0,
        ...(request.interval ? { payment_type: "recurring" as const, interval: request.interval } : {}),
      },
      { idempotencyKey: request.idempotencyKey }
    )
    // The subscription's id and period end, which the plugin records when the order is placed (as v1 does).
    return request.interval
      ? { charge_id: charge.charge_id, subscription_id: charge.subscription_id, interval: request.interval, expiry_date: charge.expiry_date }
      : { charge_id: charge.charge_id }
  }

  /** Only the card provider opens subscriptions on 2.x; pay by invoice (a subclass) does not yet. */
  protected opensSubscriptions(): boolean {
    return (this.constructor as { identifier?: string }).identifier === "instantmerchant"
  }

  protected async captureCharge(data: V2SessionData, idempotencyKey: string): Promise<void> {
    await this.client.charges.capture({ charge_id: data.charge_id! }, { idempotencyKey })
  }

  /** Refunds `amount` of the charge, or all that is left (which releases an uncaptured one). */
  protected async refundCharge(data: V2SessionData, amount: number | undefined, idempotencyKey: string): Promise<{ refund_id: string }> {
    return this.client.charges.refund({ charge_id: data.charge_id!, amount }, { idempotencyKey })
  }

  // ---- helpers -------------------------------------------------------------

  /** Medusa's status: a captured charge is `captured` on 2.x, where the module records the capture itself. */
  protected statusOf(data: V2SessionData): PaymentSessionStatus {
    if (data.charge_id && data.captured && !data.released) return PaymentSessionStatus.CAPTURED
    return paymentStatusOf(data) as PaymentSessionStatus
  }

  /** The data without a charge that can no longer pay (released or expired): the next attempt charges anew, under a new key. */
  private live(data: V2SessionData): V2SessionData {
    return isDeadAuthorization(data, new Date()) ? (withoutCharge(data) as V2SessionData) : data
  }

  private async release(data: V2SessionData): Promise<{ data: Record<string, unknown> }> {
    if (!data.charge_id || data.captured || data.released) return { data: answerData(data) }
    try {
      await this.refundCharge(data, undefined, `im_release_${data.charge_id}`)
    } catch (e) {
      // Already released, or expired (the gateway then counts it as refunded): the money is free either way.
      if (!isAlreadyDone(e, "charge_already_refunded", "authorization_expired")) throw e
    }
    return { data: answerData({ ...data, released: true }) }
  }
}
