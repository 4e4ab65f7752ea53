import { InvoiceNotFoundError } from "../invoice-errors"
import { InvoiceTransaction, LockedInvoices, lockedInvoice, lockedInvoiceIfRecorded } from "../invoice-lock"

/**
 * The invoice lock against a table held in memory that keeps the two
 * promises the lock relies on from PostgreSQL: a transaction's writes are
 * kept only if it ends without a throw, and a row read for update is held
 * until the transaction ends. The end-to-end suite runs it on PostgreSQL.
 */

interface Row {
  invoice_num: number
  amount_refunded: number
  sent_at: string[]
}

class MemoryInvoices {
  readonly rows = new Map<number, Row>()
  private queue: Promise<unknown> = Promise.resolve()

  readonly transaction: InvoiceTransaction<Row> = (work) => {
    const run = this.queue.then(async () => {
      const staged = new Map<number, Row>()
      const rows: LockedInvoices<Row> = {
        findLocked: async (n) => (this.rows.has(n) ? structuredClone(this.rows.get(n)!) : null),
        save: async (record) => {
          staged.set(record.invoice_num, structuredClone(record))
          return record
        },
      }
      const answer = await work(rows)
      for (const [n, r] of staged) this.rows.set(n, r)
      return answer
    })
    this.queue = run.catch(() => undefined)
    return run
  }
}

function table(...rows: Row[]): MemoryInvoices {
  const t = new MemoryInvoices()
  for (const r of rows) t.rows.set(r.invoice_num, r)
  return t
}

const row = (n: number): Row => ({ invoice_num: n, amount_refunded: 0, sent_at: [] })

describe("lockedInvoice", () => {
  it("hands work the record and a save that merges a patch into it; the answer is work's", async () => {
    const t = table(row(7))
    const answer = await lockedInvoice(t.transaction, 7, async (record, save) => save({ amount_refunded: record.amount_refunded + 500 }))
    expect(answer).toEqual({ invoice_num: 7, amount_refunded: 500, sent_at: [] })
    expect(t.rows.get(7)!.amount_refunded).toBe(500)
  })

  it("a throw after the save (a gateway refusal) leaves the record as it was", async () => {
    const t = table(row(7))
    const refusal = new Error("refused")
    await expect(
      lockedInvoice(t.transaction, 7, async (_record, save) => {
        await save({ amount_refunded: 500 })
        throw refusal
      })
    ).rejects.toBe(refusal)
    expect(t.rows.get(7)!.amount_refunded).toBe(0)
  })

  it("an unknown invoice is InvoiceNotFoundError, and work never runs", async () => {
    const t = table()
    let ran = false
    await expect(lockedInvoice(t.transaction, 9, async () => void (ran = true))).rejects.toThrow(InvoiceNotFoundError)
    expect(ran).toBe(false)
  })

  it("two operations at once take turns: the second reads what the first saved, never a stale copy", async () => {
    const t = table(row(7))
    const refund = (amount: number) => lockedInvoice(t.transaction, 7, async (record, save) => save({ amount_refunded: record.amount_refunded + amount }))
    await Promise.all([refund(300), refund(200)])
    expect(t.rows.get(7)!.amount_refunded).toBe(500)
  })
})

describe("lockedInvoiceIfRecorded", () => {
  it("a missing record is reported, not thrown: the gateway's money already moved", async () => {
    const t = table()
    const reported: string[] = []
    await lockedInvoiceIfRecorded(t.transaction, 9, async () => undefined, (m) => reported.push(m))
    expect(reported).toEqual(["InstantMerchant: no record of invoice 9; the gateway's change was not recorded"])
  })

  it("a recorded invoice is updated; any other failure is thrown", async () => {
    const t = table(row(7))
    const reported: string[] = []
    await lockedInvoiceIfRecorded(t.transaction, 7, (record, save) => save({ sent_at: [...record.sent_at, "now"] }), (m) => reported.push(m))
    expect(t.rows.get(7)!.sent_at).toEqual(["now"])
    const broken = new Error("database down")
    await expect(lockedInvoiceIfRecorded(t.transaction, 7, async () => { throw broken }, (m) => reported.push(m))).rejects.toBe(broken)
    expect(reported).toEqual([])
  })
})
