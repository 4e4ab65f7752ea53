import {
  ApiError,
  AuthenticationError,
  CardError,
  ConnectionError,
  InvalidRequestError,
  PermissionError,
  RateLimitError,
} from "../../client"
import { errorFailureCode, renewalFailureKind, UNCONFIRMED_PROCESSING_ERROR } from "../renewal-failure"

describe("renewalFailureKind: what a failed renewal call means for the money", () => {
  it.each([
    ["a timeout", new ConnectionError({ message: "no answer", code: "ECONNABORTED", maybeProcessed: true }), "maybe_processed"],
    ["a reset after sending", new ConnectionError({ message: "reset", code: "ECONNRESET", maybeProcessed: true }), "maybe_processed"],
    ["a 5xx", new ApiError({ message: "500", statusCode: 500, maybeProcessed: true }), "maybe_processed"],
    ["something that is not the client's error", new Error("boom"), "maybe_processed"],
    ["a thrown string", "boom", "maybe_processed"],
    ["409 subscription_canceled", new InvalidRequestError({ message: "canceled", statusCode: 409, code: "subscription_canceled" }), "canceled_at_gateway"],
    ["a decline", new CardError({ message: "declined", statusCode: 402, code: "insufficient_funds", declineCode: "insufficient_funds" }), "declined"],
    ["an unknown subscription", new InvalidRequestError({ message: "no such subscription", statusCode: 404, code: "resource_missing" }), "error"],
    ["a wrong key", new AuthenticationError({ message: "bad key", statusCode: 401, code: "authentication_failed" }), "error"],
    ["an IP off the allowlist", new PermissionError({ message: "ip", statusCode: 403, code: "ip_not_allowed" }), "error"],
    ["a rate limit", new RateLimitError({ message: "slow down", statusCode: 429, code: "rate_limited" }), "error"],
    ["a connection refused (never sent)", new ConnectionError({ message: "refused", code: "ECONNREFUSED", maybeProcessed: false }), "error"],
  ])("%s → %s", (_what, error, kind) => {
    expect(renewalFailureKind(error)).toBe(kind)
  })

  it("a processing_error is replayed once under the same key before it counts as a decline: it may have charged", () => {
    const processing = new CardError({ message: "processing", statusCode: 402, code: "processing_error", declineCode: "processing_error" })
    expect(renewalFailureKind(processing)).toBe("maybe_processed")
    expect(renewalFailureKind(processing, "maybe_processed")).toBe("maybe_processed")
    expect(renewalFailureKind(processing, UNCONFIRMED_PROCESSING_ERROR)).toBe("declined")
    const insufficient = new CardError({ message: "declined", statusCode: 402, code: "insufficient_funds", declineCode: "insufficient_funds" })
    expect(renewalFailureKind(insufficient, null)).toBe("declined")
  })

  it("records the gateway's code, or the error's class when the gateway gave none", () => {
    expect(errorFailureCode(new InvalidRequestError({ message: "x", statusCode: 404, code: "resource_missing" }))).toBe("resource_missing")
    expect(errorFailureCode(new ApiError({ message: "x", statusCode: 418 }))).toBe("ApiError")
  })
})
