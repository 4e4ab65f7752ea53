import { ERROR_BACKOFF_MINUTES, errorRetryAt } from "../error-backoff"

const NOW = new Date("2026-03-01T12:00:00.000Z")
const minutesAfterNow = (d: Date) => (d.getTime() - NOW.getTime()) / 60_000

describe("errorRetryAt: the back-off after renewal errors that are not declines", () => {
  it.each([
    [1, 15],
    [2, 30],
    [3, 60],
    [4, 120],
    [5, 240],
    [6, 480],
    [7, 960],
    [8, 1440],
    [9, 1440],
    [40, 1440],
    [10_000, 1440],
  ])("after error %i, waits %i minutes", (errors, minutes) => {
    expect(minutesAfterNow(errorRetryAt(NOW, errors))).toBe(minutes)
  })

  it("never waits longer than a day, and always waits", () => {
    for (let n = 1; n <= 100; n++) {
      const wait = minutesAfterNow(errorRetryAt(NOW, n))
      expect(wait).toBeGreaterThanOrEqual(ERROR_BACKOFF_MINUTES.first)
      expect(wait).toBeLessThanOrEqual(ERROR_BACKOFF_MINUTES.max)
    }
  })

  it.each([0, -1, 1.5, NaN])("refuses an error count of %p", (n) => {
    expect(() => errorRetryAt(NOW, n)).toThrow(RangeError)
  })
})
