import { InstantMerchantV2Base } from "../instantmerchant-v2-base"

/**
 * Card payments through InstantMerchant: `pp_instantmerchant_<id>` in
 * Medusa 2.x. All the logic is in {@link InstantMerchantV2Base}.
 */
export class InstantMerchantCardProvider extends InstantMerchantV2Base {
  static override identifier = "instantmerchant"

  constructor(cradle: Record<string, unknown>, options: Record<string, unknown>) {
    super(cradle, options)
  }
}
