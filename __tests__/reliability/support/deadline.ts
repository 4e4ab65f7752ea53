/**
 * "Not a hang": every call the suite makes to Medusa must come back. The
 * bound is generous (the gateway timeout is a few seconds, and a repeatable
 * request is retried twice), so a slow machine never trips it; a request that
 * Medusa never answers does.
 */
export const ANSWER_DEADLINE_MS = 90_000

export async function withDeadline<T>(work: Promise<T>, what: string, ms = ANSWER_DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s (a hang)`)), ms)
  })
  try {
    return await Promise.race([work, deadline])
  } finally {
    clearTimeout(timer)
  }
}
