import { createHash } from "node:crypto"
import { canonicalParams, type Params } from "./parse-body"
import type { StoredAnswer } from "../store/state"

/** Answers are replayed for 24 hours of sandbox time. */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60

/** A stored answer as memory holds it: the body already serialized, ready to send again. */
export interface RememberedAnswer {
  fingerprint: string
  status: number
  bodyJson: string
  code: string | null
  created_at: number
}

export type IdempotencyVerdict =
  | { kind: "new" }
  | { kind: "replay"; answer: RememberedAnswer }
  | { kind: "reuse" }

/**
 * Completed answers by Idempotency-Key, one store per environment (keys are
 * scoped per environment). The same key with the same parameters replays
 * the first answer; with different parameters or another path it is a
 * client bug, and answering 400 beats charging twice.
 *
 * Keys are kept in the order they were stored, which is the order of their
 * sandbox time (the clock never goes back), so expired ones are dropped from
 * the front: no request scans every key.
 */
export class IdempotencyStore {
  private readonly answers = new Map<string, RememberedAnswer>()

  check(key: string, fingerprint: string, now: number): IdempotencyVerdict {
    this.forgetExpired(now)
    const stored = this.answers.get(key)
    if (!stored || isExpired(stored, now)) return { kind: "new" }
    return stored.fingerprint === fingerprint ? { kind: "replay", answer: stored } : { kind: "reuse" }
  }

  /** Completed answers only (4xx included); injected faults never reach here. */
  remember(key: string, answer: RememberedAnswer): void {
    // Re-inserting keeps the order by time: an expired key used again moves to the end.
    this.answers.delete(key)
    this.answers.set(key, answer)
  }

  get size(): number {
    return this.answers.size
  }

  /** From the data file, where bodies are JSON values (and old files hold fingerprints in clear). */
  load(key: string, stored: StoredAnswer): void {
    const bodyJson = JSON.stringify(stored.body)
    this.remember(key, { fingerprint: digestLegacyFingerprint(stored.fingerprint), status: stored.status, bodyJson, code: codeOf(stored.body), created_at: stored.created_at })
  }

  toJSON(): Record<string, StoredAnswer> {
    const out: Record<string, StoredAnswer> = {}
    for (const [key, a] of this.answers) out[key] = { fingerprint: a.fingerprint, status: a.status, body: JSON.parse(a.bodyJson), created_at: a.created_at }
    return out
  }

  private forgetExpired(now: number): void {
    for (const [key, answer] of this.answers) {
      if (!isExpired(answer, now)) return
      this.answers.delete(key)
    }
  }
}

function isExpired(answer: RememberedAnswer, now: number): boolean {
  return now - answer.created_at >= IDEMPOTENCY_WINDOW_SECONDS
}

/** The `code` of a gateway answer body (`[{status:false, code}]`), for the request log. */
export function codeOf(body: unknown): string | null {
  const first = Array.isArray(body) ? (body[0] as { code?: unknown } | undefined) : undefined
  return typeof first?.code === "string" ? first.code : null
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
