import { InstantMerchantBase, InstantMerchantDependencies } from "../checkout/card-processor"

/**
 * Card payments through InstantMerchant: the provider `instantmerchant` that a
 * shop enables per region. All the logic is in {@link InstantMerchantBase}.
 */
class InstantMerchantProviderService extends InstantMerchantBase {
  static override identifier = "instantmerchant"

  constructor(container: Record<string, unknown>, options: unknown, deps?: InstantMerchantDependencies) {
    super(container, options, deps)
  }
}

export default InstantMerchantProviderService
