import { InstantMerchantError } from "./instantmerchant-error"

/**
 * The request was refused as it stands (HTTP 400, 404 or 409): a missing or
 * invalid field (`param` names it), an unknown id, or a state conflict such as
 * `charge_already_captured`. Sending it again unchanged fails again.
 */
export class InvalidRequestError extends InstantMerchantError {
  override readonly type = "InvalidRequestError"
}
