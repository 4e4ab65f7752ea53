import { InstantMerchantClient } from "../client"
import { GatewayOptions } from "./shared-options"

/** The InstantMerchant client the options describe; the processors, services and the 2.x provider all use this one recipe. */
export function gatewayClientFor(options: Required<Pick<GatewayOptions, "api_key" | "api_secret" | "base_url" | "timeout_ms" | "max_retries">>): InstantMerchantClient {
  return new InstantMerchantClient({
    apiKey: options.api_key,
    apiSecret: options.api_secret,
    baseUrl: options.base_url,
    timeoutMs: options.timeout_ms,
    maxRetries: options.max_retries,
  })
}
