import { keysetPages } from "../keyset-pages"

interface Row {
  at: number
  id: string
}

const after = (a: Row, b: Row | null) => !b || a.at > b.at || (a.at === b.at && a.id > b.id)
const sorted = (rows: Row[]) => [...rows].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))

/** A table in memory, queried as the job queries PostgreSQL: due rows after the cursor, in key order. */
function table(rows: Row[]) {
  const fetches: Array<Row | null> = []
  return {
    rows,
    fetches,
    fetch: async (cursor: Row | null, limit: number) => {
      fetches.push(cursor)
      return sorted(rows.filter((r) => after(r, cursor))).slice(0, limit)
    },
  }
}

async function walk(t: ReturnType<typeof table>, limit: number, onPage: (page: Row[]) => void = () => undefined): Promise<Row[][]> {
  const pages: Row[][] = []
  for await (const page of keysetPages(t.fetch, limit)) {
    pages.push(page)
    onPage(page)
  }
  return pages
}

const rows = (n: number, at = (i: number) => i) => Array.from({ length: n }, (_, i) => ({ at: at(i), id: `imsub_${String(i).padStart(4, "0")}` }))

describe("keysetPages", () => {
  it.each([
    [0, 100, 0],
    [1, 100, 1],
    [99, 100, 1],
    [100, 100, 1],
    [101, 100, 2],
    [250, 100, 3],
    [7, 1, 7],
  ])("%i rows in pages of %i: %i pages, every row once", async (n, limit, pageCount) => {
    const t = table(rows(n))
    const pages = await walk(t, limit)
    expect(pages).toHaveLength(pageCount)
    expect(pages.flat().map((r) => r.id)).toEqual(sorted(t.rows).map((r) => r.id))
    expect(pages.every((p) => p.length <= limit)).toBe(true)
  })

  it("pages through rows that share a due time by their id", async () => {
    const t = table(rows(230, () => 5))
    expect((await walk(t, 100)).flat()).toHaveLength(230)
  })

  it("never visits a row twice, and ends, even when every row it visits stays due (a renewal that failed)", async () => {
    const t = table(rows(305))
    const seen = (await walk(t, 100)).flat().map((r) => r.id)
    expect(new Set(seen).size).toBe(305)
    expect(t.fetches).toHaveLength(4)
  })

  it("does not stop at rows that are worked on and leave the due set meanwhile", async () => {
    const t = table(rows(250))
    // The job renews each page: its rows are no longer due.
    const pages = await walk(t, 100, (page) => {
      for (const r of page) t.rows.splice(t.rows.indexOf(r), 1)
    })
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50])
  })

  it("refuses a page size below 1", async () => {
    await expect(walk(table(rows(3)), 0)).rejects.toThrow(RangeError)
  })
})
