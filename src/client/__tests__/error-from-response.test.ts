import {
  ApiError,
  AuthenticationError,
  CardError,
  errorFromResponse,
  GatewayFailureBody,
  InvalidRequestError,
  PermissionError,
  RateLimitError,
} from "../errors"

const ctx = { endpoint: "POST /charge", mutating: true, requestId: "req_1", idempotencyKey: "k1" }
const fail = (code?: string, extra: Partial<GatewayFailureBody> = {}): GatewayFailureBody => ({
  status: false,
  message: "gateway says no",
  code,
  ...extra,
})

describe("errorFromResponse picks the class from the status, then the code", () => {
  it.each([
    [402, fail("insufficient_funds"), CardError],
    [401, fail("authentication_failed"), AuthenticationError],
    [403, fail("ip_not_allowed"), PermissionError],
    [429, fail("rate_limited"), RateLimitError],
    [400, fail("parameter_invalid", { param: "amount" }), InvalidRequestError],
    [404, fail("resource_missing", { param: "charge_id" }), InvalidRequestError],
    [409, fail("charge_already_captured"), InvalidRequestError],
    [405, fail("method_not_allowed"), InvalidRequestError],
    [500, fail("api_error"), ApiError],
    [503, undefined, ApiError],
    [400, undefined, ApiError],
    [200, undefined, ApiError],
    [200, fail("processing_error"), CardError],
    [200, fail("something_else"), InvalidRequestError],
    [200, fail(undefined), InvalidRequestError],
  ] as const)("%i with code %j is a %p", (status, body, klass) => {
    const error = errorFromResponse(status, body as GatewayFailureBody | undefined, ctx)
    expect(error).toBeInstanceOf(klass)
    expect(error.statusCode).toBe(status)
    expect(error.requestId).toBe("req_1")
    expect(error.endpoint).toBe("POST /charge")
  })

  it("carries the decline code on a card error, preferring decline_code", () => {
    const a = errorFromResponse(402, fail("card_declined", { decline_code: "insufficient_funds" }), ctx) as CardError
    expect(a.declineCode).toBe("insufficient_funds")
    const b = errorFromResponse(402, fail("expired_card"), ctx) as CardError
    expect(b.declineCode).toBe("expired_card")
  })

  it("names the parameter of an invalid request", () => {
    const error = errorFromResponse(400, fail("parameter_invalid", { param: "amount", message: "amount: must be an integer" }), ctx)
    expect(error.param).toBe("amount")
    expect(error.message).toContain("amount: must be an integer")
  })

  it.each([
    [500, true, true],
    [500, false, false],
    [200, true, true],
    [402, true, false],
    [400, true, false],
  ])("status %i on a mutating=%p request: maybeProcessed %p", (status, mutating, expected) => {
    const body = status === 200 ? undefined : fail("x")
    expect(errorFromResponse(status, body, { ...ctx, mutating }).maybeProcessed).toBe(expected)
  })

  it("keeps only the known fields of the body, so an echoed request cannot leak", () => {
    const body = { ...fail("card_declined"), card_number: "4242424242424242", cvc: "123" } as GatewayFailureBody
    const error = errorFromResponse(402, body, ctx)
    expect(JSON.stringify(error.raw)).not.toContain("4242")
    expect(error.raw).toEqual({ status: false, message: "gateway says no", code: "card_declined" })
  })

  it("redacts a card number that the gateway echoed into its message", () => {
    const error = errorFromResponse(402, fail("card_declined", { message: "card 4242 4242 4242 4242 declined" }), ctx)
    expect(error.message).not.toMatch(/4242 4242/)
    expect(error.message).toContain("[redacted]")
  })

  it("passes Retry-After on to a rate limit error", () => {
    const error = errorFromResponse(429, fail("rate_limited"), { ...ctx, retryAfterSeconds: 3 }) as RateLimitError
    expect(error.retryAfterSeconds).toBe(3)
  })
})
