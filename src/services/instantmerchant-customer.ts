import { TransactionBaseService } from "@medusajs/medusa"
import { InstantMerchantClient } from "../client"
import { GatewayCustomers } from "../customers/gateway-customers"
import { MedusaCustomerLinks } from "../customers/medusa-customer-links"
import { SavedCard } from "../customers/saved-card"
import { gatewayClientFor } from "../config/gateway-client"
import { resolvePluginOptions } from "../config/plugin-options"
import type { Cradle } from "../config/cradle"

/**
 * `instantmerchantCustomerService`: the Medusa customers' gateway customers
 * and saved cards, for the card routes. The logic is in {@link GatewayCustomers}.
 */
class InstantMerchantCustomerService extends TransactionBaseService {
  private readonly customers: GatewayCustomers

  constructor(private readonly cradle: Cradle, options: unknown) {
    super(cradle, options as Record<string, unknown>)
    const client: InstantMerchantClient = gatewayClientFor(resolvePluginOptions(options))
    this.customers = new GatewayCustomers(client, new MedusaCustomerLinks(() => this.cradle.customerService, () => this.cradle.manager))
  }

  /** The customer's saved cards at the gateway; none before their first saved card. */
  async savedCards(customerId: string): Promise<SavedCard[]> {
    return this.customers.savedCards(await this.cradle.customerService.retrieve(customerId))
  }
}

export default InstantMerchantCustomerService
