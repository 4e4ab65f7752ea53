import { InstantMerchantInvoiceBase, InstantMerchantInvoiceDependencies } from "../invoices/invoice-processor"

/**
 * Pay by invoice through InstantMerchant: the provider
 * `instantmerchant-invoice` that a shop enables per region. The logic is in
 * {@link InstantMerchantInvoiceBase} and the card processor's base.
 */
class InstantMerchantInvoiceProviderService extends InstantMerchantInvoiceBase {
  static override identifier = "instantmerchant-invoice"

  constructor(container: Record<string, unknown>, options: unknown, deps?: InstantMerchantInvoiceDependencies) {
    super(container, options, deps)
  }
}

export default InstantMerchantInvoiceProviderService
