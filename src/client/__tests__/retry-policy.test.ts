import { retryDelayMs, shouldRetry } from "../retry-policy"

describe("shouldRetry never moves money twice", () => {
  it.each([
    // mode, status, network code, retry?
    ["never-twice", undefined, "ECONNREFUSED", true],
    ["never-twice", undefined, "EAI_AGAIN", true],
    ["never-twice", undefined, "ENOTFOUND", false],
    ["never-twice", undefined, "ECONNABORTED", false],
    ["never-twice", undefined, "ECONNRESET", false],
    ["never-twice", 500, undefined, false],
    ["never-twice", 503, undefined, false],
    ["never-twice", 429, undefined, true],
    ["never-twice", 402, undefined, false],
    ["never-twice", 409, undefined, false],
    ["repeatable", undefined, "ECONNABORTED", true],
    ["repeatable", undefined, "ECONNRESET", true],
    ["repeatable", undefined, "ECONNREFUSED", true],
    ["repeatable", undefined, "ENOTFOUND", false],
    ["repeatable", undefined, "CERT_HAS_EXPIRED", false],
    ["repeatable", 500, undefined, true],
    ["repeatable", 429, undefined, true],
    ["repeatable", 409, undefined, false],
    ["repeatable", 400, undefined, false],
  ] as const)("%s, status %p, network %p → %p", (mode, statusCode, code, expected) => {
    const network = code ? { code, message: code } : undefined
    expect(shouldRetry({ mode, statusCode, network })).toBe(expected)
  })
})

describe("retryDelayMs", () => {
  const options = { baseDelayMs: 100, maxDelayMs: 1000 }
  it.each([
    [1, 0, 50],
    [1, 1, 100],
    [2, 0, 100],
    [3, 1, 400],
    [5, 1, 1000],
    [10, 0, 500],
  ])("attempt %i with random %p waits %i ms", (attempt, random, expected) => {
    expect(retryDelayMs(attempt, options, undefined, () => random)).toBe(expected)
  })

  it("honours Retry-After, capped", () => {
    expect(retryDelayMs(1, options, 0)).toBe(0)
    expect(retryDelayMs(1, options, 1, () => 0)).toBe(1000)
    expect(retryDelayMs(1, options, 30)).toBe(1000)
  })
})
