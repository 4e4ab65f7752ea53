/**
 * Runs `work` over `items`, at most `limit` at a time, and settles every one.
 * Fixtures are made a few at a time: the fault matrix is about faults, and a
 * crowd of checkouts at once is a race of its own (races.reliability.test.ts).
 */
export async function mapLimited<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      try {
        results[i] = { status: "fulfilled", value: await work(items[i], i) }
      } catch (reason) {
        results[i] = { status: "rejected", reason }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
