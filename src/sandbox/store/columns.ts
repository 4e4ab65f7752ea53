import { formatId, NOT_AN_ID, parsed, parseId } from "./compact-id"
import { PagedFloat64, PagedInt32, PagedUint16, PagedUint32 } from "./paged"

/**
 * One field of a compact table, for every row: typed arrays where the
 * values allow it (the common case), a sparse Map for the rare value that
 * does not fit (a number beyond 32 bits, a legacy id, a field an old data
 * file left out). Values read back are exactly the values written.
 */
export interface Column {
  get(row: number): unknown
  set(row: number, value: unknown): void
  /** Makes room for rows below `capacity`. */
  grow(capacity: number): void
  /** Forgets `row` (the last one, rolled back). */
  drop(row: number): void
}

abstract class SparseColumn implements Column {
  protected readonly others = new Map<number, unknown>()
  abstract get(row: number): unknown
  abstract set(row: number, value: unknown): void
  abstract grow(capacity: number): void
  drop(row: number): void {
    this.others.delete(row)
  }
}

const INT_NULL = -2147483648
const INT_OTHER = -2147483647

/** Integers (amounts, unix seconds, customer ids) and null, 4 bytes each. */
export class IntColumn extends SparseColumn {
  private readonly data = new PagedInt32()

  get(row: number): unknown {
    const v = this.data.get(row)
    return v === INT_NULL ? null : v === INT_OTHER ? this.others.get(row) : v
  }

  set(row: number, value: unknown): void {
    if (value === null) this.data.set(row, INT_NULL)
    else if (typeof value === "number" && (value | 0) === value && value > INT_OTHER && !Object.is(value, -0)) this.data.set(row, value)
    else {
      this.data.set(row, INT_OTHER)
      this.others.set(row, value)
      return
    }
    if (this.others.size) this.others.delete(row)
  }

  grow(capacity: number): void {
    this.data.grow(capacity)
  }
}

const CODE_OTHER = 0xffff

/** Values from a small set (a state, a currency, a brand, last 4 digits, a boolean), 2 bytes each. */
export class CodeColumn extends SparseColumn {
  private readonly data = new PagedUint16()
  private readonly values: unknown[] = []
  private readonly codes = new Map<unknown, number>()

  get(row: number): unknown {
    const code = this.data.get(row)
    return code === CODE_OTHER ? this.others.get(row) : this.values[code]
  }

  /** The last value coded and its code: a column mostly repeats itself row after row (a method, a currency, an environment). */
  private lastValue: unknown = undefined
  private lastCode: number | undefined = undefined

  set(row: number, value: unknown): void {
    let code = value === this.lastValue && this.lastCode !== undefined ? this.lastCode : this.codes.get(value)
    if (code === undefined && this.values.length < CODE_OTHER && isCodable(value)) {
      code = this.values.length
      this.values.push(value)
      this.codes.set(value, code)
    }
    if (code === undefined) {
      this.data.set(row, CODE_OTHER)
      this.others.set(row, value)
      return
    }
    this.data.set(row, code)
    this.lastValue = value
    this.lastCode = code
    if (this.others.size) this.others.delete(row)
  }

  grow(capacity: number): void {
    this.data.grow(capacity)
  }
}

/** Strings, booleans, null and numbers compare by value in a Map; objects (and -0) would not round-trip by identity. */
function isCodable(value: unknown): boolean {
  return value === null || value === undefined || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && !Object.is(value, -0))
}

/** Above every 28-bit tag, like NOT_AN_ID: null, without a Map entry per row. */
const ID_NULL = NOT_AN_ID - 1

/**
 * Ids (`prefix_` and 14 hex digits) as two 32-bit halves, 8 bytes instead
 * of a string; null and anything else go to the sparse Map.
 */
export class IdColumn extends SparseColumn {
  private readonly hi = new PagedUint32()
  private readonly lo = new PagedUint32()

  constructor(readonly prefix: string) {
    super()
  }

  get(row: number): unknown {
    const hi = this.hi.get(row)
    return hi === NOT_AN_ID ? this.others.get(row) : hi === ID_NULL ? null : formatId(this.prefix, hi, this.lo.get(row))
  }

  set(row: number, value: unknown): void {
    if (typeof value === "string" && parseId(this.prefix, value)) this.setHalves(row, parsed.hi, parsed.lo)
    else if (value === null) this.setHalves(row, ID_NULL, 0)
    else {
      this.hi.set(row, NOT_AN_ID)
      this.others.set(row, value)
    }
  }

  setHalves(row: number, hi: number, lo: number): void {
    this.hi.set(row, hi)
    this.lo.set(row, lo)
    if (this.others.size) this.others.delete(row)
  }

  /** Whether `row` holds exactly this id (by its halves). */
  holds(row: number, hi: number, lo: number): boolean {
    return this.hi.get(row) === hi && this.lo.get(row) === lo
  }

  grow(capacity: number): void {
    this.hi.grow(capacity)
    this.lo.grow(capacity)
  }
}

/**
 * Free text (a description): its UTF-16 code units in chunks off the V8
 * heap, rather than a string object per row. A text never spans two chunks
 * (a long one gets a chunk of its own). Anything that is not a string goes
 * to the sparse Map.
 */
export class TextColumn extends SparseColumn {
  /** chunk * 2^32 + offset */
  private readonly start = new PagedFloat64()
  private readonly length = new PagedInt32()
  private readonly chunks: Uint16Array[] = []
  private used = TEXT_CHUNK

  get(row: number): unknown {
    const length = this.length.get(row)
    if (length === TEXT_NULL) return null
    if (length < 0) return this.others.get(row)
    if (length === 0) return ""
    const start = this.start.get(row)
    const offset = start % CHUNK_SPAN
    return textOf(this.chunks[(start - offset) / CHUNK_SPAN], offset, offset + length)
  }

  set(row: number, value: unknown): void {
    if (typeof value !== "string") {
      this.length.set(row, value === null ? TEXT_NULL : TEXT_OTHER)
      if (value !== null) this.others.set(row, value)
      else if (this.others.size) this.others.delete(row)
      return
    }
    if (this.used + value.length > TEXT_CHUNK) {
      this.chunks.push(new Uint16Array(Math.max(TEXT_CHUNK, value.length)))
      this.used = 0
    }
    const chunk = this.chunks.length - 1
    const units = this.chunks[chunk]
    for (let i = 0; i < value.length; i++) units[this.used + i] = value.charCodeAt(i)
    this.start.set(row, chunk * CHUNK_SPAN + this.used)
    this.length.set(row, value.length)
    // A text longer than a chunk filled its own: the next one starts a new chunk.
    this.used = value.length > TEXT_CHUNK ? TEXT_CHUNK : this.used + value.length
    if (this.others.size) this.others.delete(row)
  }

  /** A rolled-back last row gives its text back; a rewritten row's old text stays (rows are rarely rewritten). */
  override drop(row: number): void {
    super.drop(row)
    const length = this.length.get(row)
    const start = this.start.get(row)
    const offset = start % CHUNK_SPAN
    if (length > 0 && (start - offset) / CHUNK_SPAN === this.chunks.length - 1 && offset + length === this.used) this.used = offset
  }

  grow(capacity: number): void {
    this.start.grow(capacity)
    this.length.grow(capacity)
  }
}

const TEXT_CHUNK = 64 * 1024
const CHUNK_SPAN = 2 ** 32
const TEXT_NULL = -1
const TEXT_OTHER = -2

const CHUNK = 4096

export function textOf(units: Uint16Array, start: number, end: number): string {
  if (end - start <= CHUNK) return String.fromCharCode.apply(null, units.subarray(start, end) as unknown as number[])
  let text = ""
  for (let at = start; at < end; at += CHUNK) text += String.fromCharCode.apply(null, units.subarray(at, Math.min(end, at + CHUNK)) as unknown as number[])
  return text
}
