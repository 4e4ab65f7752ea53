import { afterCapture, afterRefund, afterRelease, InvoiceRecordData, InvoiceRefund } from "../invoice-record"
import { InvoiceRecords } from "../invoice-records"

/** The invoice records held in memory, with the same transitions as the Medusa service; the e2e suite covers the table. */
export class InMemoryInvoiceRecords implements InvoiceRecords {
  readonly byNum = new Map<number, InvoiceRecordData>()

  async recordCheckoutInvoice(record: InvoiceRecordData): Promise<void> {
    if (!this.byNum.has(record.invoice_num)) this.byNum.set(record.invoice_num, { ...record })
  }

  async recordCapture(invoiceNum: number): Promise<void> {
    this.update(invoiceNum, afterCapture)
  }

  async recordRefund(invoiceNum: number, refund: InvoiceRefund): Promise<void> {
    this.update(invoiceNum, (r) => afterRefund(r, refund))
  }

  async recordRelease(invoiceNum: number): Promise<void> {
    this.update(invoiceNum, afterRelease)
  }

  private update(invoiceNum: number, patch: (r: InvoiceRecordData) => Partial<InvoiceRecordData>): void {
    const r = this.byNum.get(invoiceNum)
    if (r) Object.assign(r, patch(r))
  }
}
