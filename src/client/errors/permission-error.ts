import { InstantMerchantError } from "./instantmerchant-error"

/** The key is valid but may not do this, e.g. the server's IP is not on the account's allowlist (HTTP 403). */
export class PermissionError extends InstantMerchantError {
  override readonly type = "PermissionError"
}
