import { InvoiceRecordData, InvoiceRefund } from "./invoice-record"

/**
 * Where the invoice processor keeps its records. In Medusa this is the
 * `instantmerchantInvoiceService` (the `instantmerchant_invoice` table);
 * tests hand in an in-memory one. Every method is safe to repeat: a replayed
 * gateway answer recorded twice changes nothing.
 */
export interface InvoiceRecords {
  /** Keeps a checkout invoice; a second call for the same `invoice_num` leaves the first record. */
  recordCheckoutInvoice(record: InvoiceRecordData): Promise<void>
  recordCapture(invoiceNum: number): Promise<void>
  recordRefund(invoiceNum: number, refund: InvoiceRefund): Promise<void>
  recordRelease(invoiceNum: number): Promise<void>
}

/** The records in Medusa's container, resolved on each call: the container builds processors before services. */
export class ContainerInvoiceRecords implements InvoiceRecords {
  constructor(private readonly container: Record<string, unknown>) {}

  private get service(): InvoiceRecords {
    return (this.container as { instantmerchantInvoiceService: InvoiceRecords }).instantmerchantInvoiceService
  }

  recordCheckoutInvoice(record: InvoiceRecordData): Promise<void> {
    return this.service.recordCheckoutInvoice(record)
  }

  recordCapture(invoiceNum: number): Promise<void> {
    return this.service.recordCapture(invoiceNum)
  }

  recordRefund(invoiceNum: number, refund: InvoiceRefund): Promise<void> {
    return this.service.recordRefund(invoiceNum, refund)
  }

  recordRelease(invoiceNum: number): Promise<void> {
    return this.service.recordRelease(invoiceNum)
  }
}
