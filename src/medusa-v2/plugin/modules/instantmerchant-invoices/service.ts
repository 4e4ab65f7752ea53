import { MedusaService } from "@medusajs/framework/utils"
import { InstantMerchantClient } from "../../../../client"
import { InvoiceNotFoundError } from "../../../../invoices/invoice-errors"
import { CreateInvoiceInput, ChargeInvoiceInput, ListInvoicesQuery } from "../../../../invoices/invoice-input"
import { lockedInvoice, InvoiceTransaction } from "../../../../invoices/invoice-lock"
import { InvoiceOperations, payLaterKey } from "../../../../invoices/invoice-operations"
import { InvoiceRecordData } from "../../../../invoices/invoice-record"
import { payLaterParams, payLaterRecord } from "../../../../invoices/pay-later-invoice"
import type { StoredInvoice } from "../../../../api/views/invoice-view"
import { gatewayCustomersFor } from "../../../gateway-customers"
import { InputError } from "../../../../rules/input/input-error"
import { clientFor, ResolvedV2Options } from "../../../provider-options"
import { mergedCheckoutMoney } from "./checkout-invoice-record"
import { invoiceModuleOptions } from "./invoice-module-options"
import { InstantMerchantInvoice } from "./models/instantmerchant-invoice"
import { InvoiceRows, invoiceRowsOf } from "./invoice-rows"

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The invoice records of Medusa 2.x and every invoice operation of the admin
 * routes: create (`pay_later`), send, charge, capture, refund, plus the
 * records of checkout invoices, written from the order's payment (see
 * subscribers/instantmerchant-invoice-records.ts).
 *
 * Every read-modify-write of a record runs in one database transaction that
 * first reads the row with `SELECT ... FOR UPDATE`, on PostgreSQL: the test
 * store (and many shops) run Medusa's in-memory locking module, which does
 * not lock across two instances, while the row lock does. The gateway is
 * called inside that transaction, with a key derived from the record, and the
 * record is written after it answers; a refusal rolls back (see
 * invoices/invoice-operations.ts, shared with the v1 plugin).
 */
// The key names the generated methods: the model name in PascalCase, the spelling query.graph calls (listInstantmerchantInvoices).
export default class InstantMerchantInvoicesService extends MedusaService({ InstantmerchantInvoice: InstantMerchantInvoice }) {
  private readonly rawOptions: unknown
  private options_?: ResolvedV2Options
  private client_?: InstantMerchantClient
  private operations_?: InvoiceOperations<StoredInvoice>

  constructor(container: Record<string, unknown>, options?: Record<string, unknown>) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.rawOptions = options
  }

  /** Read on first use, so that `medusa db:migrate` loads the module without the gateway's credentials. */
  private get options(): ResolvedV2Options {
    this.options_ ??= invoiceModuleOptions(this.rawOptions)
    return this.options_
  }

  private get client(): InstantMerchantClient {
    this.client_ ??= clientFor(this.options)
    return this.client_
  }

  private get operations(): InvoiceOperations<StoredInvoice> {
    this.operations_ ??= new InvoiceOperations(() => this.client, this.transaction, async (customer, cardId, notOwned) => {
      await gatewayCustomersFor(this.client).ownedCard(customer, cardId, notOwned)
    })
    return this.operations_
  }

  // ---- reading ----------------------------------------------------------

  /** Newest first, filtered as v1's list. */
  async listInvoices(query: ListInvoicesQuery): Promise<[StoredInvoice[], number]> {
    return this.rows((rows) => rows.list(query))
  }

  async retrieveInvoice(invoiceNum: number): Promise<StoredInvoice> {
    const found = await this.rows((rows) => rows.find(invoiceNum))
    if (!found) throw new InvoiceNotFoundError(invoiceNum)
    return found
  }

  // ---- the admin's operations -------------------------------------------

  /**
   * A `pay_later` invoice for a Medusa customer whose gateway customer the
   * caller found or made (the route does: customers are another module's).
   * A replayed creation answers the record made the first time.
   */
  async createPayLaterInvoice(input: CreateInvoiceInput, customerId: string, gatewayCustomer: number, requestKey?: string): Promise<StoredInvoice> {
    const params = payLaterParams(input, gatewayCustomer, this.options)
    const created = await this.client.invoices.create(params, { idempotencyKey: payLaterKey(params, requestKey) })
    return this.rows(async (rows) => {
      await rows.insertIfAbsent(payLaterRecord(created.invoice_num, customerId, gatewayCustomer, input, new Date()))
      return (await rows.find(created.invoice_num))!
    })
  }

  sendInvoice(invoiceNum: number): Promise<StoredInvoice> {
    return this.operations.send(invoiceNum)
  }

  chargeInvoice(invoiceNum: number, input: ChargeInvoiceInput): Promise<StoredInvoice> {
    return this.operations.charge(invoiceNum, input)
  }

  captureInvoice(invoiceNum: number): Promise<StoredInvoice> {
    return this.operations.capture(invoiceNum)
  }

  refundInvoice(invoiceNum: number, amount: number): Promise<StoredInvoice> {
    return this.operations.refund(invoiceNum, amount)
  }

  // ---- checkout invoices ----------------------------------------------------

  /**
   * Records a checkout invoice as its payment shows it now: made on the first
   * reading, then merged under the row lock (money state only grows, see
   * mergedCheckoutMoney), so two readings racing, or arriving out of order,
   * end in the same record.
   */
  async recordCheckoutInvoice(seen: InvoiceRecordData): Promise<StoredInvoice> {
    await this.rows((rows) => rows.insertIfAbsent(seen))
    return lockedInvoice(this.transaction, seen.invoice_num, async (record, save) => save(mergedCheckoutMoney(record, seen)))
  }

  // ---- the database -----------------------------------------------------------

  /** One transaction: the record read with a row lock, and its save on the same connection. */
  private readonly transaction: InvoiceTransaction<StoredInvoice> = (work) =>
    this.rows((rows) => work({ findLocked: (invoiceNum) => rows.find(invoiceNum, { forUpdate: true }), save: (record) => rows.save(record) }))

  private rows<T>(work: (rows: InvoiceRows) => Promise<T>): Promise<T> {
    return (this as any).baseRepository_.transaction((manager: any) => work(invoiceRowsOf(manager)))
  }
}
