import { InputError } from "../input-error"
import { isoDateTimeField, parseIsoDateTime } from "../iso-date-time"

describe("parseIsoDateTime", () => {
  it.each([
    ["2026-12-02T10:00:00.000Z", "2026-12-02T10:00:00.000Z"],
    ["2026-12-02T10:00:00Z", "2026-12-02T10:00:00.000Z"],
    ["2026-12-02T10:00Z", "2026-12-02T10:00:00.000Z"],
    ["2026-12-02T10:00:00.123456Z", "2026-12-02T10:00:00.123Z"],
    ["2026-12-02T10:00:00+02:00", "2026-12-02T08:00:00.000Z"],
    ["2024-02-29T00:00:00.000Z", "2024-02-29T00:00:00.000Z"],
  ])("reads %s as %s", (text, iso) => {
    expect(parseIsoDateTime(text)?.toISOString()).toBe(iso)
  })

  it.each([
    ["a bare number", "1"],
    ["words Date would read", "Tuesday, 1 December 2026 10:00"],
    ["a date without a time", "2026-12-02"],
    ["no zone (local time of whichever server reads it)", "2026-12-02T10:00:00"],
    ["a day that does not exist", "2026-02-30T00:00:00.000Z"],
    ["a leap day of a common year", "2026-02-29T00:00:00.000Z"],
    ["hour 24", "2026-12-02T24:00:00Z"],
    ["a space for the T", "2026-12-02 10:00:00Z"],
    ["a trailing NUL", "2026-12-02T10:00:00.000Z\u0000"],
    ["empty", ""],
    ["a number", 1764669600000],
    ["null", null],
  ])("refuses %s", (_what, value) => {
    expect(parseIsoDateTime(value)).toBeUndefined()
  })

  it("names the field in the InputError", () => {
    expect(() => isoDateTimeField("expected_period_end", "1")).toThrow(InputError)
    expect(() => isoDateTimeField("expected_period_end", "1")).toThrow(/expected_period_end/)
  })
})
