/**
 * The undo log of one request. Endpoints change the state in place; the
 * journal records how to put back each change (a row added to a table, a
 * record about to change), so a request that throws half-way is undone
 * exactly: "a decline changes nothing" holds for every endpoint at once.
 *
 * It replaced a Proxy over the whole environment, which made every read of
 * every record pay for the journal (about a fifth of the sandbox's busy time,
 * `npm run bench`); now only writes cost, and only what they write.
 */
export class Journal {
  private readonly undos: Array<() => void> = []
  /** Records already saved by touch; a request touches one or two, so a list beats a Set. */
  private readonly saved: object[] = []

  onUndo(undo: () => void): void {
    this.undos.push(undo)
  }

  /** Records `record` as it is now, once per request; call before changing it in place. */
  touch<T extends object>(record: T): T {
    if (this.saved.includes(record)) return record
    this.saved.push(record)
    const own = (record as Partial<Undoable>)[UNDO_SNAPSHOT]
    if (typeof own === "function") {
      this.undos.push(own.call(record))
      return record
    }
    const before = snapshot(record)
    this.undos.push(() => restore(record, before))
    return record
  }

  /** Newest first, so that later changes are undone before the ones they built on. */
  rollback(): void {
    for (let i = this.undos.length - 1; i >= 0; i--) this.undos[i]()
    this.undos.length = 0
    this.saved.length = 0
  }
}

/** A record that snapshots itself (a view of a compact table's row): answers how to put it back. */
export const UNDO_SNAPSHOT = Symbol("undo snapshot")
export interface Undoable {
  [UNDO_SNAPSHOT](): () => void
}

/** Where the environment's tables find the request's journal; empty outside a request. */
export class JournalSlot {
  current: Journal | null = null
}

/** Own fields, with arrays copied (a subscription's charge_ids grow in place). */
function snapshot(record: object): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record }
  for (const key in copy) if (Array.isArray(copy[key])) copy[key] = (copy[key] as unknown[]).slice()
  return copy
}

function restore(record: object, before: Record<string, unknown>): void {
  const target = record as Record<string, unknown>
  for (const key in target) if (!(key in before)) delete target[key]
  for (const key in before) {
    const current = target[key]
    const value = before[key]
    if (Array.isArray(current) && Array.isArray(value)) current.splice(0, current.length, ...value)
    else target[key] = value
  }
}
