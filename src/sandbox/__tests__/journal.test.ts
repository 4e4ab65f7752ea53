import { Journal, JournalSlot } from "../store/journal"
import { RequestLog, type RequestLogEntry } from "../http/request-log"
import { Index, Table } from "../store/table"

interface Row {
  id: string
  owner: number | null
  refunded: number
  tags: string[]
}

function table() {
  const slot = new JournalSlot()
  const byOwner = new Index<number | null, Row>((r) => r.owner)
  const rows = new Table<string, Row>((r) => r.id, slot, [byOwner])
  rows.add({ id: "a", owner: 1, refunded: 0, tags: ["x"] })
  return { slot, byOwner, rows }
}

describe("the undo journal", () => {
  it("a rollback removes added rows (and their index entries) and puts touched records back, arrays included", () => {
    const { slot, byOwner, rows } = table()
    const journal = (slot.current = new Journal())
    rows.add({ id: "b", owner: 1, refunded: 0, tags: [] })
    const a = rows.get("a")!
    journal.touch(a)
    a.refunded = 500
    a.tags.push("y")
    journal.touch(a) // a second touch keeps the first snapshot
    a.refunded = 700
    ;(a as any).extra = true
    journal.rollback()
    expect([...rows.values()]).toEqual([{ id: "a", owner: 1, refunded: 0, tags: ["x"] }])
    expect(rows.get("b")).toBeUndefined()
    expect(byOwner.find(1).map((r) => r.id)).toEqual(["a"])
    expect(rows.get("a")).toBe(a)
  })

  it("without a journal (outside a request) writes simply happen", () => {
    const { rows, byOwner } = table()
    rows.add({ id: "c", owner: null, refunded: 0, tags: [] })
    expect(rows.size).toBe(2)
    expect(byOwner.find(null)).toEqual([])
    expect(rows.toJSON().map((r) => r.id)).toEqual(["a", "c"])
  })
})

describe("the request log", () => {
  it("keeps the newest 10,000 entries, oldest first, once it wraps", () => {
    const log = new RequestLog()
    const entry = (i: number): RequestLogEntry => ({ id: `req_${i}`, method: "POST", path: "/api/v2/charge", status: 200, code: null, idempotency_key: null, replayed: false, env: i % 2 ? "live" : "test", at: i, fault: null })
    for (let i = 0; i < 10_005; i++) log.record(entry(i))
    const all = log.list("all")
    expect([all.length, all[0].id, all[all.length - 1].id]).toEqual([10_000, "req_5", "req_10004"])
    expect(log.list("live").every((e) => e.env === "live")).toBe(true)
    log.clear()
    expect(log.list("all")).toEqual([])
  })
})
