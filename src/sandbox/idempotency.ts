import { createHash } from "node:crypto"
import { canonicalParams, type Params } from "./parse-body"
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

/**
 * What "the same request" means, as a SHA-256 digest (base64) of the path and
 * the canonical parameters. Never the parameters themselves: they hold card
 * numbers and CVCs, and stored answers live 24 h and go to the data file.
 */
export function requestFingerprint(path: string, params: Params): string {
  return fingerprintOf(`POST ${path} ${canonicalParams(params)}`)
}

/**
 * Data files written before fingerprints were digests hold the canonical
 * text itself (it starts with "POST "): digested on load, so those keys keep
 * replaying and the card data leaves the file at the next save.
 */
export function digestLegacyFingerprint(fingerprint: string): string {
  return fingerprint.startsWith("POST ") ? fingerprintOf(fingerprint) : fingerprint
}

function fingerprintOf(text: string): string {
  return createHash("sha256").update(text).digest("base64")
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
