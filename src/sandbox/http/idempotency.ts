import crypto from "node:crypto"
import { canonicalParams, type Params } from "./parse-body"
import type { StoredAnswer } from "../store/state"

/** Answers are replayed for 24 hours of sandbox time. */
export const IDEMPOTENCY_WINDOW_SECONDS = 24 * 60 * 60

/** A stored answer: the body already serialized, ready to send again; the fingerprint as {@link requestFingerprint} gives it. */
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
 *
 * Each answer is held as one string (see {@link pack}): with 100,000 charges
 * held, an object and three strings per answer were a sixth of the heap.
 */
export class IdempotencyStore {
  private readonly answers = new Map<string, string>()
  /** When the first (oldest) answer was stored, Infinity when there is none: most requests need not open an iterator to know nothing expired. */
  private oldestAt = Infinity

  check(key: string, fingerprint: string, now: number): IdempotencyVerdict {
    this.forgetExpired(now)
    const packed = this.answers.get(key)
    if (packed === undefined || isExpired(createdAtOf(packed), now)) return { kind: "new" }
    return packed.startsWith(fingerprint) ? { kind: "replay", answer: unpack(packed) } : { kind: "reuse" }
  }

  /** Completed answers only (4xx included); injected faults never reach here. */
  remember(key: string, answer: RememberedAnswer): void {
    // Re-inserting keeps the order by time: an expired key used again moves to the end.
    const moved = this.answers.delete(key)
    this.answers.set(key, pack(answer))
    if (moved || this.answers.size === 1) this.oldestAt = this.oldestCreatedAt()
  }

  get size(): number {
    return this.answers.size
  }

  /** From the data file, where bodies are JSON values, fingerprints base64 (and old files hold them in clear). */
  load(key: string, stored: StoredAnswer): void {
    const bodyJson = JSON.stringify(stored.body)
    const fingerprint = stored.fingerprint.startsWith("POST ") ? digestOf(stored.fingerprint) : Buffer.from(stored.fingerprint, "base64").toString("latin1")
    this.remember(key, { fingerprint, status: stored.status, bodyJson, code: codeOf(stored.body), created_at: stored.created_at })
  }

  toJSON(): Record<string, StoredAnswer> {
    const out: Record<string, StoredAnswer> = {}
    for (const [key, packed] of this.answers) {
      const a = unpack(packed)
      out[key] = { fingerprint: Buffer.from(a.fingerprint, "latin1").toString("base64"), status: a.status, body: JSON.parse(a.bodyJson), created_at: a.created_at }
    }
    return out
  }

  private forgetExpired(now: number): void {
    if (!isExpired(this.oldestAt, now)) return
    for (const [key, packed] of this.answers) {
      if (!isExpired(createdAtOf(packed), now)) break
      this.answers.delete(key)
    }
    this.oldestAt = this.oldestCreatedAt()
  }

  private oldestCreatedAt(): number {
    for (const packed of this.answers.values()) return createdAtOf(packed)
    return Infinity
  }
}

/** The digest's 32 bytes as 32 one-byte characters. */
const FINGERPRINT_LENGTH = 32
const STATUS_LENGTH = 3

/**
 * fingerprint (32 chars), status (3 digits), created_at, `|`, code (empty for
 * none), `|`, the body. Codes are snake_case words and the time a number, so
 * neither holds a `|`; the body comes last and may hold anything.
 */
function pack(a: RememberedAnswer): string {
  if (a.fingerprint.length !== FINGERPRINT_LENGTH || a.status < 100 || a.status > 999) throw new Error("idempotency: not a fingerprint from requestFingerprint, or not an HTTP status")
  return flat(`${a.fingerprint}${a.status}${a.created_at}|${a.code ?? ""}|${a.bodyJson}`)
}

/**
 * Joining strings makes a tree of the parts (a V8 cons string), bigger than
 * the text it holds (about twice, here). Reading a character makes V8
 * flatten it in place, and the next young-generation GC drops the tree.
 */
function flat(text: string): string {
  text.charCodeAt(0)
  return text
}

function createdAtOf(packed: string): number {
  const start = FINGERPRINT_LENGTH + STATUS_LENGTH
  return Number(packed.slice(start, packed.indexOf("|", start)))
}

function unpack(packed: string): RememberedAnswer {
  const timeStart = FINGERPRINT_LENGTH + STATUS_LENGTH
  const codeStart = packed.indexOf("|", timeStart) + 1
  const bodyStart = packed.indexOf("|", codeStart) + 1
  const code = packed.slice(codeStart, bodyStart - 1)
  return {
    fingerprint: packed.slice(0, FINGERPRINT_LENGTH),
    status: Number(packed.slice(FINGERPRINT_LENGTH, timeStart)),
    created_at: Number(packed.slice(timeStart, codeStart - 1)),
    code: code === "" ? null : code,
    bodyJson: packed.slice(bodyStart),
  }
}

function isExpired(createdAt: number, now: number): boolean {
  return now - createdAt >= IDEMPOTENCY_WINDOW_SECONDS
}

/** The `code` of a gateway answer body (`[{status:false, code}]`), for the request log. */
export function codeOf(body: unknown): string | null {
  const first = Array.isArray(body) ? (body[0] as { code?: unknown } | undefined) : undefined
  return typeof first?.code === "string" ? first.code : null
}

/**
 * What "the same request" means, as a SHA-256 digest of the path and the
 * canonical parameters (its 32 bytes as one-byte characters; base64 in the
 * data file). Never the parameters themselves: they hold card numbers and
 * CVCs, and stored answers live 24 h and go to the data file.
 */
export function requestFingerprint(path: string, params: Params): string {
  return digestOf(`POST ${path} ${canonicalParams(params)}`)
}

/**
 * Data files written before fingerprints were digests hold the canonical
 * text itself (it starts with "POST "): digested on load, so those keys keep
 * replaying and the card data leaves the file at the next save.
 */
function digestOf(text: string): string {
  return oneShotHash ? oneShotHash("sha256", text, "latin1") : crypto.createHash("sha256").update(text).digest().toString("latin1")
}

/** `crypto.hash` (Node 20.12 and later) digests a string in a quarter of the time createHash takes. */
const oneShotHash = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: string) => string }).hash
