import { AnswerArena } from "../http/answer-arena"
import { IdempotencyStore, IDEMPOTENCY_WINDOW_SECONDS } from "../http/idempotency"
import { Journal, JournalSlot } from "../store/journal"
import { RecordTable } from "../store/record-table"
import { formatId, parsed, parseId } from "../store/compact-id"

interface Row {
  row_id: string
  amount: number | null
  state: string
  note: string | null
  owner: string | null
}

function table() {
  const slot = new JournalSlot()
  const rows = new RecordTable<Row>("row", [["row_id", { id: "row" }], ["amount", "int"], ["state", "code"], ["note", "text"], ["owner", { id: "own" }]], slot)
  return { slot, rows, byState: rows.index<string>("state") }
}

describe("compact tables", () => {
  it("read back exactly what was written, odd values included, and find rows by their id", () => {
    const { rows } = table()
    const written: Row[] = [
      { row_id: rows.nextId(), amount: 100, state: "open", note: null, owner: null },
      { row_id: rows.nextId(), amount: 2 ** 40, state: "open", note: "é ✓ \u0000 long ".repeat(500), owner: "own_0123456789abcd" },
      { row_id: "row_legacy-id", amount: -0, state: "x", note: "", owner: "someone else" },
    ]
    written[1].row_id = rows.nextId() // not the row's own: stored as a legacy id, still found
    for (const row of written) rows.add(row)
    expect(rows.toJSON()).toEqual(written)
    expect(Object.is(rows.toJSON()[2].amount, -0)).toBe(true)
    for (const row of written) expect(rows.get(row.row_id)?.note).toBe(row.note)
    expect(rows.get("row_ffffffffffffff")).toBeUndefined()
    expect(rows.get(written[0].row_id.toUpperCase())).toBeUndefined()
    expect(JSON.parse(JSON.stringify(rows.get(written[2].row_id)))).toEqual({ ...written[2], amount: 0 })
  })

  it("a rollback removes added rows (ids, text and index entries) and puts touched rows back", () => {
    const { slot, rows, byState } = table()
    const first = rows.add({ row_id: rows.nextId(), amount: 1, state: "open", note: "kept", owner: null })
    const journal = (slot.current = new Journal())
    const addedId = rows.add({ row_id: rows.nextId(), amount: 2, state: "open", note: "dropped", owner: null }).row_id
    journal.touch(first)
    first.amount = 50
    first.note = "changed"
    journal.rollback()
    slot.current = null
    expect(rows.size).toBe(1)
    expect(rows.get(addedId)).toBeUndefined()
    expect(rows.get(first.row_id)).toMatchObject({ amount: 1, note: "kept" })
    expect(byState.find("open").map((r) => r.row_id)).toEqual([first.row_id])
    const next = rows.add({ row_id: rows.nextId(), amount: 3, state: "open", note: "next", owner: null })
    expect(next.row_id).not.toBe(addedId)
    expect(rows.get(next.row_id)?.note).toBe("next")
  })
})

describe("compact ids", () => {
  it("format as the prefix and 7 hex digits per 28-bit half, and parse back", () => {
    const halves = [0, 1, 0xf, 0x10, 0xabcdef, 0xfffffff, ...Array.from({ length: 2000 }, (_, i) => (Math.imul(i + 1, 2654435761) >>> 4) & 0xfffffff)]
    for (const hi of halves) {
      const lo = halves[(hi * 7) % halves.length]
      const id = formatId("cha", hi, lo)
      expect(id).toBe(`cha_${hi.toString(16).padStart(7, "0")}${lo.toString(16).padStart(7, "0")}`)
      expect(parseId("cha", id) && [parsed.hi, parsed.lo]).toEqual([hi, lo])
    }
  })
})

describe("a view's writes in a request", () => {
  it("are put back by a rollback, touched or not, written once or twice, odd values included", () => {
    const { slot, rows } = table()
    const row = rows.add({ row_id: rows.nextId(), amount: 2 ** 40, state: "open", note: "kept", owner: "own_0123456789abcd" })
    const journal = (slot.current = new Journal())
    row.amount = 5
    row.amount = 6
    row.state = "closed"
    row.note = null
    row.owner = "someone else"
    expect(rows.get(row.row_id)).toMatchObject({ amount: 6, state: "closed", note: null, owner: "someone else" })
    journal.rollback()
    slot.current = null
    expect(JSON.parse(JSON.stringify(rows.get(row.row_id)))).toEqual({ row_id: row.row_id, amount: 2 ** 40, state: "open", note: "kept", owner: "own_0123456789abcd" })
  })

  it("outside a request are not journaled", () => {
    const { slot, rows } = table()
    const row = rows.add({ row_id: rows.nextId(), amount: 1, state: "open", note: null, owner: null })
    row.amount = 2
    slot.current = new Journal()
    slot.current.rollback()
    expect(rows.get(row.row_id)?.amount).toBe(2)
  })
})

describe("the idempotency answers", () => {
  const fingerprint = "f".repeat(32)
  const answer = (body: unknown, createdAt: number, status = 200) => ({ fingerprint, status, bodyJson: JSON.stringify(body), code: null, created_at: createdAt })

  it("replay exactly the stored body (any text) and survive the data file's round trip", () => {
    const store = new IdempotencyStore()
    const bodies = [[{ status: true, message: "payment processed successfully", card_id: "card_0123456789abcd", card_last_4: "4242", charge_id: "cha_0123456789abce" }], [{ status: false, message: "ключ ✓ \u0001 \" \\ }]", code: "x" }]]
    bodies.forEach((body, i) => store.remember(`key ${i} ✓`, answer(body, 1000 + i)))
    bodies.forEach((body, i) => expect(store.check(`key ${i} ✓`, fingerprint, 1002)).toMatchObject({ kind: "replay", answer: { bodyJson: JSON.stringify(body), created_at: 1000 + i } }))
    const copy = new IdempotencyStore()
    for (const [key, stored] of Object.entries(store.toJSON())) copy.load(key, stored)
    expect(copy.toJSON()).toEqual(store.toJSON())
    expect(store.check("key 0 ✓", "g".repeat(32), 1002).kind).toBe("reuse")
  })

  it("forget keys once their window passes, oldest first, also after many keys were stored again", () => {
    const store = new IdempotencyStore()
    for (let i = 0; i < 6000; i++) store.remember(`k${i % 2000}`, answer([i], i))
    expect(store.size).toBe(2000)
    const now = 5000 + IDEMPOTENCY_WINDOW_SECONDS
    expect(store.check("k1000", fingerprint, now).kind).toBe("new") // last stored at 5000: just expired
    expect(store.check("k1001", fingerprint, now)).toMatchObject({ kind: "replay", answer: { bodyJson: "[5001]" } })
    expect(store.size).toBe(999) // stored at 5001 to 5999
  })

  it("the arena finds every key after growing and compacting", () => {
    const arena = new AnswerArena()
    for (let i = 0; i < 5000; i++) arena.set(`key-${i}`, `answer-${i}`, i)
    for (let i = 0; i < 4000; i++) arena.dropOldest()
    for (let i = 4000; i < 5000; i++) expect(arena.get(`key-${i}`)).toBe(`answer-${i}`)
    expect(arena.get("key-10")).toBeUndefined()
    expect([...arena.all()].map((e) => e.createdAt)).toEqual(Array.from({ length: 1000 }, (_, i) => 4000 + i))
  })
})
