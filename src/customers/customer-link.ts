/** The metadata key that links a shop customer to its gateway customer. */
export const GATEWAY_CUSTOMER_METADATA_KEY = "instantmerchant_customer_id"

/** A shop customer, as far as the gateway-customers module reads one. */
export interface ShopCustomer {
  id: string
  metadata?: Record<string, unknown> | null
}

/**
 * The port through which the module keeps the link on the host's customer.
 * Medusa v1 keeps it in the customer's metadata (see medusa-customer-links.ts);
 * another host implements this one method.
 */
export interface GatewayCustomerLinks {
  rememberGatewayCustomer(customerId: string, gatewayCustomerId: number): Promise<void>
}

/** The gateway customer linked to `customer`, or undefined before its first saved card or invoice. */
export function linkedGatewayCustomer(customer: ShopCustomer | null | undefined): number | undefined {
  const linked = customer?.metadata?.[GATEWAY_CUSTOMER_METADATA_KEY]
  return Number.isSafeInteger(linked) ? (linked as number) : undefined
}
