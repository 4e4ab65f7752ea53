import { TransactionBaseService } from "@medusajs/medusa"
import { EntityManager, FindOptionsWhere } from "typeorm"
import { InstantMerchantClient } from "../client"
import { InputError } from "../rules/input/input-error"
import type { Cradle } from "../config/cradle"
import { loggerOf } from "../config/cradle"
import { InstantMerchantInvoice } from "../models/instantmerchant-invoice"
import { GatewayCustomers } from "../customers/gateway-customers"
import { MedusaCustomerLinks } from "../customers/medusa-customer-links"
import { ChargeInvoiceInput, CreateInvoiceInput, ListInvoicesQuery } from "../invoices/invoice-input"
import { InvoiceOperations, payLaterKey } from "../invoices/invoice-operations"
import { invoiceCustomerDetails, payLaterParams, payLaterRecord } from "../invoices/pay-later-invoice"
import { InvoiceNotFoundError } from "../invoices/invoice-errors"
import { InvoiceTransaction, lockedInvoiceIfRecorded, SaveInvoice } from "../invoices/invoice-lock"
import { linkInvoicesToOrders } from "../invoices/order-links"
import { afterCapture, afterRefund, afterRelease, InvoiceRecordData, InvoiceRefund } from "../invoices/invoice-record"
import { InvoiceRecords } from "../invoices/invoice-records"
import { gatewayClientFor } from "../config/gateway-client"
import { ResolvedPluginOptions, resolvePluginOptions } from "../config/plugin-options"

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Owns the `instantmerchant_invoice` records and every invoice operation of
 * the admin routes: create (`pay_later`), send, charge, capture, refund.
 *
 * Order of writes, so nothing is half-written: each operation on an invoice
 * runs in one database transaction that first locks its record (so two
 * admins cannot pay or refund it at once), checks the record (paying twice
 * or refunding more than was paid is refused here, before the gateway),
 * calls the gateway with an idempotency key derived from the record, and
 * only then writes the record. If the gateway refuses, the transaction rolls
 * back and the record is unchanged. If the gateway acted but the write
 * fails, the same request sent again derives the same key, the gateway
 * replays its answer instead of acting twice, and the write is made then.
 */
class InstantMerchantInvoiceService extends TransactionBaseService implements InvoiceRecords {
  private readonly options: ResolvedPluginOptions
  private client_?: InstantMerchantClient
  private customers_?: GatewayCustomers
  private operations_?: InvoiceOperations<InstantMerchantInvoice>

  constructor(private readonly container: Cradle, options: unknown) {
    super(container)
    this.options = resolvePluginOptions(options)
  }

  /** Made on first use: Medusa constructs services at boot, where nothing should happen. */
  protected get client(): InstantMerchantClient {
    this.client_ ??= gatewayClientFor(this.options)
    return this.client_
  }

  private get operations(): InvoiceOperations<InstantMerchantInvoice> {
    this.operations_ ??= new InvoiceOperations(() => this.client, this.transaction, (customer, cardId, notOwned) => this.customers.ownedCard(customer, cardId, notOwned))
    return this.operations_
  }

  private get customers(): GatewayCustomers {
    this.customers_ ??= new GatewayCustomers(this.client, new MedusaCustomerLinks(() => this.container.customerService, () => this.container.manager))
    return this.customers_
  }

  // ---- reading ----------------------------------------------------------

  async list(query: ListInvoicesQuery): Promise<[InstantMerchantInvoice[], number]> {
    await linkInvoicesToOrders(this.manager_)
    const where: FindOptionsWhere<InstantMerchantInvoice> = {}
    if (query.status) where.status = query.status
    if (query.customer_id) where.customer_id = query.customer_id
    if (query.order_id) where.order_id = query.order_id
    if (query.cart_id) where.cart_id = query.cart_id
    return this.repo(this.manager_).findAndCount({ where, order: { created_at: "DESC", invoice_num: "DESC" }, skip: query.offset, take: query.limit })
  }

  async retrieve(invoiceNum: number): Promise<InstantMerchantInvoice> {
    await linkInvoicesToOrders(this.manager_)
    const found = await this.repo(this.manager_).findOne({ where: { invoice_num: invoiceNum } })
    if (!found) throw new InvoiceNotFoundError(invoiceNum)
    return found
  }

  // ---- the admin's operations -------------------------------------------

  /**
   * A `pay_later` invoice for a Medusa customer, on its gateway customer
   * (made and linked on first need). The idempotency key is the caller's
   * `Idempotency-Key`, or else derived from the invoice's content: the same
   * invoice submitted twice (a double click, a retry after a timeout) is
   * created once.
   */
  async create(input: CreateInvoiceInput, requestKey?: string): Promise<InstantMerchantInvoice> {
    const customer = await this.customer(input.customer_id)
    // Made and linked on first need, through the same request as checkout's.
    const gatewayCustomer = await this.customers.ofAccount(customer, () => invoiceCustomerDetails(customer, input.address))
    const params = payLaterParams(input, gatewayCustomer, this.options)
    const key = payLaterKey(params, requestKey)
    const created = await this.client.invoices.create(params, { idempotencyKey: key })
    const repo = this.repo(this.manager_)
    // A replayed creation answers the invoice made the first time.
    const existing = await repo.findOne({ where: { invoice_num: created.invoice_num } })
    if (existing) return existing
    return repo.save(repo.create(payLaterRecord(created.invoice_num, customer.id, gatewayCustomer, input, new Date())))
  }

  /** Emails the invoice again (see invoice-operations.ts, shared with the Medusa 2.x module). */
  send(invoiceNum: number): Promise<InstantMerchantInvoice> {
    return this.operations.send(invoiceNum)
  }

  /** Pays an open invoice with a saved card of its customer, or card details that live only in this call. */
  charge(invoiceNum: number, input: ChargeInvoiceInput): Promise<InstantMerchantInvoice> {
    return this.operations.charge(invoiceNum, input)
  }

  /** Captures the invoice's authorization; already captured is success without a gateway call. */
  capture(invoiceNum: number): Promise<InstantMerchantInvoice> {
    return this.operations.capture(invoiceNum)
  }

  /** Refunds part of what was captured; more than is left is refused before the gateway. */
  refund(invoiceNum: number, requested: number): Promise<InstantMerchantInvoice> {
    return this.operations.refund(invoiceNum, requested)
  }

  // ---- the checkout processor's records (InvoiceRecords) -----------------

  async recordCheckoutInvoice(data: InvoiceRecordData): Promise<void> {
    const repo = this.repo(this.manager_)
    if (await repo.findOne({ where: { invoice_num: data.invoice_num } })) return
    try {
      await repo.save(repo.create(data))
    } catch (e) {
      // Two replays of one authorization racing: the first record stands.
      if ((e as { code?: string }).code !== "23505") throw e
    }
  }

  async recordCapture(invoiceNum: number): Promise<void> {
    await this.lockedIfRecorded(invoiceNum, (record, save) => save(afterCapture(record)))
  }

  async recordRefund(invoiceNum: number, refund: InvoiceRefund): Promise<void> {
    await this.lockedIfRecorded(invoiceNum, (record, save) => save(afterRefund(record, refund)))
  }

  async recordRelease(invoiceNum: number): Promise<void> {
    await this.lockedIfRecorded(invoiceNum, (record, save) => save(afterRelease(record)))
  }

  // ---- helpers ----------------------------------------------------------

  private repo(manager: EntityManager) {
    return manager.getRepository(InstantMerchantInvoice)
  }

  /** The record's transaction for invoice-lock.ts: read under a row lock, saved on the same connection. */
  private readonly transaction: InvoiceTransaction<InstantMerchantInvoice> = (work) =>
    this.manager_.transaction((manager) => {
      const repo = this.repo(manager)
      return work({ findLocked: (invoiceNum) => repo.findOne({ where: { invoice_num: invoiceNum }, lock: { mode: "pessimistic_write" } }), save: (record) => repo.save(record) })
    })

  private lockedIfRecorded(invoiceNum: number, work: (record: InstantMerchantInvoice, save: SaveInvoice<InstantMerchantInvoice>) => Promise<unknown>): Promise<void> {
    return lockedInvoiceIfRecorded(this.transaction, invoiceNum, work, (message) => loggerOf(this.container).warn(message))
  }

  private async customer(customerId: string): Promise<any> {
    try {
      return await this.container.customerService.retrieve(customerId, { relations: ["billing_address", "shipping_addresses"] })
    } catch (e) {
      if ((e as { type?: string }).type === "not_found") throw new InputError("customer_id", `no customer ${customerId}`)
      throw e
    }
  }
}

export default InstantMerchantInvoiceService
