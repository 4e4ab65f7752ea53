import { dueDate, formatDueDate } from "../due-date"
import { lettersDigest } from "../../idempotency-digest"

describe("the invoice due date", () => {
  it.each([
    ["2026-01-15T10:00:00Z", 0, "01/15/2026"],
    ["2026-01-15T23:59:59Z", 1, "01/16/2026"],
    ["2026-01-31T00:00:00Z", 30, "03/02/2026"],
    ["2025-12-31T12:00:00Z", 1, "01/01/2026"],
    ["2028-02-28T12:00:00Z", 1, "02/29/2028"],
  ])("%s + %i days is %s (UTC, mm/dd/yyyy)", (now, days, expected) => {
    expect(dueDate(new Date(now), days)).toBe(expected)
  })

  it("formats with two-digit month and day", () => {
    expect(formatDueDate(new Date(Date.UTC(2026, 2, 5)))).toBe("03/05/2026")
  })
})

describe("the letters-only digest of an idempotency key", () => {
  it("is stable, 32 letters a–p, and never holds a digit", () => {
    const a = lettersDigest('{"customer":1,"items":["Consulting"]}')
    expect(a).toBe(lettersDigest('{"customer":1,"items":["Consulting"]}'))
    expect(a).toMatch(/^[a-p]{32}$/)
    expect(lettersDigest('{"customer":2,"items":["Consulting"]}')).not.toBe(a)
  })
})
