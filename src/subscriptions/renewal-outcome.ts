import type { InstantMerchantError } from "../client"
import type { InstantMerchantSubscription } from "../models/instantmerchant-subscription"
import type { InstantMerchantSubscriptionRenewal } from "../models/instantmerchant-subscription-renewal"
import { renewalDueAt } from "../rules/subscription/renewal-schedule"

/**
 * What one renewal call did. `not_due`: nothing (the job found it renewed or
 * backed off meanwhile); `renewed`: charged, the period moved on; `declined`:
 * the card was declined (past due, or expired after the last retry);
 * `unknown`: the gateway may have charged, the attempt is replayed under the
 * same key; `errored`: refused or never sent, nothing charged, tried again
 * after a back-off; `canceled`: the gateway reports it canceled; `repaired`:
 * the period was already renewed (a success is recorded for it), so nothing
 * was charged and the record was moved on to the renewed period.
 */
export type RenewResult = "not_due" | "renewed" | "declined" | "unknown" | "errored" | "canceled" | "repaired"

export interface RenewOutcome {
  subscription: InstantMerchantSubscription
  result: RenewResult
  /** The attempt this call made; for `repaired`, the success already recorded; undefined when nothing was due. */
  renewal?: InstantMerchantSubscriptionRenewal
}

/** One run of the renewal job: how many subscriptions ended each way; `skipped` were locked by another run, or failed here. */
export type RenewalRunCounts = Record<Exclude<RenewResult, "not_due"> | "skipped", number>

/** A renewal as decided under the row lock, before the lock is let go. */
export interface LockedOutcome<R = InstantMerchantSubscriptionRenewal> {
  result: RenewResult
  renewal?: R
  /** For `errored`: the gateway's refusal, for an admin's answer. */
  error?: InstantMerchantError
  /** For `repaired`: the stale period end the record showed. */
  stalePeriodEnd?: Date
}

/** The columns of a subscription row a renewal may write. */
export type RowPatch = Partial<Omit<InstantMerchantSubscription, "renewals">>

/** The row once a period is paid (by this renewal, or one recorded before): active, counters cleared, next renewal scheduled. */
export function paidPeriodRow(periodStart: Date, periodEnd: Date, leadHours: number): RowPatch {
  return {
    status: "active",
    current_period_start: periodStart,
    current_period_end: periodEnd,
    failed_attempts: 0,
    error_attempts: 0,
    next_renewal_at: renewalDueAt(periodEnd, leadHours),
  }
}
