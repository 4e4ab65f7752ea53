import { randomBytes } from "node:crypto"
import { IdempotencyStore } from "../http/idempotency"
import { JournalSlot } from "./journal"
import { RecordTable, type ColumnKind } from "./record-table"
import { Index, Table } from "./table"
import type { CardRecord, ChargeRecord, CustomerRecord, InvoiceRecord, OutboxEmail, PersistedEnvironment, RefundRecord, SubscriptionRecord } from "./records"


/**
 * The sandbox's data, per environment. The records are also what the data
 * file holds, so nothing here may ever hold a card number or CVC.
 */
export * from "./records"

const CARD_COLUMNS: ReadonlyArray<readonly [keyof CardRecord, ColumnKind]> = [
  ["card_id", { id: "card" }],
  ["last4", "code"],
  ["exp_month", "int"],
  ["exp_year", "int"],
  ["brand", "code"],
  // Names repeat (a shopper's cards, a test suite's one name): a dictionary, as intern() did.
  ["cardholder_name", "code"],
  ["customer_id", "int"],
  ["saved", "code"],
  ["is_default", "code"],
  ["description", "text"],
  ["decline_on_charge", "code"],
  ["created_at", "int"],
]

const CHARGE_COLUMNS: ReadonlyArray<readonly [keyof ChargeRecord, ColumnKind]> = [
  ["charge_id", { id: "cha" }],
  ["amount", "int"],
  ["currency", "code"],
  ["payment_mode", "code"],
  ["state", "code"],
  ["amount_refunded", "int"],
  ["card_id", { id: "card" }],
  ["card_last4", "code"],
  ["customer_id", "int"],
  ["invoice_num", "int"],
  // Null but for a subscription's charges.
  ["subscription_id", "code"],
  ["description", "text"],
  ["created_at", "int"],
  ["captured_at", "int"],
  ["authorization_expires_at", "int"],
]

/** Every money cycle adds a refund: a compact table, as charges (ids encode their row; no Map of id strings). */
const REFUND_COLUMNS: ReadonlyArray<readonly [keyof RefundRecord, ColumnKind]> = [
  ["refund_id", { id: "ref" }],
  ["charge_id", { id: "cha" }],
  ["amount", "int"],
  ["reason", "code"],
  ["created_at", "int"],
]

/**
 * One environment's data in memory: tables by id (and by the few fields
 * requests look records up by), counters, and the idempotency answers.
 * Serializes to PersistedEnvironment.
 */
export class EnvironmentState {
  readonly journal = new JournalSlot()
  readonly usernames = new Index<string, CustomerRecord>((c) => c.username.toLowerCase())
  readonly customers = new Table<number, CustomerRecord>((c) => c.customer_id, this.journal, [this.usernames])
  readonly cards = new RecordTable<CardRecord>("card", CARD_COLUMNS, this.journal)
  readonly cardsOfCustomer = this.cards.index<number | null>("customer_id")
  readonly charges = new RecordTable<ChargeRecord>("cha", CHARGE_COLUMNS, this.journal)
  readonly refunds = new RecordTable<RefundRecord>("ref", REFUND_COLUMNS, this.journal)
  readonly subscriptions = new Table<string, SubscriptionRecord>((s) => s.subscription_id, this.journal)
  readonly invoices = new Table<number, InvoiceRecord>((i) => i.invoice_num, this.journal)
  readonly outbox = new Table<string, OutboxEmail>((e) => e.email_id, this.journal)
  readonly idempotency = new IdempotencyStore()
  next_customer_id = 1
  next_invoice_num = 1

  /** Call before changing a stored record in place, so a failed request can put it back. */
  touch<T extends object>(record: T): T {
    return this.journal.current ? this.journal.current.touch(record) : record
  }

  toJSON(): PersistedEnvironment {
    return {
      customers: this.customers.toJSON(),
      cards: this.cards.toJSON(),
      charges: this.charges.toJSON(),
      refunds: this.refunds.toJSON(),
      subscriptions: this.subscriptions.toJSON(),
      invoices: this.invoices.toJSON(),
      outbox: this.outbox.toJSON(),
      idempotency: this.idempotency.toJSON(),
      next_customer_id: this.next_customer_id,
      next_invoice_num: this.next_invoice_num,
    }
  }

  static fromJSON(data: Partial<PersistedEnvironment>): EnvironmentState {
    const env = new EnvironmentState()
    for (const row of data.customers ?? []) env.customers.add(row)
    for (const row of data.cards ?? []) env.cards.add(row)
    for (const row of data.charges ?? []) env.charges.add(row)
    for (const row of data.refunds ?? []) env.refunds.add(row)
    for (const row of data.subscriptions ?? []) env.subscriptions.add(row)
    for (const row of data.invoices ?? []) env.invoices.add(row)
    for (const row of data.outbox ?? []) env.outbox.add(row)
    for (const [key, answer] of Object.entries(data.idempotency ?? {})) env.idempotency.load(key, answer)
    if (typeof data.next_customer_id === "number") env.next_customer_id = data.next_customer_id
    if (typeof data.next_invoice_num === "number") env.next_invoice_num = data.next_invoice_num
    return env
  }
}

/**
 * Ids look like the reference's (`cha_585d0bf93573f1`): a prefix and random
 * hex. Hex that happens to be all digits (about 1 in 300 ids) would look like
 * a card number to every PAN scanner, the plugin's own tests included, so
 * such draws are thrown away. Random bytes come from a pool, one system call
 * per few hundred ids rather than one per id.
 */
export function newId(prefix: "cha" | "card" | "sub" | "ref" | "em" | "req"): string {
  let hex: string
  do hex = randomHex(ID_BYTES)
  while (ALL_DIGITS.test(hex))
  return `${prefix}_${hex}`
}

const ID_BYTES = 7
const ALL_DIGITS = /\d{12}/
const POOL_BYTES = 4096
let pool = randomBytes(POOL_BYTES)
let poolAt = 0

function randomHex(bytes: number): string {
  if (poolAt + bytes > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES)
    poolAt = 0
  }
  const hex = pool.toString("hex", poolAt, poolAt + bytes)
  poolAt += bytes
  return hex
}

/** Integer ids count up from 1, per environment, like the reference's `customer_id: 23`. */
export function takeCustomerId(env: EnvironmentState): number {
  return env.next_customer_id++
}

export function takeInvoiceNum(env: EnvironmentState): number {
  return env.next_invoice_num++
}
