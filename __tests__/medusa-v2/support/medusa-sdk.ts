import Medusa from "@medusajs/js-sdk"
import { V2_ADMIN, v2 } from "./v2-env"

/** A js-sdk client of the store, with its own token store (one per shopper or admin). */
export function sdkClient(): Medusa {
  return new Medusa({ baseUrl: v2.medusaUrl, publishableKey: v2.seeded.publishable_key, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
}

/** The admin, signed in. */
export async function adminSdk(): Promise<Medusa> {
  const sdk = sdkClient()
  await sdk.auth.login("user", "emailpass", V2_ADMIN)
  return sdk
}

/** A newly registered customer, signed in, with a default billing address (so Medusa makes their account holder). */
export async function customerSdk(email: string): Promise<{ sdk: Medusa; customerId: string }> {
  const sdk = sdkClient()
  const password = "customer-password-1"
  await sdk.auth.register("customer", "emailpass", { email, password })
  const { customer } = await sdk.store.customer.create({ email, first_name: "Ada", last_name: "Lovelace" })
  await sdk.auth.login("customer", "emailpass", { email, password })
  await sdk.store.customer.createAddress({ ...US_ADDRESS, is_default_billing: true, is_default_shipping: true })
  return { sdk, customerId: customer.id }
}

export const US_ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "1 Main St",
  city: "Nashville",
  postal_code: "37201",
  province: "Tennessee",
  country_code: "us",
}

/** What a refused call answered: its HTTP status and message (js-sdk throws a FetchError). */
export async function refusal(call: Promise<unknown>): Promise<{ status: number | undefined; message: string }> {
  try {
    await call
  } catch (e) {
    const error = e as { status?: number; message?: string }
    return { status: error.status, message: error.message ?? String(e) }
  }
  throw new Error("expected the call to be refused, and it succeeded")
}
