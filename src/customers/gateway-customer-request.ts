import type { CustomerCreateParams } from "../client"
import { GatewayAddress } from "./gateway-address"
import { lettersDigest } from "../rules/idempotency-digest"

/**
 * The customer create request for a gateway customer owned by `owner` (a
 * Medusa customer id for an account's saved cards, a payment session id for a
 * card used once), and its idempotency key.
 *
 * The key and the username carry a digest of the email and address: a re-run
 * with the same details replays the first creation, and new details (a
 * shopper fixing a typo after a decline) are a new request, with a username of
 * their own, instead of a reused key the gateway refuses. Checkout and the
 * invoice routes both make customers here, so they agree by construction.
 */
export function gatewayCustomerRequest(owner: string, address: GatewayAddress, email: string): { params: CustomerCreateParams; idempotencyKey: string } {
  const details = { ...address, email }
  const digest = lettersDigest(JSON.stringify(Object.keys(details).sort().map((k) => [k, details[k as keyof typeof details]])), 12)
  return {
    params: { ...details, username: `medusa_${owner}_${digest}` },
    idempotencyKey: `im_customer_${owner}_${digest}`,
  }
}
