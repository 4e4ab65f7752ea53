import fs from "node:fs"
import { Client } from "pg"
import { e2e } from "./support/e2e-env"

/**
 * Runs last (see the test sequencer): after every checkout above, no card
 * number and no CVC may be anywhere in Medusa's database or its log.
 */
const CARD_NUMBERS = [
  "4242424242424242", "4111111111111111", "5555555555554444", "4000000000000002", "4000000000009995",
  "4000000000000341", "4242424242424241", "4000056655665556",
]

it("no card number or CVC is stored in any text or jsonb column, or in the server's log", async () => {
  const db = new Client({ connectionString: e2e.databaseUrl })
  await db.connect()
  try {
    const { rows: columns } = await db.query(`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json')`)
    expect(columns.length).toBeGreaterThan(100)
    const hits: string[] = []
    let paymentRows = 0
    for (const { table_name, column_name } of columns) {
      const { rows } = await db.query(`select "${column_name}"::text as v from "${table_name}" where "${column_name}" is not null`)
      if (table_name === "payment" && column_name === "data") paymentRows = rows.length
      for (const { v } of rows) {
        if (CARD_NUMBERS.some((n) => v.includes(n)) || /"(card_number|cvc)"/.test(v)) hits.push(`${table_name}.${column_name}`)
      }
    }
    // The suite placed orders, so there is something to scan.
    expect(paymentRows).toBeGreaterThan(3)
    expect(hits).toEqual([])
  } finally {
    await db.end()
  }
  for (const file of e2e.medusaLogs) {
    const log = fs.readFileSync(file, "utf8")
    expect(log.length).toBeGreaterThan(1000)
    for (const n of CARD_NUMBERS) expect(log).not.toContain(n)
    expect(log).not.toMatch(/"cvc"|cvc=/)
  }
})
