import { ConnectionError, errorFromNetworkFailure, wasNeverSent } from "../errors"

const ctx = { endpoint: "POST /charge", mutating: true, timeoutMs: 1000 }

describe("errorFromNetworkFailure", () => {
  it.each([
    ["ECONNREFUSED", false],
    ["ENOTFOUND", false],
    ["EAI_AGAIN", false],
    ["EHOSTUNREACH", false],
    ["ERR_TLS_CERT_ALTNAME_INVALID", false],
    ["CERT_HAS_EXPIRED", false],
    ["ECONNABORTED", true],
    ["ETIMEDOUT", true],
    ["ECONNRESET", true],
    ["EPIPE", true],
    [undefined, true],
  ])("%s on a charge: maybeProcessed %p", (code, maybe) => {
    const error = errorFromNetworkFailure({ code, message: `failure ${code}` }, ctx)
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.maybeProcessed).toBe(maybe)
    expect(wasNeverSent({ code, message: "" })).toBe(!maybe)
  })

  it("is never maybeProcessed for a read", () => {
    expect(errorFromNetworkFailure({ code: "ECONNRESET", message: "socket hang up" }, { ...ctx, mutating: false }).maybeProcessed).toBe(false)
  })

  it("says a timeout is a timeout, and tells the caller to reconcile", () => {
    const error = errorFromNetworkFailure({ code: "ECONNABORTED", message: "timeout of 1000ms exceeded" }, ctx)
    expect(error.message).toContain("no answer within 1000 ms")
    expect(error.message).toContain("reconcile")
  })

  it("keeps the cause as a plain error with only a code and a message", () => {
    const error = errorFromNetworkFailure({ code: "ECONNRESET", message: "socket hang up" }, ctx)
    const cause = error.cause as Error & { code?: string }
    expect(cause).toBeInstanceOf(Error)
    expect(cause.code).toBe("ECONNRESET")
    expect(Object.keys(cause)).toEqual(["code"])
  })
})
