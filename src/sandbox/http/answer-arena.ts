import { grown } from "../store/columns"

/**
 * Idempotency answers by key, held off the V8 heap: keys and packed answers
 * as bytes in one growing Buffer (latin1, or UTF-16 for text that needs it),
 * found through an open-addressing hash table of entry numbers. With 100,000
 * charges held, a Map of key strings to answer strings was over a third of
 * the heap, and every answer stored lived through two young-generation GCs.
 *
 * Entries keep the order they were stored in (the order of their time), so
 * the oldest are dropped from the front; a key stored again moves to the end.
 */
export class AnswerArena {
  private bytes = Buffer.alloc(64 * 1024)
  private used = 0
  // Per entry, in the order stored.
  private keyAt = new Uint32Array(0)
  private keyUnits = new Int32Array(0)
  private answerAt = new Uint32Array(0)
  private answerUnits = new Int32Array(0)
  private createdAt = new Float64Array(0)
  /** Bit 0: the key is UTF-16; bit 1: the answer is; bit 2: the entry is gone. */
  private flags = new Uint8Array(0)
  private entries = 0
  private first = 0
  private live = 0
  private removed = 0
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
    return this.find(key, hashOf(key))
  }

  createdAtOf(entry: number): number {
    return this.createdAt[entry]
  }

  /** The oldest entry still held, or -1. */
  oldest(): number {
    while (this.first < this.entries && this.flags[this.first] & GONE) this.first++
    return this.first < this.entries ? this.first : -1
  }

  /** Stores `answer` under `key`, at the end (a key stored before moves there). */
  set(key: string, answer: string, createdAt: number): void {
    const hash = hashOf(key)
    const known = this.find(key, hash)
    if (known >= 0) this.remove(known, hash)
    if (this.entries === this.createdAt.length) this.growEntries()
    if ((this.live + this.removed + 1) * 2 > this.slots.length) this.rehash(slotsFor(this.live + 1))
    const entry = this.entries++
    const keyWide = !isLatin1(key)
    const answerWide = !isLatin1(answer)
    this.keyAt[entry] = this.write(key, keyWide)
    this.keyUnits[entry] = key.length
    this.answerAt[entry] = this.write(answer, answerWide)
    this.answerUnits[entry] = answer.length
    this.createdAt[entry] = createdAt
    this.flags[entry] = (keyWide ? KEY_WIDE : 0) | (answerWide ? ANSWER_WIDE : 0)
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
      if (this.flags[entry] & GONE) continue
      yield { key: this.keyOf(entry), answer: this.answerOf(entry), createdAt: this.createdAt[entry] }
    }
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
    this.flags[entry] |= GONE
    this.live--
  }

  private keyIs(entry: number, key: string): boolean {
    if (this.keyUnits[entry] !== key.length) return false
    const at = this.keyAt[entry]
    if (this.flags[entry] & KEY_WIDE) {
      for (let i = 0; i < key.length; i++) if (this.bytes.readUInt16LE(at + 2 * i) !== key.charCodeAt(i)) return false
      return true
    }
    for (let i = 0; i < key.length; i++) if (this.bytes[at + i] !== key.charCodeAt(i)) return false
    return true
  }

  private keyOf(entry: number): string {
    return this.read(this.keyAt[entry], this.keyUnits[entry], (this.flags[entry] & KEY_WIDE) !== 0)
  }

  answerOf(entry: number): string {
    return this.read(this.answerAt[entry], this.answerUnits[entry], (this.flags[entry] & ANSWER_WIDE) !== 0)
  }

  private read(at: number, units: number, wide: boolean): string {
    return wide ? this.bytes.toString("utf16le", at, at + 2 * units) : this.bytes.toString("latin1", at, at + units)
  }

  private write(text: string, wide: boolean): number {
    const size = wide ? 2 * text.length : text.length
    if (this.used + size > this.bytes.length) {
      const next = Buffer.alloc(Math.max(this.bytes.length * 2, this.used + size))
      this.bytes.copy(next, 0, 0, this.used)
      this.bytes = next
    }
    const at = this.used
    if (wide) this.bytes.write(text, at, size, "utf16le")
    else this.bytes.write(text, at, size, "latin1")
    this.used += size
    return at
  }

  private growEntries(): void {
    const capacity = Math.max(1024, this.createdAt.length * 2)
    this.keyAt = grown(this.keyAt, capacity, (n) => new Uint32Array(n))
    this.keyUnits = grown(this.keyUnits, capacity, (n) => new Int32Array(n))
    this.answerAt = grown(this.answerAt, capacity, (n) => new Uint32Array(n))
    this.answerUnits = grown(this.answerUnits, capacity, (n) => new Int32Array(n))
    this.createdAt = grown(this.createdAt, capacity, (n) => new Float64Array(n))
    this.flags = grown(this.flags, capacity, (n) => new Uint8Array(n))
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size)
    this.removed = 0
    for (let entry = this.first; entry < this.entries; entry++) {
      if (!(this.flags[entry] & GONE)) this.slots[this.freeSlot(hashOf(this.keyOf(entry)))] = entry + 1
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
