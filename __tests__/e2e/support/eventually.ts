/** Polls until `check` stops throwing (an assertion that becomes true), for work done by jobs and subscribers. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (e) {
      if (Date.now() > deadline) throw e
      await new Promise((r) => setTimeout(r, 500))
    }
  }
}
