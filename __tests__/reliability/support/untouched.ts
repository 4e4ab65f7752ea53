import { withDatabase } from "./books"
import { sandboxList } from "./gateway-controls"
import { admin } from "../../e2e/support/admin"

/**
 * "Nothing is written": what hostile input must leave exactly as it was. The
 * gateway's mutating requests (every path but the card/get read) and the
 * plugin's three tables, digested row by row.
 */
export interface Snapshot {
  gatewayWrites: number
  tables: Record<string, string>
}

const TABLES = ["instantmerchant_subscription", "instantmerchant_subscription_renewal", "instantmerchant_invoice"]

export async function snapshot(): Promise<Snapshot> {
  // Reading the invoices links checkout invoices to their orders (a write of its own): do it before, not during.
  await admin().must("GET", "/admin/instantmerchant/invoices?limit=1")
  const gatewayWrites = (await sandboxList("requests", "all")).filter((r) => r.path !== "/api/v2/card/get").length
  const tables = await withDatabase(async (db) => {
    const out: Record<string, string> = {}
    for (const table of TABLES) {
      const { rows } = await db.query(`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t.id)), '') as digest from "${table}" t`)
      out[table] = `${rows[0].n} rows, ${rows[0].digest}`
    }
    return out
  })
  return { gatewayWrites, tables }
}
