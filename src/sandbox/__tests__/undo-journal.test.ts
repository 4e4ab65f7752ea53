import { journaled } from "../undo-journal"

describe("journaled", () => {
  function state() {
    return { next: 1, charges: [{ id: "cha_1", refunded: 0, tags: ["a"] }], index: { k1: { status: 200 } } as Record<string, { status: number }> }
  }

  it("undoes every kind of write, newest first, back to the exact original", () => {
    const original = state()
    const expected = JSON.parse(JSON.stringify(original))
    const { draft, undo } = journaled(original)
    draft.next += 1
    draft.charges.push({ id: "cha_2", refunded: 0, tags: [] })
    draft.charges[draft.charges.length] = { id: "cha_3", refunded: 0, tags: [] }
    draft.charges[0].refunded = 500
    draft.charges[0].tags.splice(0, 1, "b", "c")
    draft.index.k2 = { status: 402 }
    delete draft.index.k1
    Object.assign(draft.charges[1], { refunded: 10, extra: true })
    draft.charges.sort((a, b) => b.id.localeCompare(a.id))
    expect(original.charges).toHaveLength(3)
    undo()
    expect(original).toEqual(expected)
  })

  it("writes go to the real state, and a record read and stored again is stored as itself", () => {
    const original = state()
    const { draft } = journaled(original)
    const charge = draft.charges.find((c) => c.id === "cha_1")!
    ;(draft as any).latest = charge
    charge.refunded = 7
    expect(original.charges[0].refunded).toBe(7)
    expect((original as any).latest).toBe(original.charges[0])
    expect(JSON.parse(JSON.stringify(draft))).toEqual(JSON.parse(JSON.stringify(original)))
  })

  it("an undo after no write changes nothing", () => {
    const original = state()
    const expected = JSON.parse(JSON.stringify(original))
    const { draft, undo } = journaled(original)
    expect(draft.charges[0].id).toBe("cha_1")
    undo()
    expect(original).toEqual(expected)
  })
})
