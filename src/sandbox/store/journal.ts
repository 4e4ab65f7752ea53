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
    // A view of a compact table's row journals each write itself (see record-table.ts).
    if ((record as Partial<SelfJournaling>)[JOURNALS_ITS_WRITES] === true) return record
    if (this.saved.includes(record)) return record
    this.saved.push(record)
    const before = snapshot(record)
    this.undos.push(() => restore(record, before))
    return record
  }

  /** Newest first, so that later changes are undone before the ones they built on. */
  rollback(): void {
    for (let i = this.undos.length - 1; i >= 0; i--) this.undos[i]()
    this.clear()
  }

  /** Forgets the request's undos (it succeeded), so the journal can serve the next one. */
  clear(): void {
    this.undos.length = 0
    this.saved.length = 0
  }
}

/**
 * Marks a record whose setters journal the value they replace (a view of a
 * compact table's row): touch has nothing to snapshot, and a request pays
 * only for the fields it writes.
 */
export const JOURNALS_ITS_WRITES = Symbol("journals its writes")
export interface SelfJournaling {
  [JOURNALS_ITS_WRITES]: true
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
