import { ChargeOutcome, ChargeRequest } from "../charge-request"
import { InstantMerchantV2Base } from "../instantmerchant-v2-base"
import { InvoiceCharges } from "../invoice-charges"
import { V2SessionData } from "../session-data-v2"

/**
 * Pay by invoice through InstantMerchant: `pp_instantmerchant-invoice_<id>`.
 * The card provider's whole flow, with its three gateway calls routed to the
 * invoice API (see invoice-charges.ts).
 */
export class InstantMerchantInvoiceProvider extends InstantMerchantV2Base {
  static override identifier = "instantmerchant-invoice"
  private readonly invoices: InvoiceCharges

  constructor(cradle: Record<string, unknown>, options: Record<string, unknown>) {
    super(cradle, options)
    this.invoices = new InvoiceCharges(this.client, this.options)
  }

  protected override createCharge(request: ChargeRequest): Promise<ChargeOutcome> {
    return this.invoices.create(request)
  }

  protected override captureCharge(data: V2SessionData, idempotencyKey: string): Promise<void> {
    return this.invoices.capture(data, idempotencyKey)
  }

  protected override refundCharge(data: V2SessionData, amount: number | undefined, idempotencyKey: string): Promise<{ refund_id: string }> {
    return this.invoices.refund(data, amount, idempotencyKey)
  }
}
