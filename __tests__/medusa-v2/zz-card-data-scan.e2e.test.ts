import fs from "node:fs"
import { TEST_CARDS } from "../../src/sandbox"
import { TEST_CVC, TEST_CVC_ALONE } from "./support/checkout"
import { v2 } from "./support/v2-env"

/** pg comes from the root's node_modules (Medusa v1's), loaded here only to read the 2.x store's database. */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { Client } = require("pg") as typeof import("pg")

/**
 * Runs last (files run in name order): after every checkout above, no card
 * number and no CVC is anywhere in the 2.x store's database, including
 * `payment_session` and `workflow_execution` (2.x merges the storefront's data
 * into the session, and keeps the cart-completion workflow's steps), or in
 * its log.
 */
const CARD_NUMBERS = [...Object.values(TEST_CARDS), "4242424242424241"]
const CARD_VALUE = new RegExp(`"(card_number|cvc)"\\s*:\\s*"|${TEST_CVC}"`)

it("no card number or CVC is stored in any text or json column of the 2.x store, or in its log", async () => {
  const db = new Client({ connectionString: v2.databaseUrl })
  await db.connect()
  const hits: string[] = []
  const rowsOf: Record<string, number> = {}
  try {
    const { rows: columns } = await db.query(`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`)
    expect(columns.length).toBeGreaterThan(200)
    for (const { table_name, column_name } of columns) {
      const { rows } = await db.query(`select "${column_name}"::text as v from "${table_name}" where "${column_name}" is not null`)
      rowsOf[`${table_name}.${column_name}`] = rows.length
      for (const { v } of rows) if (CARD_NUMBERS.some((n) => v.includes(n)) || CARD_VALUE.test(v)) hits.push(`${table_name}.${column_name}`)
    }
  } finally {
    await db.end()
  }
  expect([...new Set(hits)]).toEqual([])
  // The suite placed orders, so the tables that once held card fields had rows to scan.
  expect(rowsOf["payment_session.data"]).toBeGreaterThan(5)
  expect(rowsOf["payment.data"]).toBeGreaterThan(3)
  expect(rowsOf["workflow_execution.execution"]).toBeGreaterThan(3)

  const log = fs.readFileSync(v2.medusaLog, "utf8")
  expect(log).toContain("POST /store/payment-collections")
  for (const n of CARD_NUMBERS) expect(log).not.toContain(n)
  expect(log).not.toMatch(TEST_CVC_ALONE)
})
