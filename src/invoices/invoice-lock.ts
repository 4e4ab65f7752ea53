import { InvoiceNotFoundError } from "./invoice-errors"
import type { InvoiceRecordData } from "./invoice-record"

/** Saves a patch of the locked record and answers the record as saved. */
export type SaveInvoice<R> = (patch: Partial<InvoiceRecordData>) => Promise<R>

/** The invoice table inside one transaction: the record read with a row lock, and its save. */
export interface LockedInvoices<R> {
  findLocked(invoiceNum: number): Promise<R | null>
  save(record: R): Promise<R>
}

/** Runs `work` in one transaction; a throw anywhere rolls it back. */
export type InvoiceTransaction<R> = <T>(work: (rows: LockedInvoices<R>) => Promise<T>) => Promise<T>

/**
 * Locks the invoice's record for the length of `work`, which checks it,
 * calls the gateway and then saves; a throw anywhere rolls the transaction
 * back, so a refused gateway call leaves the record as it was. Two admins
 * paying or refunding one invoice at once take turns here.
 */
export function lockedInvoice<R extends object, T>(
  transaction: InvoiceTransaction<R>,
  invoiceNum: number,
  work: (record: R, save: SaveInvoice<R>) => Promise<T>
): Promise<T> {
  return transaction(async (rows) => {
    const record = await rows.findLocked(invoiceNum)
    if (!record) throw new InvoiceNotFoundError(invoiceNum)
    return work(record, (patch) => rows.save(Object.assign(record, patch)))
  })
}

/**
 * For the checkout processor: the money already moved at the gateway, so a
 * missing record is reported through `missing`, not thrown as a failed payment.
 */
export async function lockedInvoiceIfRecorded<R extends object>(
  transaction: InvoiceTransaction<R>,
  invoiceNum: number,
  work: (record: R, save: SaveInvoice<R>) => Promise<unknown>,
  missing: (message: string) => void
): Promise<void> {
  try {
    await lockedInvoice(transaction, invoiceNum, work)
  } catch (e) {
    if (!(e instanceof InvoiceNotFoundError)) throw e
    missing(`InstantMerchant: no record of invoice ${invoiceNum}; the gateway's change was not recorded`)
  }
}
