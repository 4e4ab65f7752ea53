import { MedusaError } from "@medusajs/utils"
import { CardError, InstantMerchantError, InvalidRequestError } from "../core/client"
import { InputError } from "../core/input-error"
import { declineMessage } from "../core/payment/decline-message"
import { buildError } from "../payment/build-error"

/**
 * The one translation from this plugin's errors to Medusa's HTTP errors, for
 * the plugin's own routes: bad input is a 400 naming the field, a decline a
 * 422, an unknown id a 404, a gateway state conflict a 400 that says which.
 * Anything else passes through unchanged.
 */
/**
 * Answers a concurrency conflict as 409 with its own message (Medusa's
 * handler would replace the message); returns false for any other error.
 */
export function answeredConflict(e: unknown, res: { status(code: number): { json(body: unknown): void } }): boolean {
  if (!MedusaError.isMedusaError(e) || (e as MedusaError).type !== MedusaError.Types.CONFLICT) return false
  res.status(409).json({ type: "conflict", code: "conflict", message: e.message })
  return true
}

export function toMedusaError(e: unknown, operation: string): unknown {
  // Not instanceof: @medusajs/utils is compiled to ES5, where instanceof fails for subclasses of Error.
  if (MedusaError.isMedusaError(e)) return e
  if (e instanceof InputError) return new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
  if (e instanceof CardError) return new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, declineMessage(e.declineCode), e.declineCode)
  if (e instanceof InvalidRequestError && e.statusCode === 404) return new MedusaError(MedusaError.Types.NOT_FOUND, buildError(e, operation).error)
  // Medusa's error handler replaces a CONFLICT's message with a generic one; NOT_ALLOWED keeps ours, as Medusa's own state errors do.
  if (e instanceof InvalidRequestError && e.statusCode === 409) return new MedusaError(MedusaError.Types.NOT_ALLOWED, buildError(e, operation).error)
  if (e instanceof InstantMerchantError) {
    const built = buildError(e, operation)
    return new MedusaError(e instanceof InvalidRequestError ? MedusaError.Types.INVALID_DATA : MedusaError.Types.UNEXPECTED_STATE, `${built.error}. ${built.detail}`, built.code)
  }
  return e
}
