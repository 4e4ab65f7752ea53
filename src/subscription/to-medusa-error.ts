import { MedusaError } from "@medusajs/utils"
import { CardError, InstantMerchantError, InvalidRequestError } from "../core/client"
import { InputError } from "../core/input-error"
import { declineMessage } from "../core/payment/decline-message"
import { buildError } from "../payment/build-error"

/**
 * The one translation from this plugin's errors to Medusa's HTTP errors, for
 * the plugin's own routes: bad input is a 400 naming the field, a decline a
 * 422, an unknown id a 404, a state conflict a 409. Anything else passes
 * through unchanged.
 */
export function toMedusaError(e: unknown, operation: string): unknown {
  if (e instanceof MedusaError) return e
  if (e instanceof InputError) return new MedusaError(MedusaError.Types.INVALID_DATA, e.message)
  if (e instanceof CardError) return new MedusaError(MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR, declineMessage(e.declineCode), e.declineCode)
  if (e instanceof InvalidRequestError && e.statusCode === 404) return new MedusaError(MedusaError.Types.NOT_FOUND, buildError(e, operation).error)
  if (e instanceof InvalidRequestError && e.statusCode === 409) return new MedusaError(MedusaError.Types.CONFLICT, buildError(e, operation).error)
  if (e instanceof InstantMerchantError) {
    const built = buildError(e, operation)
    return new MedusaError(e instanceof InvalidRequestError ? MedusaError.Types.INVALID_DATA : MedusaError.Types.UNEXPECTED_STATE, `${built.error}. ${built.detail}`, built.code)
  }
  return e
}
