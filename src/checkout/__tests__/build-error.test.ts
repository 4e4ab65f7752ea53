import { isPaymentProcessorError } from "@medusajs/medusa"
import { ApiError, AuthenticationError, CardError, ConnectionError, InvalidRequestError, PermissionError, RateLimitError } from "../../client"
import { InputError } from "../../rules/input/input-error"
import { buildError } from "../build-error"

describe("buildError", () => {
  it.each([
    [new InputError("card_number", "is not a valid card number"), "card_number: is not a valid card number", "invalid_data"],
    [new CardError({ message: "x", code: "insufficient_funds" }), "Your card was declined: insufficient funds", "insufficient_funds"],
    [new CardError({ message: "x", code: "card_declined", declineCode: "expired_card" }), "Your card was declined: the card has expired", "expired_card"],
    [new ConnectionError({ message: "x", maybeProcessed: true, endpoint: "POST /charge", idempotencyKey: "k" }), "it may have gone through", "maybe_processed"],
    [new ConnectionError({ message: "x", maybeProcessed: false }), "could not be reached; nothing was done", "gateway_unreachable"],
    [new ApiError({ message: "x", maybeProcessed: true }), "it may have gone through", "maybe_processed"],
    [new ApiError({ message: "x", maybeProcessed: false }), "could not be reached", "gateway_error"],
    [new AuthenticationError({ message: "x" }), "refused the shop's API credentials", "authentication_failed"],
    [new PermissionError({ message: "x" }), "refused this server", "permission_denied"],
    [new RateLimitError({ message: "x" }), "busy", "rate_limited"],
    [new InvalidRequestError({ message: "InstantMerchant POST /refund: amount: too large", code: "amount_too_large", param: "amount" }), "amount: too large", "amount_too_large"],
    [new Error("boom"), "The refund failed: boom", "internal_error"],
    ["a string", "The refund failed: unknown error", "internal_error"],
  ])("%p → %s (%s)", (e, message, code) => {
    const error = buildError(e, "refund")
    expect(error.error).toContain(message)
    expect(error.code).toBe(code)
    // Medusa treats anything without all three as a success.
    expect(isPaymentProcessorError(error)).toBeTruthy()
  })

  it("redacts a card number in an unexpected error", () => {
    expect(buildError(new Error("bad 4242424242424242"), "capture").error).not.toContain("4242424242424242")
  })
})
