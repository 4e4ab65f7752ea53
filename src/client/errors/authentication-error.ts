import { InstantMerchantError } from "./instantmerchant-error"

/** The API key or secret is missing or wrong (HTTP 401). */
export class AuthenticationError extends InstantMerchantError {
  override readonly type = "AuthenticationError"
}
