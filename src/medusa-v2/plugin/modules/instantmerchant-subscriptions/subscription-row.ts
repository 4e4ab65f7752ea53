import type { InferTypeOf } from "@medusajs/framework/types"
import type { InstantMerchantSubscription } from "./models/instantmerchant-subscription"
import type { InstantMerchantSubscriptionRenewal } from "./models/instantmerchant-subscription-renewal"

/** A subscription row as SQL reads it (no relations). */
export type SubscriptionRow = Omit<InferTypeOf<typeof InstantMerchantSubscription>, "renewals">

/** A renewal row as the module's service answers it. */
export type RenewalRow = Omit<InferTypeOf<typeof InstantMerchantSubscriptionRenewal>, "subscription"> & { subscription_id: string }
