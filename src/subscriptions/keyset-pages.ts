/**
 * Every row of a query ordered by a unique key, one page at a time: each
 * page starts strictly after the last row of the one before (keyset
 * pagination), so a row is visited at most once even when the rows change
 * while they are worked on, and the walk always ends. `fetchPage` gets the
 * last row seen (null for the first page) and returns at most `limit` rows.
 */
export async function* keysetPages<Row>(fetchPage: (after: Row | null, limit: number) => Promise<Row[]>, limit: number): AsyncGenerator<Row[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`keysetPages needs a page size from 1, got ${limit}`)
  let after: Row | null = null
  for (;;) {
    const page = await fetchPage(after, limit)
    if (page.length) yield page
    if (page.length < limit) return
    after = page[page.length - 1]
  }
}
