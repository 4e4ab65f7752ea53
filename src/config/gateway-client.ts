import { InstantMerchantClient } from "../client"
import { ResolvedPluginOptions } from "./plugin-options"

/** The InstantMerchant client the plugin's options describe; the processors and services all use this one recipe. */
export function gatewayClientFor(options: ResolvedPluginOptions): InstantMerchantClient {
  return new InstantMerchantClient({
    apiKey: options.api_key,
    apiSecret: options.api_secret,
    baseUrl: options.base_url,
    timeoutMs: options.timeout_ms,
    maxRetries: options.max_retries,
  })
}
