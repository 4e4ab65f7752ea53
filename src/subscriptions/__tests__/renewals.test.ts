import { AuthenticationError, CardError, ConnectionError, InvalidRequestError } from "../../client"
import { ERROR_BACKOFF_MINUTES } from "../error-backoff"
import { renewalFailure } from "../renewal-failure"
import { paidPeriodRow } from "../renewal-outcome"
import { isDueForRenewal, renewalLogLine } from "../renewals"
import { SUBSCRIPTION_EVENTS } from "../subscription-events"

/**
 * What a renewal decides under the row lock, without the database: the
 * end-to-end suite runs the same renewals on PostgreSQL and the sandbox.
 */

const HOUR = 60 * 60 * 1000
const now = new Date("2026-03-01T12:00:00Z")
const periodEnd = new Date("2026-03-02T00:00:00Z")
const RETRY_HOURS = [24, 72]
const active = { status: "active" as const, current_period_end: periodEnd, failed_attempts: 0, error_attempts: 0 }

describe("renewalFailure: what a failed renewal writes", () => {
  it("a call that may have charged keeps the attempt open and leaves the row alone", () => {
    const failure = renewalFailure(new ConnectionError({ message: "no answer", code: "ECONNABORTED", maybeProcessed: true }), active, now, RETRY_HOURS)
    expect(failure).toEqual({ result: "unknown", attempt: { status: "unknown", failure_code: "maybe_processed", failure_message: expect.stringContaining("no answer") }, events: [] })
    expect(failure.row).toBeUndefined()
  })

  it("canceled at the gateway: the attempt fails and the row is canceled, with its event", () => {
    const failure = renewalFailure(new InvalidRequestError({ message: "canceled", statusCode: 409, code: "subscription_canceled" }), active, now, RETRY_HOURS)
    expect(failure.result).toBe("canceled")
    expect(failure.attempt).toMatchObject({ status: "failed", failure_code: "subscription_canceled", finished_at: now })
    expect(failure.row).toEqual({ status: "canceled", canceled_at: now, next_renewal_at: null })
    expect(failure.events).toEqual([{ event: SUBSCRIPTION_EVENTS.canceled, status: "canceled" }])
  })

  it.each([
    ["the first decline: past due, retried 24 h after the period end", 0, "past_due", new Date(periodEnd.getTime() + 24 * HOUR)],
    ["the second decline: past due, retried 72 h after", 1, "past_due", new Date(periodEnd.getTime() + 72 * HOUR)],
    ["the decline after the last retry: expired, never retried", 2, "expired", null],
  ] as const)("%s", (_what, failedBefore, status, next) => {
    const decline = new CardError({ message: "declined", statusCode: 402, code: "insufficient_funds", declineCode: "insufficient_funds" })
    const failure = renewalFailure(decline, { ...active, failed_attempts: failedBefore, error_attempts: 3 }, now, RETRY_HOURS)
    expect(failure.result).toBe("declined")
    expect(failure.attempt).toMatchObject({ status: "failed", failure_code: "insufficient_funds", finished_at: now })
    // A decline is the card's fault: the error back-off starts over.
    expect(failure.row).toEqual({ failed_attempts: failedBefore + 1, error_attempts: 0, status, next_renewal_at: next })
    const events = [{ event: SUBSCRIPTION_EVENTS.renewalFailed, status }, ...(status === "expired" ? [{ event: SUBSCRIPTION_EVENTS.expired, status }] : [])]
    expect(failure.events).toEqual(events)
  })

  it("an error that is not a decline counts no decline, backs off, and hands the error on for an admin", () => {
    const error = new AuthenticationError({ message: "bad key", statusCode: 401, code: "authentication_failed" })
    const failure = renewalFailure(error, { ...active, failed_attempts: 1, error_attempts: 1 }, now, RETRY_HOURS)
    expect(failure.result).toBe("errored")
    expect(failure.error).toBe(error)
    expect(failure.attempt).toMatchObject({ status: "failed", failure_code: "authentication_failed" })
    expect(failure.row).toEqual({ error_attempts: 2, next_renewal_at: new Date(now.getTime() + 2 * ERROR_BACKOFF_MINUTES.first * 60 * 1000) })
    expect(failure.events).toEqual([])
  })
})

describe("paidPeriodRow", () => {
  it("a paid period makes the row active, clears both counters and schedules the next renewal lead hours early", () => {
    const start = new Date("2026-03-01T00:00:00Z")
    const end = new Date("2026-04-01T00:00:00Z")
    expect(paidPeriodRow(start, end, 6)).toEqual({
      status: "active",
      current_period_start: start,
      current_period_end: end,
      failed_attempts: 0,
      error_attempts: 0,
      next_renewal_at: new Date(end.getTime() - 6 * HOUR),
    })
  })
})

describe("isDueForRenewal: checked under the row lock", () => {
  const row = { id: "sub_1", status: "active" as const, next_renewal_at: new Date(now.getTime() - HOUR), current_period_end: periodEnd }

  it.each([
    ["due, for the job", row, { onlyIfDue: true }, true],
    ["renewed meanwhile (next renewal later), for the job: not due", { ...row, next_renewal_at: new Date(now.getTime() + HOUR) }, { onlyIfDue: true }, false],
    ["no next renewal, for the job: not due", { ...row, next_renewal_at: null }, { onlyIfDue: true }, false],
    ["not yet due, for an admin: renewed anyway", { ...row, next_renewal_at: new Date(now.getTime() + HOUR) }, {}, true],
    ["past due is renewed", { ...row, status: "past_due" as const }, { onlyIfDue: true }, true],
    ["the period the admin saw", row, { expectedPeriodEnd: new Date(periodEnd) }, true],
  ])("%s", (_what, subscription, request, expected) => {
    expect(isDueForRenewal(subscription, request, now)).toBe(expected)
  })

  it.each([
    ["canceled", { ...row, status: "canceled" as const }, {}, "Subscription sub_1 is canceled: it cannot be renewed"],
    ["expired", { ...row, status: "expired" as const }, { onlyIfDue: true }, "Subscription sub_1 is expired: it cannot be renewed"],
    ["renewed since the admin looked", row, { expectedPeriodEnd: new Date(periodEnd.getTime() - 30 * 24 * HOUR) }, "Subscription sub_1 was already renewed"],
  ])("%s is refused", (_what, subscription, request, message) => {
    expect(() => isDueForRenewal(subscription, request, now)).toThrow(message)
  })
})

describe("renewalLogLine", () => {
  it.each([
    ["renewed", undefined],
    ["declined", undefined],
    ["errored", "InstantMerchant renewal of sub_1 failed, nothing was charged"],
    ["repaired", "InstantMerchant: subscription sub_1 showed a period ending"],
  ] as const)("%s", (result, line) => {
    const logged = renewalLogLine("sub_1", { result, stalePeriodEnd: periodEnd })
    if (line === undefined) expect(logged).toBeUndefined()
    else expect(logged).toContain(line)
  })
})
