import { AsyncLocalStorage } from "node:async_hooks"

/**
 * Who is signed in on the storefront request that is being served.
 *
 * Medusa hands `updatePaymentData` only a session id and the storefront's
 * data, and Medusa v1 lets anyone set `customer_id` on a cart
 * (`POST /store/carts/:id`), so the cart's customer says nothing about who is
 * asking. The plugin's middleware on the card-entry route binds the customer
 * the request itself is authenticated as (see api/bind-request-customer.ts),
 * and the processor reads it here: a saved card is used, or a card saved, only
 * for that customer.
 */
const storage = new AsyncLocalStorage<{ customerId: string | null }>()

/** Runs `work` (and everything it awaits) as a request signed in as `customerId`, or as a guest for null. */
export function runAsRequestCustomer<T>(customerId: string | null, work: () => T): T {
  return storage.run({ customerId }, work)
}

/**
 * The customer the current request is authenticated as: null for a guest, and
 * also null outside any request the plugin bound, so that a code path nobody
 * thought of fails closed.
 */
export function requestCustomerId(): string | null {
  return storage.getStore()?.customerId ?? null
}
