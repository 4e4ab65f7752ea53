import type { KeyPair } from "./environments"
import type { EnvironmentName } from "./store/state"

/** The documented test key pair, used when none is given. */
export const DEFAULT_TEST_API_KEY = "im_test_key"
export const DEFAULT_TEST_API_SECRET = "im_test_secret"
export const DEFAULT_HOST = "127.0.0.1"

export interface SandboxOptions {
  /** Port to listen on; 0 picks a free port. @default 0 (the CLI defaults to 4010) */
  port?: number
  /** @default "127.0.0.1" */
  host?: string
  /** Test environment key. @default "im_test_key" */
  apiKey?: string
  /** Test environment secret. @default "im_test_secret" */
  apiSecret?: string
  /** Live environment key; with no live pair there is no live environment. @default none */
  liveApiKey?: string
  /** Live environment secret. @default none */
  liveApiSecret?: string
  /** Per-environment IP allowlists; other IPs get 403 `ip_not_allowed`. @default no allowlist */
  allowIps?: { test?: string[]; live?: string[] }
  /** Serve the /_sandbox/ test controls. @default true */
  controls?: boolean
  /** JSON file to load on start and rewrite after every change. @default none (memory only) */
  dataFile?: string
}

export interface ResolvedSandboxOptions {
  port: number
  host: string
  pairs: Partial<Record<EnvironmentName, KeyPair>>
  allowIps: Partial<Record<EnvironmentName, string[]>>
  controls: boolean
  dataFile?: string
}

/** Fills defaults and refuses configurations that would make a key ambiguous. */
export function resolveSandboxOptions(options: SandboxOptions = {}): ResolvedSandboxOptions {
  const test: KeyPair = { apiKey: options.apiKey ?? DEFAULT_TEST_API_KEY, apiSecret: options.apiSecret ?? DEFAULT_TEST_API_SECRET }
  const pairs: Partial<Record<EnvironmentName, KeyPair>> = { test }
  if ((options.liveApiKey === undefined) !== (options.liveApiSecret === undefined)) {
    throw new Error("liveApiKey and liveApiSecret must be given together")
  }
  if (options.liveApiKey !== undefined && options.liveApiSecret !== undefined) {
    if (options.liveApiKey === test.apiKey) throw new Error("the live key must differ from the test key")
    pairs.live = { apiKey: options.liveApiKey, apiSecret: options.liveApiSecret }
  }
  const port = options.port ?? 0
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`port must be an integer from 0 to 65535, got ${port}`)
  return {
    port,
    host: options.host ?? DEFAULT_HOST,
    pairs,
    allowIps: { ...options.allowIps },
    controls: options.controls ?? true,
    dataFile: options.dataFile,
  }
}
