import { randomBytes } from "node:crypto"

/**
 * The ids of the compact tables (charges, cards) look like every other id
 * (`cha_585d0bf93573f1`: a prefix and 14 lower-case hex digits, 56 bits),
 * and carry their row: the high 28 bits are random (the tag), the low 28 the
 * row number mixed with the tag. A table finds a row from its id by
 * decoding it and checking the tag, with no Map of id strings: with 100,000
 * charges held, the id strings and their Map entries were a fifth of the heap.
 */
export const ID_HEX_DIGITS = 14
const HALF_DIGITS = 7
/** All 28 bits set: no tag has it, so id columns use it to mark a value they hold elsewhere. */
export const NOT_AN_ID = 0xffffffff

/** The two halves of the last id parsed by {@link parseId}, so that parsing allocates nothing. */
export const parsed = { hi: 0, lo: 0 }

/** Whether `id` is `prefix_` and 14 lower-case hex digits; its halves are then in {@link parsed}. */
export function parseId(prefix: string, id: string): boolean {
  if (id.length !== prefix.length + 1 + ID_HEX_DIGITS || !id.startsWith(prefix) || id.charCodeAt(prefix.length) !== 95 /* _ */) return false
  const start = prefix.length + 1
  const hi = hexValue(id, start)
  if (hi < 0) return false
  const lo = hexValue(id, start + HALF_DIGITS)
  if (lo < 0) return false
  parsed.hi = hi
  parsed.lo = lo
  return true
}

function hexValue(text: string, start: number): number {
  let value = 0
  for (let i = start; i < start + HALF_DIGITS; i++) {
    const c = text.charCodeAt(i)
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1
    if (digit < 0) return -1
    value = value * 16 + digit
  }
  return value
}

/** Character codes of the hex digits. */
const HEX = Array.from("0123456789abcdef", (c) => c.charCodeAt(0))

/**
 * `prefix_` and the two 28-bit halves as 7 hex digits each. Every read of an
 * id field formats one, so it is built in one call: toString(16) and padStart
 * per half cost five times as much.
 */
export function formatId(prefix: string, hi: number, lo: number): string {
  return (
    prefix +
    String.fromCharCode(
      95, // _
      HEX[(hi >>> 24) & 15], HEX[(hi >>> 20) & 15], HEX[(hi >>> 16) & 15], HEX[(hi >>> 12) & 15], HEX[(hi >>> 8) & 15], HEX[(hi >>> 4) & 15], HEX[hi & 15],
      HEX[(lo >>> 24) & 15], HEX[(lo >>> 20) & 15], HEX[(lo >>> 16) & 15], HEX[(lo >>> 12) & 15], HEX[(lo >>> 8) & 15], HEX[(lo >>> 4) & 15], HEX[lo & 15],
    )
  )
}

/** The low half for `row` under tag `hi`, and back (the mix is its own inverse). */
export function mixRow(hi: number, rowOrLo: number): number {
  return (rowOrLo ^ scramble(hi)) >>> 0
}

function scramble(hi: number): number {
  let x = Math.imul(hi ^ (hi >>> 13), 0x5bd1e995)
  x ^= x >>> 15
  return (x & 0xfffffff) >>> 0
}

/** Hex that is all digits over 12 places looks like a card number to PAN scanners (see newId). */
const LONG_DIGIT_RUN = /\d{12}/

/** A fresh id for `row`: a random tag, redrawn while the id would look like a card number or `taken` says it is used. */
export function newRowId(prefix: string, row: number, taken: (id: string) => boolean): { id: string; hi: number; lo: number } {
  for (;;) {
    const hi = randomTag()
    const lo = mixRow(hi, row)
    const id = formatId(prefix, hi, lo)
    if (!LONG_DIGIT_RUN.test(id) && !taken(id)) return { id, hi, lo }
  }
}

const POOL_BYTES = 4096
let pool = randomBytes(POOL_BYTES)
let poolAt = 0

function randomTag(): number {
  if (poolAt + 4 > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES)
    poolAt = 0
  }
  const tag = pool.readUInt32LE(poolAt) >>> 4
  poolAt += 4
  return tag
}
