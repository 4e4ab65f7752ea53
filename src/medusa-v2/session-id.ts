import type { PaymentProviderContext } from "@medusajs/framework/types"
import { InputError } from "../rules/input/input-error"

/** The payment session's id: the payment module's idempotency key for a session, also added to the storefront's data. */
export function sessionIdOf(context: PaymentProviderContext | undefined, data: Record<string, unknown> | undefined): string {
  const id = context?.idempotency_key ?? data?.session_id
  if (typeof id !== "string" || !id) throw new InputError("session_id", "the payment module gave no payment session id")
  return id
}
