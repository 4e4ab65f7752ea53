import { InstantMerchantClient, InvoiceChargeParams, InvoiceCreateParams, isRefusal } from "../client"
import { withKeyGenerations } from "../client/key-generations"
import { lastFour } from "../rules/card/card-input"
import { lettersDigest } from "../rules/idempotency-digest"
import { InvoiceStateError } from "./invoice-errors"
import { invoiceChargeKey } from "./invoice-charge-key"
import { ChargeInvoiceInput } from "./invoice-input"
import { InvoiceTransaction, lockedInvoice, SaveInvoice } from "./invoice-lock"
import { afterCapture, afterCharge, afterRefund, afterSend, assertCapturable, assertChargeable, assertRefundable, InvoiceRecordData } from "./invoice-record"
import { cardParams } from "./pay-later-invoice"

/** Checks that a saved card belongs to the invoice's gateway customer, or throws an InputError on `card_id` saying `notOwned`. */
export type OwnedCardCheck = (gatewayCustomer: number, cardId: string, notOwned: string) => Promise<unknown>

/**
 * The admin's operations on a recorded invoice (send, charge, capture,
 * refund), the same for every host: each runs under the record's row lock
 * (see invoice-lock.ts), checks the record, calls the gateway with a key
 * derived from the record, and only then saves. The host hands in its
 * transaction and its check of card ownership; Medusa v1's invoice service
 * and the 2.x invoices module both run these.
 */
export class InvoiceOperations<R extends InvoiceRecordData> {
  constructor(
    private readonly client: () => InstantMerchantClient,
    private readonly transaction: InvoiceTransaction<R>,
    private readonly ownedCard: OwnedCardCheck,
    private readonly now: () => Date = () => new Date()
  ) {}

  /** Emails the invoice again. The key counts the sends so far: a retry replays, the next send is new. */
  send(invoiceNum: number): Promise<R> {
    return this.locked(invoiceNum, async (record, save) => {
      await this.client().invoices.send({ invoice_num: invoiceNum }, { idempotencyKey: `im_invoice_send_${invoiceNum}_${record.sent_at.length}` })
      return save(afterSend(record, this.now().toISOString()))
    })
  }

  /** Pays an open invoice with a saved card of its customer, or card details that live only in this call. */
  charge(invoiceNum: number, input: ChargeInvoiceInput): Promise<R> {
    return this.locked(invoiceNum, async (record, save) => {
      assertChargeable(record)
      if (input.card.kind === "saved") await this.ownedCard(record.gateway_customer_id, input.card.card_id, "is not a saved card of this invoice's customer")
      const params: InvoiceChargeParams = {
        invoice_num: invoiceNum,
        payment_mode: input.payment_mode,
        send_email: input.send_email ? 1 : 0,
        ...cardParams(input.card),
      }
      // A corrected CVC after a decline derives the same key: it moves to the key's next generation.
      const paid = await withKeyGenerations(invoiceChargeKey(invoiceNum, input), (idempotencyKey) => this.client().invoices.charge(params, { idempotencyKey }))
      const card_last_4 = paid.card_last_4 || (input.card.kind === "new" ? lastFour(input.card.card_number) : null)
      const charged = { ...record, ...afterCharge(record, { charge_id: paid.charge_id, payment_mode: input.payment_mode, card_last_4 }) }
      return save({ ...charged, ...(input.send_email ? afterSend(charged, this.now().toISOString()) : {}) })
    })
  }

  /** Captures the invoice's authorization; already captured is success without a gateway call. */
  capture(invoiceNum: number): Promise<R> {
    return this.locked(invoiceNum, async (record, save) => {
      if (assertCapturable(record) === "already_captured") return record
      try {
        await this.client().invoices.capture({ charge_id: record.charge_id! }, { idempotencyKey: `im_invoice_capture_${record.charge_id}` })
      } catch (e) {
        if (isRefusal(e, "authorization_expired")) {
          throw new InvoiceStateError("authorization_expired", `the authorization of invoice ${invoiceNum} (${record.charge_id}) expired and can no longer be captured; uncaptured charges expire after 7 days`)
        }
        if (!isRefusal(e, "charge_already_captured")) throw e
      }
      return save(afterCapture(record))
    })
  }

  /** Refunds part of what was captured; more than is left is refused before the gateway. */
  refund(invoiceNum: number, requested: number): Promise<R> {
    return this.locked(invoiceNum, async (record, save) => {
      const amount = assertRefundable(record, requested)
      // The refunded total is part of the key: a retry of this refund replays it, the next refund is new.
      const key = `im_invoice_refund_${record.charge_id}_${record.amount_refunded}_${amount}`
      const refund = await this.client().invoices.refund({ charge_id: record.charge_id!, amount }, { idempotencyKey: key })
      return save(afterRefund(record, { refund_id: refund.refund_id, amount, created_at: this.now().toISOString() }))
    })
  }

  private locked<T>(invoiceNum: number, work: (record: R, save: SaveInvoice<R>) => Promise<T>): Promise<T> {
    return lockedInvoice(this.transaction, invoiceNum, work)
  }
}

/**
 * The key of an admin's invoice create: the caller's `Idempotency-Key`, or
 * else a digest of the invoice's content, so the same invoice submitted
 * twice (a double click, a retry after a timeout) is created once.
 */
export function payLaterKey(params: InvoiceCreateParams, requestKey: string | undefined): string {
  return `im_invoice_create_${requestKey ?? lettersDigest(JSON.stringify(params))}`
}
