import { formatId, NOT_AN_ID, parsed, parseId } from "./compact-id"

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
  private data = new Int32Array(0)

  get(row: number): unknown {
    const v = this.data[row]
    return v === INT_NULL ? null : v === INT_OTHER ? this.others.get(row) : v
  }

  set(row: number, value: unknown): void {
    if (value === null) this.data[row] = INT_NULL
    else if (typeof value === "number" && (value | 0) === value && value > INT_OTHER && !Object.is(value, -0)) this.data[row] = value
    else {
      this.data[row] = INT_OTHER
      this.others.set(row, value)
      return
    }
    if (this.others.size) this.others.delete(row)
  }

  grow(capacity: number): void {
    this.data = grown(this.data, capacity, (n) => new Int32Array(n))
  }
}

const CODE_OTHER = 0xffff

/** Values from a small set (a state, a currency, a brand, last 4 digits, a boolean), 2 bytes each. */
export class CodeColumn extends SparseColumn {
  private data = new Uint16Array(0)
  private readonly values: unknown[] = []
  private readonly codes = new Map<unknown, number>()

  get(row: number): unknown {
    const code = this.data[row]
    return code === CODE_OTHER ? this.others.get(row) : this.values[code]
  }

  set(row: number, value: unknown): void {
    let code = this.codes.get(value)
    if (code === undefined && this.values.length < CODE_OTHER && isCodable(value)) {
      code = this.values.length
      this.values.push(value)
      this.codes.set(value, code)
    }
    if (code === undefined) {
      this.data[row] = CODE_OTHER
      this.others.set(row, value)
      return
    }
    this.data[row] = code
    if (this.others.size) this.others.delete(row)
  }

  grow(capacity: number): void {
    this.data = grown(this.data, capacity, (n) => new Uint16Array(n))
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
  private hi = new Uint32Array(0)
  private lo = new Uint32Array(0)

  constructor(readonly prefix: string) {
    super()
  }

  get(row: number): unknown {
    const hi = this.hi[row]
    return hi === NOT_AN_ID ? this.others.get(row) : hi === ID_NULL ? null : formatId(this.prefix, hi, this.lo[row])
  }

  set(row: number, value: unknown): void {
    if (typeof value === "string" && parseId(this.prefix, value)) this.setHalves(row, parsed.hi, parsed.lo)
    else if (value === null) this.setHalves(row, ID_NULL, 0)
    else {
      this.hi[row] = NOT_AN_ID
      this.others.set(row, value)
    }
  }

  setHalves(row: number, hi: number, lo: number): void {
    this.hi[row] = hi
    this.lo[row] = lo
    if (this.others.size) this.others.delete(row)
  }

  /** Whether `row` holds exactly this id (by its halves). */
  holds(row: number, hi: number, lo: number): boolean {
    return this.hi[row] === hi && this.lo[row] === lo
  }

  grow(capacity: number): void {
    this.hi = grown(this.hi, capacity, (n) => new Uint32Array(n))
    this.lo = grown(this.lo, capacity, (n) => new Uint32Array(n))
  }
}

/**
 * Free text (a description, a cardholder's name): its UTF-16 code units in
 * one growing array, off the V8 heap, rather than a string object per row.
 * Anything that is not a string goes to the sparse Map.
 */
export class TextColumn extends SparseColumn {
  private start = new Uint32Array(0)
  private length = new Int32Array(0)
  private units = new Uint16Array(1024)
  private used = 0

  get(row: number): unknown {
    const length = this.length[row]
    if (length === TEXT_NULL) return null
    if (length < 0) return this.others.get(row)
    const start = this.start[row]
    return textOf(this.units, start, start + length)
  }

  set(row: number, value: unknown): void {
    if (typeof value !== "string" || this.used + value.length > MAX_TEXT_UNITS) {
      this.length[row] = value === null ? TEXT_NULL : TEXT_OTHER
      if (value !== null) this.others.set(row, value)
      else if (this.others.size) this.others.delete(row)
      return
    }
    if (this.used + value.length > this.units.length) this.units = grown(this.units, Math.max(this.units.length * 2, this.used + value.length), (n) => new Uint16Array(n))
    for (let i = 0; i < value.length; i++) this.units[this.used + i] = value.charCodeAt(i)
    this.start[row] = this.used
    this.length[row] = value.length
    this.used += value.length
    if (this.others.size) this.others.delete(row)
  }

  /** A rolled-back last row gives its text back; a rewritten row's old text stays (rows are rarely rewritten). */
  override drop(row: number): void {
    super.drop(row)
    if (this.length[row] > 0 && this.start[row] + this.length[row] === this.used) this.used = this.start[row]
  }

  grow(capacity: number): void {
    this.start = grown(this.start, capacity, (n) => new Uint32Array(n))
    this.length = grown(this.length, capacity, (n) => new Int32Array(n))
  }
}

const TEXT_NULL = -1
const TEXT_OTHER = -2
/** Offsets are 32-bit; text beyond 4 G code units (never, in a sandbox) goes to the sparse Map. */
const MAX_TEXT_UNITS = 0xffffffff

const CHUNK = 4096

export function textOf(units: Uint16Array, start: number, end: number): string {
  if (end - start <= CHUNK) return String.fromCharCode.apply(null, units.subarray(start, end) as unknown as number[])
  let text = ""
  for (let at = start; at < end; at += CHUNK) text += String.fromCharCode.apply(null, units.subarray(at, Math.min(end, at + CHUNK)) as unknown as number[])
  return text
}

export function grown<T extends Int32Array | Uint16Array | Uint32Array | Float64Array | Uint8Array>(data: T, capacity: number, make: (n: number) => T): T {
  if (capacity <= data.length) return data
  const next = make(capacity)
  next.set(data)
  return next
}
