import { GATEWAY_CUSTOMER_METADATA_KEY, GatewayCustomerLinks } from "./customer-link"

/** Medusa v1's customer service, as far as the link needs it. */
interface CustomerUpdater {
  update(customerId: string, update: { metadata: Record<string, unknown> }): Promise<unknown>
  withTransaction?(manager?: unknown): CustomerUpdater
}

/**
 * The Medusa v1 side of {@link GatewayCustomerLinks}: the link lives in the
 * customer's metadata. The customer service is resolved on each call, as
 * Medusa builds services lazily and the processors are resolved by it.
 */
export class MedusaCustomerLinks implements GatewayCustomerLinks {
  constructor(
    private readonly customerService: () => CustomerUpdater,
    private readonly manager: () => unknown = () => undefined
  ) {}

  async rememberGatewayCustomer(customerId: string, gatewayCustomerId: number): Promise<void> {
    // A copy of the service per call: Medusa's atomicPhase_ sets the transaction on the service it runs on, so
    // concurrent updates through the shared one step on each other ("Query runner already released").
    const shared = this.customerService()
    const manager = this.manager()
    const service = manager && shared.withTransaction ? shared.withTransaction(manager) : shared
    // customerService.update merges metadata, so other plugins' keys survive.
    await service.update(customerId, { metadata: { [GATEWAY_CUSTOMER_METADATA_KEY]: gatewayCustomerId } })
  }
}
