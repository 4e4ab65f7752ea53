import { PagedFloat64, PagedInt32, PagedUint8 } from "../store/paged"

/**
 * Idempotency answers by key, held off the V8 heap: keys and packed answers
 * as bytes in Buffer chunks (latin1, or UTF-16 for text that needs it),
 * found through an open-addressing hash table of entry numbers. With 100,000
 * charges held, a Map of key strings to answer strings was over a third of
 * the heap, and every answer stored lived through two young-generation GCs.
 *
 * Entries keep the order they were stored in (the order of their time), so
 * the oldest are dropped from the front; a key stored again moves to the end.
 */
export class AnswerArena {
  /** Keys and answers; one never spans two chunks (a long one gets a chunk of its own). */
  private readonly chunks: Buffer[] = []
  private used = BYTE_CHUNK
  // Per entry, in the order stored. Positions are chunk * 2^32 + offset.
  private readonly keyAt = new PagedFloat64()
  private readonly keyUnits = new PagedInt32()
  private readonly answerAt = new PagedFloat64()
  private readonly answerUnits = new PagedInt32()
  private readonly createdAt = new PagedFloat64()
  /** Bit 0: the key is UTF-16; bit 1: the answer is; bit 2: the entry is gone. */
  private readonly flags = new PagedUint8()
  private capacity = 0
  private entries = 0
  private first = 0
  private live = 0
  private removed = 0
  /** The last key hashed, and its hash: a keyed request looks its key up, then stores it. */
  private hashedKey = ""
  private hashedKeyHash = hashOf("")
  /** Entry number + 1 per slot; 0 empty, -1 a removed entry. */
  private slots = new Int32Array(1024)

  get size(): number {
    return this.live
  }

  /** The packed answer stored under `key`, or undefined. */
  get(key: string): string | undefined {
    const entry = this.entryOf(key)
    return entry < 0 ? undefined : this.answerOf(entry)
  }

  /** The entry holding `key`, or -1. */
  entryOf(key: string): number {
    return this.find(key, this.hashOf(key))
  }

  createdAtOf(entry: number): number {
    return this.createdAt.get(entry)
  }

  /** The oldest entry still held, or -1. */
  oldest(): number {
    while (this.first < this.entries && this.flags.get(this.first) & GONE) this.first++
    return this.first < this.entries ? this.first : -1
  }

  /** Stores `answer` under `key`, at the end (a key stored before moves there). */
  set(key: string, answer: string, createdAt: number): void {
    const hash = this.hashOf(key)
    const known = this.find(key, hash)
    if (known >= 0) this.remove(known, hash)
    if (this.entries === this.capacity) this.growEntries()
    if ((this.live + this.removed + 1) * 2 > this.slots.length) this.rehash(slotsFor(this.live + 1))
    const entry = this.entries++
    const keyWide = !isLatin1(key)
    const answerWide = !isLatin1(answer)
    this.keyAt.set(entry, this.write(key, keyWide))
    this.keyUnits.set(entry, key.length)
    this.answerAt.set(entry, this.write(answer, answerWide))
    this.answerUnits.set(entry, answer.length)
    this.createdAt.set(entry, createdAt)
    this.flags.set(entry, (keyWide ? KEY_WIDE : 0) | (answerWide ? ANSWER_WIDE : 0))
    this.live++
    this.slots[this.freeSlot(hash)] = entry + 1
  }

  /** Drops the oldest entry. */
  dropOldest(): void {
    const entry = this.oldest()
    if (entry >= 0) this.remove(entry, hashOf(this.keyOf(entry)))
    if (this.entries > 1024 && this.live * 2 < this.entries) this.compact()
  }

  /** Every entry, oldest first. */
  *all(): IterableIterator<{ key: string; answer: string; createdAt: number }> {
    for (let entry = this.first; entry < this.entries; entry++) {
      if (this.flags.get(entry) & GONE) continue
      yield { key: this.keyOf(entry), answer: this.answerOf(entry), createdAt: this.createdAt.get(entry) }
    }
  }

  private hashOf(key: string): number {
    if (key !== this.hashedKey) {
      this.hashedKey = key
      this.hashedKeyHash = hashOf(key)
    }
    return this.hashedKeyHash
  }

  private find(key: string, hash: number): number {
    const mask = this.slots.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]
      if (held === 0) return -1
      if (held > 0 && this.keyIs(held - 1, key)) return held - 1
    }
  }

  private freeSlot(hash: number): number {
    const mask = this.slots.length - 1
    let slot = hash & mask
    while (this.slots[slot] > 0) slot = (slot + 1) & mask
    return slot
  }

  private remove(entry: number, hash: number): void {
    const mask = this.slots.length - 1
    for (let slot = hash & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.slots[slot] === entry + 1) {
        this.slots[slot] = -1
        this.removed++
        break
      }
    }
    this.flags.set(entry, this.flags.get(entry) | GONE)
    this.live--
  }

  private keyIs(entry: number, key: string): boolean {
    if (this.keyUnits.get(entry) !== key.length) return false
    const position = this.keyAt.get(entry)
    const at = position % CHUNK_SPAN
    const bytes = this.chunks[(position - at) / CHUNK_SPAN]
    if (this.flags.get(entry) & KEY_WIDE) {
      for (let i = 0; i < key.length; i++) if (bytes.readUInt16LE(at + 2 * i) !== key.charCodeAt(i)) return false
      return true
    }
    for (let i = 0; i < key.length; i++) if (bytes[at + i] !== key.charCodeAt(i)) return false
    return true
  }

  private keyOf(entry: number): string {
    return this.read(this.keyAt.get(entry), this.keyUnits.get(entry), (this.flags.get(entry) & KEY_WIDE) !== 0)
  }

  answerOf(entry: number): string {
    return this.read(this.answerAt.get(entry), this.answerUnits.get(entry), (this.flags.get(entry) & ANSWER_WIDE) !== 0)
  }

  private read(position: number, units: number, wide: boolean): string {
    const at = position % CHUNK_SPAN
    const bytes = this.chunks[(position - at) / CHUNK_SPAN]
    return wide ? bytes.toString("utf16le", at, at + 2 * units) : bytes.toString("latin1", at, at + units)
  }

  /** Writes `text` and answers where it went. */
  private write(text: string, wide: boolean): number {
    const size = wide ? 2 * text.length : text.length
    if (this.chunks.length === 0 || this.used + size > BYTE_CHUNK) {
      // Never read before written, so the chunk need not be zeroed (and its pages stay untouched until used).
      this.chunks.push(Buffer.allocUnsafeSlow(Math.max(BYTE_CHUNK, size)))
      this.used = 0
    }
    const chunk = this.chunks.length - 1
    const bytes = this.chunks[chunk]
    const at = this.used
    if (wide) bytes.write(text, at, size, "utf16le")
    else bytes.write(text, at, size, "latin1")
    this.used = size > BYTE_CHUNK ? BYTE_CHUNK : at + size
    return chunk * CHUNK_SPAN + at
  }

  private growEntries(): void {
    this.capacity = Math.max(1024, this.capacity * 2)
    for (const column of [this.keyAt, this.keyUnits, this.answerAt, this.answerUnits, this.createdAt, this.flags]) column.grow(this.capacity)
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size)
    this.removed = 0
    for (let entry = this.first; entry < this.entries; entry++) {
      if (!(this.flags.get(entry) & GONE)) this.slots[this.freeSlot(hashOf(this.keyOf(entry)))] = entry + 1
    }
  }

  /** Once most entries are gone (expired or stored again), copies the live ones to a fresh arena. */
  private compact(): void {
    const kept = [...this.all()]
    const fresh = new AnswerArena()
    for (const { key, answer, createdAt } of kept) fresh.set(key, answer, createdAt)
    Object.assign(this, fresh)
  }
}

/** A power of two at least four times the entries, so the table stays at most half full until the next rehash. */
function slotsFor(entries: number): number {
  let size = 1024
  while (size < entries * 4) size *= 2
  return size
}

const BYTE_CHUNK = 1024 * 1024
const CHUNK_SPAN = 2 ** 32

const KEY_WIDE = 1
const ANSWER_WIDE = 2
const GONE = 4

const WIDE_CHARACTER = /[^\u0000-\u00ff]/

function isLatin1(text: string): boolean {
  return !WIDE_CHARACTER.test(text)
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193)
  return hash >>> 0
}
