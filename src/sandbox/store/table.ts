import type { JournalSlot } from "./journal"

/**
 * Records of one kind, by id, in the order they were added (a Map keeps
 * insertion order), with optional lookups by a field that never changes
 * (a card's customer, a customer's username). Lookups are O(1) whatever
 * the size: the sandbox used to scan arrays, so each request cost more as
 * charges piled up. Additions are journaled, so a failed request leaves no
 * row behind. Persisted as a plain array, as before.
 */
export class Table<K, R extends object> {
  private readonly rows = new Map<K, R>()
  private readonly indexes: Array<Index<unknown, R>>

  constructor(
    private readonly idOf: (row: R) => K,
    private readonly journal: JournalSlot,
    indexes: Array<Index<any, R>> = [],
  ) {
    this.indexes = indexes
  }

  get(id: K): R | undefined {
    return this.rows.get(id)
  }

  get size(): number {
    return this.rows.size
  }

  add(row: R): R {
    const id = this.idOf(row)
    this.rows.set(id, row)
    for (const index of this.indexes) index.add(row)
    this.journal.current?.onUndo(() => {
      this.rows.delete(id)
      for (const index of this.indexes) index.remove(row)
    })
    return row
  }

  values(): IterableIterator<R> {
    return this.rows.values()
  }

  toJSON(): R[] {
    return [...this.rows.values()]
  }
}

/** Rows grouped by a field that is set when the row is added and never changes; null values are not indexed. */
export class Index<V, R> {
  private readonly groups = new Map<V, R[]>()

  constructor(private readonly valueOf: (row: R) => V) {}

  /** The rows with this value, oldest first; do not modify. */
  find(value: V): readonly R[] {
    return this.groups.get(value) ?? NO_ROWS
  }

  add(row: R): void {
    const value = this.valueOf(row)
    if (value === null || value === undefined) return
    const group = this.groups.get(value)
    if (group) group.push(row)
    else this.groups.set(value, [row])
  }

  remove(row: R): void {
    const value = this.valueOf(row)
    if (value === null || value === undefined) return
    const group = this.groups.get(value)
    const at = group?.lastIndexOf(row) ?? -1
    if (group && at !== -1) group.splice(at, 1)
  }
}

const NO_ROWS: readonly never[] = Object.freeze([])
