import { InstantMerchantError } from "./instantmerchant-error"

/**
 * The gateway failed (HTTP 5xx) or answered something that is not the
 * reference's shape. On a mutating request `maybeProcessed` is true: the
 * gateway may have acted before it failed.
 */
export class ApiError extends InstantMerchantError {
  override readonly type = "ApiError"
}
