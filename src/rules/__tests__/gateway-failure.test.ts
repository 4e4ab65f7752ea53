import { ApiError, AuthenticationError, CardError, ConnectionError, InstantMerchantError, InvalidRequestError, PermissionError, RateLimitError } from "../../client"
import { gatewayFailureOf } from "../gateway-failure"
import { InputError } from "../input/input-error"

describe("gatewayFailureOf", () => {
  it.each<[string, unknown, Record<string, unknown>]>([
    ["our own input check", new InputError("card_number", "is not a valid card number"),
      { kind: "bad_input", code: "invalid_data", field: "card_number", message: "card_number: is not a valid card number", hint: "Check card_number and try again." }],
    ["a decline", new CardError({ message: "x", code: "card_declined", declineCode: "expired_card" }),
      { kind: "declined", code: "expired_card", message: "Your card was declined: the card has expired", hint: "Use another card, or contact your bank." }],
    ["a timeout after sending", new ConnectionError({ message: "x", maybeProcessed: true, endpoint: "POST /charge", idempotencyKey: "k1" }),
      { kind: "unsure", code: "maybe_processed", message: "The payment gateway did not confirm the capture; it may have gone through", hint: "Do not repeat the capture before checking it at InstantMerchant (POST /charge, idempotency key k1)." }],
    ["a 5xx", new ApiError({ message: "x", maybeProcessed: true }), { kind: "unsure", code: "maybe_processed" }],
    ["no connection", new ConnectionError({ message: "x", maybeProcessed: false }),
      { kind: "unreachable", code: "gateway_unreachable", message: "The payment gateway could not be reached; nothing was done", hint: "Please try again in a moment." }],
    ["a 5xx before anything was done", new ApiError({ message: "x", maybeProcessed: false }), { kind: "unreachable", code: "gateway_error" }],
    ["wrong credentials", new AuthenticationError({ message: "x" }), { kind: "misconfigured", code: "authentication_failed", hint: "Check the plugin's api_key and api_secret." }],
    ["a server not on the allowlist", new PermissionError({ message: "x" }), { kind: "misconfigured", code: "permission_denied" }],
    ["too many requests", new RateLimitError({ message: "x" }), { kind: "busy", code: "rate_limited", message: "The payment gateway is busy" }],
    ["a refusal naming its field", new InvalidRequestError({ message: "InstantMerchant POST /refund: amount: too large", code: "amount_too_large", param: "amount", statusCode: 400 }),
      { kind: "refused", code: "amount_too_large", field: "amount", message: "amount: too large", hint: "Check amount." }],
    ["a refusal without a field", new InvalidRequestError({ message: "InstantMerchant POST /capture: nope", statusCode: 400 }),
      { kind: "refused", code: "invalid_request", message: "nope", hint: "InstantMerchant refused the capture." }],
    ["a 409", new InvalidRequestError({ message: "InstantMerchant POST /capture: already", code: "charge_already_captured", statusCode: 409, requestId: "req_1" }),
      { kind: "conflict", code: "charge_already_captured", requestId: "req_1" }],
    ["a gateway error without a class", new InstantMerchantError({ message: "InstantMerchant POST /x: odd" }), { kind: "gateway_error", code: "gateway_error", message: "odd" }],
    ["a bug", new Error("boom"), { kind: "internal", code: "internal_error", message: "The capture failed: boom", hint: "See the server log." }],
    ["not even an Error", "a string", { kind: "internal", message: "The capture failed: unknown error" }],
  ])("%s", (_name, e, expected) => {
    expect(gatewayFailureOf(e, "capture")).toMatchObject(expected)
  })

  it("never passes a card number through from an unexpected error", () => {
    expect(gatewayFailureOf(new Error("bad 4242424242424242"), "capture").message).not.toContain("4242424242424242")
  })

  it("names no field for failures that are not about the input", () => {
    expect(gatewayFailureOf(new RateLimitError({ message: "x" }), "capture")).not.toHaveProperty("field")
  })
})
