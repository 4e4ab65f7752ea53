import crypto from "node:crypto"
import { canonicalParams, type Params } from "./parse-body"
import type { StoredAnswer } from "../store/state"
import { AnswerArena } from "./answer-arena"

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
 * Each answer is packed into one string (see {@link pack}), and held off the
 * heap in an {@link AnswerArena}.
 */
/** The verdicts that carry nothing, made once: one is answered per keyed request. */
const NEW: IdempotencyVerdict = Object.freeze({ kind: "new" })
const REUSE: IdempotencyVerdict = Object.freeze({ kind: "reuse" })

export class IdempotencyStore {
  private readonly answers = new AnswerArena()

  check(key: string, fingerprint: string, now: number): IdempotencyVerdict {
    this.forgetExpired(now)
    const entry = this.answers.entryOf(key)
    if (entry < 0) return NEW
    const createdAt = this.answers.createdAtOf(entry)
    if (isExpired(createdAt, now)) return NEW
    const packed = this.answers.answerOf(entry)
    return packed.startsWith(fingerprint) ? { kind: "replay", answer: unpack(packed, createdAt) } : REUSE
  }

  /** Completed answers only (4xx included); injected faults never reach here. */
  remember(key: string, answer: RememberedAnswer): void {
    // Storing a key again moves it to the end, which keeps the order by time (an expired key used again).
    this.answers.set(key, pack(answer), answer.created_at)
  }

  get size(): number {
    return this.answers.size
  }

  /** From the data file, where bodies are JSON values, fingerprints base64 (and old files hold them in clear). */
  load(key: string, stored: StoredAnswer): void {
    const bodyJson = JSON.stringify(stored.body)
    const fingerprint = isClearFingerprint(stored.fingerprint) ? digestOf(stored.fingerprint) : Buffer.from(stored.fingerprint, "base64").toString("latin1")
    this.remember(key, { fingerprint, status: stored.status, bodyJson, code: codeOf(stored.body), created_at: stored.created_at })
  }

  toJSON(): Record<string, StoredAnswer> {
    const out: Record<string, StoredAnswer> = {}
    for (const { key, answer, createdAt } of this.answers.all()) {
      const a = unpack(answer, createdAt)
      out[key] = { fingerprint: Buffer.from(a.fingerprint, "latin1").toString("base64"), status: a.status, body: JSON.parse(a.bodyJson), created_at: a.created_at }
    }
    return out
  }

  private forgetExpired(now: number): void {
    for (let oldest = this.answers.oldest(); oldest >= 0 && isExpired(this.answers.createdAtOf(oldest), now); oldest = this.answers.oldest()) {
      this.answers.dropOldest()
    }
  }
}

/** The digest's 32 bytes as 32 one-byte characters. */
const FINGERPRINT_LENGTH = 32
const STATUS_LENGTH = 3

/**
 * fingerprint (32 chars), status (3 digits), code (empty for none), `|`,
 * the body (see compressBody). Codes are snake_case words, so they hold no
 * `|`; the body comes last and may hold anything. created_at lives beside
 * the answer in the arena.
 */
function pack(a: RememberedAnswer): string {
  if (a.fingerprint.length !== FINGERPRINT_LENGTH || a.status < 100 || a.status > 999) throw new Error("idempotency: not a fingerprint from requestFingerprint, or not an HTTP status")
  return `${a.fingerprint}${a.status}${a.code ?? ""}|${compressBody(a.bodyJson)}`
}

/** The arena keeps created_at beside the answer. */
function unpack(packed: string, createdAt: number): RememberedAnswer {
  const codeStart = FINGERPRINT_LENGTH + STATUS_LENGTH
  const bodyStart = packed.indexOf("|", codeStart) + 1
  const code = packed.slice(codeStart, bodyStart - 1)
  return {
    fingerprint: packed.slice(0, FINGERPRINT_LENGTH),
    status: Number(packed.slice(FINGERPRINT_LENGTH, codeStart)),
    created_at: createdAt,
    code: code === "" ? null : code,
    bodyJson: expandBody(packed.slice(bodyStart)),
  }
}

/**
 * The text most answers repeat, each replaced by one control character: a
 * charge's answer shrinks from about 140 characters to 70. JSON text never
 * holds a raw control character (JSON.stringify escapes them), so every one
 * in a packed body is a token. The list may only grow at its end: data
 * files hold expanded bodies, but a token's meaning must not change within
 * a run.
 */
export const BODY_TOKENS = [
  '[{"status":true,"message":"',
  '[{"status":false,"message":"',
  'payment processed successfully"',
  'payment captured successfully"',
  'Refund has been initiated successfully"',
  ',"card_id":"card_',
  '","card_last_4":"',
  '","charge_id":"cha_',
  ',"charge_id":"cha_',
  ',"refund_id":"ref_',
  ',"customer_id":',
  ',"subscription_id":"sub_',
  '","expiry_date":',
  ',"code":"',
  ',"param":"',
  '"}]',
  "}]",
]
const TOKEN_CODES = BODY_TOKENS.map((_, i) => String.fromCharCode(i + 1))
/** Token numbers by their first character (all are ASCII), in list order. */
const TOKENS_BY_FIRST: Array<number[] | null> = Array.from({ length: 128 }, (_, c) => {
  const tokens = BODY_TOKENS.flatMap((token, i) => (token.charCodeAt(0) === c ? [i] : []))
  return tokens.length > 0 ? tokens : null
})
const ANY_TOKEN = /[\u0001-\u001f]/g

/**
 * Each token replaced by its code, scanning once: at each position the
 * first token in list order that starts there wins, and the scan goes on
 * after it (what a global regex of the tokens as alternatives does, without
 * a callback and a match object per token: the regex was most of the cost of
 * storing an answer).
 */
export function compressBody(bodyJson: string): string {
  let packed = ""
  let copied = 0
  for (let i = 0; i < bodyJson.length; ) {
    const c = bodyJson.charCodeAt(i)
    const candidates = c < 128 ? TOKENS_BY_FIRST[c] : null
    const token = candidates === null ? -1 : tokenAt(bodyJson, i, candidates)
    if (token < 0) {
      i++
      continue
    }
    packed += bodyJson.slice(copied, i) + TOKEN_CODES[token]
    i += BODY_TOKENS[token].length
    copied = i
  }
  return copied === 0 ? bodyJson : packed + bodyJson.slice(copied)
}

function tokenAt(text: string, at: number, candidates: number[]): number {
  for (let k = 0; k < candidates.length; k++) if (text.startsWith(BODY_TOKENS[candidates[k]], at)) return candidates[k]
  return -1
}

export function expandBody(packedBody: string): string {
  return packedBody.replace(ANY_TOKEN, (token) => BODY_TOKENS[token.charCodeAt(0) - 1])
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

/** A stored fingerprint as data files before digests held it: the request's canonical text, card fields included. */
export function isClearFingerprint(fingerprint: unknown): boolean {
  return String(fingerprint).startsWith("POST ")
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
