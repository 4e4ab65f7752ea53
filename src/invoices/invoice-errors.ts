/** No invoice record with that number: a 404 on the admin routes. */
export class InvoiceNotFoundError extends Error {
  constructor(readonly invoiceNum: number) {
    super(`invoice_num: no invoice ${invoiceNum} was created by this shop`)
    this.name = "InvoiceNotFoundError"
  }
}

/**
 * The invoice is not in a state that allows the operation (paying it twice,
 * refunding what was not paid): refused before the gateway is called, a 409.
 */
export class InvoiceStateError extends Error {
  constructor(readonly code: string, message: string) {
    super(message)
    this.name = "InvoiceStateError"
  }
}
