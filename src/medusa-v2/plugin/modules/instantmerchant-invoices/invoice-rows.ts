import { generateEntityId } from "@medusajs/framework/utils"
import type { StoredInvoice } from "../../../../api/views/invoice-view"
import type { ListInvoicesQuery } from "../../../../invoices/invoice-input"
import type { InvoiceRecordData } from "../../../../invoices/invoice-record"

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The `instantmerchant_invoice` table, inside one transaction of the module's database connection. */
export interface InvoiceRows {
  find(invoiceNum: number, options?: { forUpdate?: boolean }): Promise<StoredInvoice | null>
  list(query: ListInvoicesQuery): Promise<[StoredInvoice[], number]>
  /** Inserts the record unless one with its invoice_num exists (a replay, or two readings racing): the first stands. */
  insertIfAbsent(record: InvoiceRecordData): Promise<void>
  /** Writes every field of the record (read under the row lock) and answers it as stored. */
  save(record: StoredInvoice): Promise<StoredInvoice>
}

/** The record's columns other than id and timestamps, in one order for insert and update. */
const FIELDS = [
  "invoice_num", "customer_id", "order_id", "cart_id", "gateway_customer_id", "description", "items", "amount", "currency", "status",
  "charge_id", "payment_mode", "card_last_4", "captured", "released", "amount_refunded", "refunds", "sent_at", "date_due",
] as const satisfies readonly (keyof InvoiceRecordData)[]
const JSON_FIELDS = new Set<string>(["items", "refunds", "sent_at"])
const FILTERS = ["status", "customer_id", "order_id", "cart_id"] as const

const TABLE = `"instantmerchant_invoice"`
const LIVE = `"deleted_at" IS NULL`

/**
 * Plain SQL on the MikroORM entity manager of a transaction: the lock needs
 * `FOR UPDATE` on the very connection that later writes the row, and the
 * insert `ON CONFLICT DO NOTHING`, neither of which the generated service
 * methods offer. Values are always bound, never spliced in.
 */
export function invoiceRowsOf(manager: { execute(sql: string, params?: unknown[]): Promise<any[]> }): InvoiceRows {
  return {
    async find(invoiceNum, options = {}) {
      const rows = await manager.execute(`SELECT * FROM ${TABLE} WHERE "invoice_num" = ? AND ${LIVE}${options.forUpdate ? " FOR UPDATE" : ""}`, [invoiceNum])
      return rows[0] ? storedOf(rows[0]) : null
    },

    async list(query) {
      const where = [LIVE]
      const params: unknown[] = []
      for (const key of FILTERS) {
        if (query[key] === undefined) continue
        where.push(`"${key}" = ?`)
        params.push(query[key])
      }
      const condition = where.join(" AND ")
      const rows = await manager.execute(`SELECT * FROM ${TABLE} WHERE ${condition} ORDER BY "created_at" DESC, "invoice_num" DESC LIMIT ? OFFSET ?`, [...params, query.limit, query.offset])
      const [{ count }] = await manager.execute(`SELECT count(*)::int AS count FROM ${TABLE} WHERE ${condition}`, params)
      return [rows.map(storedOf), count]
    },

    async insertIfAbsent(record) {
      const columns = ["id", ...FIELDS].map((c) => `"${c}"`).join(", ")
      const values = ["?", ...FIELDS.map((f) => (JSON_FIELDS.has(f) ? "?::jsonb" : "?"))].join(", ")
      await manager.execute(
        `INSERT INTO ${TABLE} (${columns}) VALUES (${values}) ON CONFLICT ("invoice_num") WHERE ${LIVE} DO NOTHING`,
        [generateEntityId(undefined, "iminv"), ...FIELDS.map((f) => valueOf(record, f))]
      )
    },

    async save(record) {
      const set = FIELDS.map((f) => `"${f}" = ${JSON_FIELDS.has(f) ? "?::jsonb" : "?"}`).join(", ")
      const rows = await manager.execute(`UPDATE ${TABLE} SET ${set}, "updated_at" = now() WHERE "id" = ? RETURNING *`, [...FIELDS.map((f) => valueOf(record, f)), record.id])
      return storedOf(rows[0])
    },
  }
}

function valueOf(record: InvoiceRecordData, field: (typeof FIELDS)[number]): unknown {
  const value = record[field]
  return JSON_FIELDS.has(field) ? JSON.stringify(value) : value
}

/** A row as the view reads it: the record's fields, its id and its times. */
export function storedOf(row: Record<string, any>): StoredInvoice {
  const out: Record<string, unknown> = { id: row.id, created_at: new Date(row.created_at), updated_at: new Date(row.updated_at) }
  for (const f of FIELDS) out[f] = row[f]
  return out as unknown as StoredInvoice
}
