import { invalidParam, SandboxError, stateConflict, unknownResource } from "../sandbox-error"
import { type CardRecord, type ChargeRecord, type EnvironmentState, type PaymentMode, type RefundRecord } from "../store/state"

/** Reference: "Uncaptured charges expire in **7 days**." */
export const AUTHORIZATION_LIFETIME_SECONDS = 7 * 24 * 60 * 60

export type ChargeStatus = "authorized" | "captured" | "refunded" | "partially_refunded" | "released" | "expired"

export interface NewCharge {
  amount: number
  currency: string
  paymentMode: PaymentMode
  card: CardRecord
  customerId: number | null
  description: string
  invoiceNum?: number | null
  subscriptionId?: string | null
}

export function createCharge(env: EnvironmentState, input: NewCharge, now: number): ChargeRecord {
  const captured = input.paymentMode === "auth_and_capture"
  return env.charges.add({
    charge_id: env.charges.nextId(),
    amount: input.amount,
    currency: input.currency,
    payment_mode: input.paymentMode,
    state: captured ? "captured" : "authorized",
    amount_refunded: 0,
    card_id: input.card.card_id,
    card_last4: input.card.last4,
    customer_id: input.customerId,
    invoice_num: input.invoiceNum ?? null,
    subscription_id: input.subscriptionId ?? null,
    description: input.description,
    created_at: now,
    captured_at: captured ? now : null,
    authorization_expires_at: captured ? null : now + AUTHORIZATION_LIFETIME_SECONDS,
  })
}

/** Looks a charge up and brings its expiry up to date (expiry is evaluated lazily). */
export function findCharge(env: EnvironmentState, chargeId: string, now: number): ChargeRecord {
  const charge = env.charges.get(chargeId)
  if (!charge) throw unknownResource("charge_id", chargeId, "charge")
  settleExpiry(env, charge, now)
  return charge
}

/**
 * Reference: "Uncaptured payments expire exactly seven days after they are
 * created. If they are not captured by that point in time, they will be
 * marked as refunded and will no longer be capturable."
 */
export function settleExpiry(env: EnvironmentState, charge: ChargeRecord, now: number): void {
  if (charge.state !== "authorized" || charge.authorization_expires_at === null) return
  if (now < charge.authorization_expires_at) return
  env.touch(charge)
  charge.state = "expired"
  charge.amount_refunded = charge.amount
}

export function chargeStatus(charge: ChargeRecord): ChargeStatus {
  if (charge.state !== "captured") return charge.state
  if (charge.amount_refunded === 0) return "captured"
  return charge.amount_refunded < charge.amount ? "partially_refunded" : "refunded"
}

export function captureCharge(env: EnvironmentState, charge: ChargeRecord, now: number): void {
  if (charge.state === "captured") throw stateConflict("charge_already_captured", `charge ${charge.charge_id} is already captured`)
  if (charge.state === "expired") throw authorizationExpired(charge)
  if (charge.state === "released") throw stateConflict("charge_already_refunded", `charge ${charge.charge_id} was released and cannot be captured`)
  env.touch(charge)
  charge.state = "captured"
  charge.captured_at = now
}

/**
 * Reference: "You can optionally refund only part of a charge. You can do so
 * as many times as you wish until the entire charge has been refunded."
 * An uncaptured authorization can only be released whole.
 */
export function refundCharge(env: EnvironmentState, charge: ChargeRecord, amount: number | undefined, now: number): RefundRecord {
  if (charge.state === "expired") throw authorizationExpired(charge)
  const remaining = charge.amount - charge.amount_refunded
  if (remaining === 0) throw stateConflict("charge_already_refunded", `charge ${charge.charge_id} is already fully refunded`)
  if (charge.state === "authorized") return releaseAuthorization(env, charge, amount, now)
  if (amount !== undefined && amount > remaining) {
    throw new SandboxError(400, "amount_too_large", `amount: ${amount} is more than the ${remaining} left to refund on ${charge.charge_id}`, "amount")
  }
  const refunded = amount ?? remaining
  env.touch(charge).amount_refunded += refunded
  return recordRefund(env, charge, refunded, "requested", now)
}

function releaseAuthorization(env: EnvironmentState, charge: ChargeRecord, amount: number | undefined, now: number): RefundRecord {
  if (amount !== undefined && amount !== charge.amount) {
    throw invalidParam("amount", "an uncaptured authorization can only be released in full; omit amount or send the full amount")
  }
  env.touch(charge)
  charge.state = "released"
  charge.amount_refunded = charge.amount
  return recordRefund(env, charge, charge.amount, "authorization_released", now)
}

function recordRefund(env: EnvironmentState, charge: ChargeRecord, amount: number, reason: RefundRecord["reason"], now: number): RefundRecord {
  return env.refunds.add({ refund_id: env.refunds.nextId(), charge_id: charge.charge_id, amount, reason, created_at: now })
}

function authorizationExpired(charge: ChargeRecord): SandboxError {
  return stateConflict(
    "authorization_expired",
    `charge ${charge.charge_id} was not captured within 7 days; the authorization expired and was released`,
  )
}

/** The row `GET /_sandbox/charges` lists. */
export function chargeView(charge: ChargeRecord): Record<string, unknown> {
  return {
    charge_id: charge.charge_id,
    amount: charge.amount,
    currency: charge.currency,
    status: chargeStatus(charge),
    captured: charge.state === "captured",
    amount_captured: charge.state === "captured" ? charge.amount : 0,
    amount_refunded: charge.amount_refunded,
    payment_mode: charge.payment_mode,
    card_id: charge.card_id,
    card_last4: charge.card_last4,
    customer_id: charge.customer_id,
    invoice_num: charge.invoice_num,
    subscription_id: charge.subscription_id,
    description: charge.description,
    created_at: charge.created_at,
    captured_at: charge.captured_at,
    authorization_expires_at: charge.authorization_expires_at,
  }
}
