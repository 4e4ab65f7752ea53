import { mixRow, newRowId, parsed, parseId } from "./compact-id"
import { CodeColumn, IdColumn, IntColumn, TextColumn, type Column } from "./columns"
import { JOURNALS_ITS_WRITES, type JournalSlot } from "./journal"

/** How a compact table holds one field. */
export type ColumnKind = "int" | "code" | "text" | { id: string }

/**
 * Records of one kind held field by field in typed arrays (see columns.ts),
 * for the tables that grow with every charge: with 100,000 charges held, a
 * charge and its one-off card as objects (with their id strings and Map
 * entries) were most of the heap. The first field is the id (see
 * compact-id.ts): a row is found by decoding it, without a Map.
 *
 * Rows read as views: objects whose fields read and write the columns, so
 * the domain code keeps working on records. A view is made per lookup; two
 * views of a row are equal by content, not by identity (compare ids).
 * Additions are journaled, and a view can be touched like any record.
 */
export class RecordTable<R extends object> {
  private readonly names: string[]
  private readonly columns: Column[]
  private readonly primary: IdColumn
  private readonly View: new (row: number) => R
  /** Ids that do not encode their row (from data files written before this table). */
  private readonly legacy = new Map<string, number>()
  /** Fields a data file held beyond the schema, kept so a save writes them back. */
  private readonly extras = new Map<number, Record<string, unknown>>()
  private readonly indexes: RowIndex<R>[] = []
  private rows = 0
  private capacity = 0

  constructor(
    readonly prefix: string,
    schema: ReadonlyArray<readonly [keyof R & string, ColumnKind]>,
    private readonly journal: JournalSlot,
  ) {
    this.names = schema.map(([name]) => name)
    this.columns = schema.map(([, kind]) => columnFor(kind))
    const primary = this.columns[0]
    if (!(primary instanceof IdColumn) || primary.prefix !== prefix) throw new Error("a compact table's first field is its id")
    this.primary = primary
    this.View = viewClass<R>(this, this.names, this.columns, journal)
  }

  get size(): number {
    return this.rows
  }

  /** An index of rows by a field that is set when the row is added and never changes; null values are not indexed. */
  index<V>(field: keyof R & string): RowIndex<R, V> {
    const index = new RowIndex<R, V>(this, this.names.indexOf(field), this.columns[this.names.indexOf(field)])
    this.indexes.push(index)
    return index
  }

  /** The id the next added row should have, so that it encodes its row. */
  nextId(): string {
    return newRowId(this.prefix, this.rows, (id) => this.legacy.has(id) || this.get(id) !== undefined).id
  }

  get(id: string): R | undefined {
    const row = this.rowOf(id)
    return row === -1 ? undefined : new this.View(row)
  }

  /** Adds a record (its fields are copied in) and answers its view. */
  add(record: R): R {
    const row = this.rows
    if (row === this.capacity) this.grow()
    const fields = record as Record<string, unknown>
    for (let i = 0; i < this.columns.length; i++) this.columns[i].set(row, fields[this.names[i]])
    this.keepExtras(row, fields)
    const id = fields[this.names[0]]
    const encodesRow = typeof id === "string" && parseId(this.prefix, id) && mixRow(parsed.hi, parsed.lo) === row && !this.legacy.has(id)
    if (!encodesRow) this.legacy.set(id as string, row)
    this.rows++
    for (const index of this.indexes) index.add(row)
    this.journal.current?.onUndo(() => this.dropLast(row, encodesRow ? null : (id as string)))
    return new this.View(row)
  }

  *values(): IterableIterator<R> {
    for (let row = 0; row < this.rows; row++) yield new this.View(row)
  }

  toJSON(): R[] {
    const out: R[] = new Array(this.rows)
    for (let row = 0; row < this.rows; row++) out[row] = this.read(row)
    return out
  }

  /** The row as a plain record. */
  read(row: number): R {
    const record: Record<string, unknown> = {}
    for (let i = 0; i < this.columns.length; i++) {
      const value = this.columns[i].get(row)
      if (value !== undefined) record[this.names[i]] = value
    }
    const extra = this.extras.get(row)
    return (extra ? { ...record, ...extra } : record) as R
  }

  viewOf(row: number): R {
    return new this.View(row)
  }

  private rowOf(id: string): number {
    const known = this.legacy.get(id)
    if (known !== undefined) return known
    if (!parseId(this.prefix, id)) return -1
    const row = mixRow(parsed.hi, parsed.lo)
    return row < this.rows && this.primary.holds(row, parsed.hi, parsed.lo) ? row : -1
  }

  private keepExtras(row: number, fields: Record<string, unknown>): void {
    let extra: Record<string, unknown> | null = null
    for (const name in fields) {
      if (this.names.includes(name)) continue
      ;(extra ??= {})[name] = fields[name]
    }
    if (extra) this.extras.set(row, extra)
  }

  private grow(): void {
    this.capacity = Math.max(1024, this.capacity * 2)
    for (const column of this.columns) column.grow(this.capacity)
  }

  private dropLast(row: number, legacyId: string | null): void {
    if (row !== this.rows - 1) throw new Error("compact table: rows are rolled back newest first")
    for (const index of this.indexes) index.remove(row)
    for (const column of this.columns) column.drop(row)
    this.extras.delete(row)
    if (legacyId !== null) this.legacy.delete(legacyId)
    this.rows--
  }
}

/** Rows grouped by a field that never changes; answers views, oldest first. */
export class RowIndex<R extends object, V = unknown> {
  private readonly groups = new Map<unknown, number[]>()

  constructor(
    private readonly table: RecordTable<R>,
    private readonly field: number,
    private readonly column: Column,
  ) {
    if (field < 0) throw new Error("no such field")
  }

  find(value: V): R[] {
    const rows = this.groups.get(value)
    return rows ? rows.map((row) => this.table.viewOf(row)) : []
  }

  add(row: number): void {
    const value = this.column.get(row)
    if (value === null || value === undefined) return
    const group = this.groups.get(value)
    if (group) group.push(row)
    else this.groups.set(value, [row])
  }

  remove(row: number): void {
    const value = this.column.get(row)
    const group = value === null || value === undefined ? undefined : this.groups.get(value)
    if (group && group[group.length - 1] === row) group.pop()
  }
}

function columnFor(kind: ColumnKind): Column {
  if (kind === "int") return new IntColumn()
  if (kind === "code") return new CodeColumn()
  if (kind === "text") return new TextColumn()
  return new IdColumn(kind.id)
}

/**
 * A class whose instances are views of one row: a getter and a setter per
 * field, on the prototype. A setter inside a request journals the value it
 * replaces, so a failed request puts back exactly the fields it wrote (touch
 * skips views: snapshotting every field of a row, ids formatted as strings,
 * cost more than the writes themselves).
 */
function viewClass<R extends object>(table: RecordTable<R>, names: string[], columns: Column[], journal: JournalSlot): new (row: number) => R {
  class View {
    constructor(readonly row: number) {}
    toJSON(): R {
      return table.read(this.row)
    }
  }
  Object.defineProperty(View.prototype, JOURNALS_ITS_WRITES, { value: true })
  names.forEach((name, i) => {
    const column = columns[i]
    Object.defineProperty(View.prototype, name, {
      enumerable: true,
      get(this: View) {
        return column.get(this.row)
      },
      set(this: View, value: unknown) {
        const row = this.row
        if (journal.current !== null) {
          const before = column.get(row)
          journal.current.onUndo(() => column.set(row, before))
        }
        column.set(row, value)
      },
    })
  })
  return View as unknown as new (row: number) => R
}
