import { GATEWAY_CUSTOMER_METADATA_KEY, GatewayCustomerLinks } from "./customer-link"

/** Medusa v1's customer service, as far as the link needs it. */
interface CustomerUpdater {
  update(customerId: string, update: { metadata: Record<string, unknown> }): Promise<unknown>
}

/**
 * The Medusa v1 side of {@link GatewayCustomerLinks}: the link lives in the
 * customer's metadata. The customer service is resolved on each call, as
 * Medusa builds services lazily and the processors are resolved by it.
 */
export class MedusaCustomerLinks implements GatewayCustomerLinks {
  constructor(private readonly customerService: () => CustomerUpdater) {}

  async rememberGatewayCustomer(customerId: string, gatewayCustomerId: number): Promise<void> {
    // customerService.update merges metadata, so other plugins' keys survive.
    await this.customerService().update(customerId, { metadata: { [GATEWAY_CUSTOMER_METADATA_KEY]: gatewayCustomerId } })
  }
}
