import type { EnvironmentState, StoredAnswer } from "./state"

/** Answers are replayed for 24 hours of sandbox time. */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60

export type IdempotencyVerdict =
  | { kind: "new" }
  | { kind: "replay"; answer: StoredAnswer }
  | { kind: "reuse" }

/**
 * What to do with a request that carries an Idempotency-Key. Keys are scoped
 * per environment (each environment stores its own). The same key with the
 * same parameters replays the first answer; with different parameters or
 * another path it is a client bug, and answering 400 beats charging twice.
 */
export function checkIdempotency(env: EnvironmentState, key: string, fingerprint: string, now: number): IdempotencyVerdict {
  forgetExpired(env, now)
  const stored = env.idempotency[key]
  if (!stored) return { kind: "new" }
  return stored.fingerprint === fingerprint ? { kind: "replay", answer: stored } : { kind: "reuse" }
}

/** Completed answers only (4xx included); injected faults never reach here. */
export function rememberAnswer(env: EnvironmentState, key: string, answer: StoredAnswer): void {
  env.idempotency[key] = answer
}

function forgetExpired(env: EnvironmentState, now: number): void {
  for (const [key, answer] of Object.entries(env.idempotency)) {
    if (now - answer.created_at >= IDEMPOTENCY_WINDOW_SECONDS) delete env.idempotency[key]
  }
}
