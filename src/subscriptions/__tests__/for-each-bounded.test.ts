import { forEachBounded } from "../for-each-bounded"

/** Work that waits for the test to release it, so that how many run at once can be counted. */
function gatedWork() {
  let running = 0
  let most = 0
  const done: number[] = []
  const work = async (n: number) => {
    running++
    most = Math.max(most, running)
    await new Promise((r) => setImmediate(r))
    await new Promise((r) => setImmediate(r))
    running--
    done.push(n)
  }
  return { work, done, most: () => most }
}

describe("forEachBounded", () => {
  it.each([
    [10, 1],
    [10, 4],
    [3, 4],
    [100, 7],
    [0, 4],
  ])("%i items, at most %i at once: each done once", async (n, limit) => {
    const g = gatedWork()
    const items = Array.from({ length: n }, (_, i) => i)
    await forEachBounded(items, limit, g.work)
    expect([...g.done].sort((a, b) => a - b)).toEqual(items)
    expect(g.most()).toBeLessThanOrEqual(Math.max(1, Math.min(limit, n)))
    if (n >= limit) expect(g.most()).toBe(limit)
  })

  it("starts no item after one fails, lets the running ones finish, then throws the first error", async () => {
    const started: number[] = []
    const finished: number[] = []
    const work = async (n: number) => {
      started.push(n)
      await new Promise((r) => setImmediate(r))
      if (n === 1) throw new Error("item 1 failed")
      finished.push(n)
    }
    await expect(forEachBounded([0, 1, 2, 3, 4, 5, 6, 7], 2, work)).rejects.toThrow("item 1 failed")
    expect(started.length).toBeLessThan(8)
    expect(finished).toEqual(started.filter((n) => n !== 1))
  })

  it.each([0, -1, 2.5])("refuses a limit of %p", async (limit) => {
    await expect(forEachBounded([1], limit, async () => undefined)).rejects.toThrow(RangeError)
  })
})
