import type { EnvironmentName } from "./store/state"

/**
 * Key pairs and IP allowlists. The environments doc: "You will be given two
 * types of API keys that will determine your environments (development or
 * production)", and "Add IP addresses to your IP Whitelist to allow only IPs
 * on the Whitelist to make API requests".
 */
export interface KeyPair {
  apiKey: string
  apiSecret: string
}

export type Allowlist = readonly string[] | null

export class Environments {
  private readonly allowlists: Record<EnvironmentName, Allowlist>

  constructor(
    private readonly pairs: Partial<Record<EnvironmentName, KeyPair>>,
    private readonly initialAllowlists: Partial<Record<EnvironmentName, Allowlist>>,
  ) {
    this.allowlists = { test: null, live: null }
    this.resetAllowlists()
  }

  /** The environment a key pair opens, or null (401). Both halves must match. */
  resolve(apiKey: string | undefined, apiSecret: string | undefined): EnvironmentName | null {
    if (apiKey === undefined || apiSecret === undefined) return null
    for (const name of ["test", "live"] as const) {
      const pair = this.pairs[name]
      if (pair && sameSecret(pair.apiKey, apiKey) && sameSecret(pair.apiSecret, apiSecret)) return name
    }
    return null
  }

  /** Whether `apiSecret` is the secret of `name`'s pair; with environmentOfKey, the same answer as resolve, comparing the key once. */
  secretMatches(name: EnvironmentName, apiSecret: string | undefined): boolean {
    const pair = this.pairs[name]
    return pair !== undefined && apiSecret !== undefined && sameSecret(pair.apiSecret, apiSecret)
  }

  /** Which environment a key belongs to, even with a wrong secret: for labelling the request log, and with secretMatches. */
  environmentOfKey(apiKey: string | undefined): EnvironmentName | null {
    if (apiKey === undefined) return null
    if (this.pairs.test && sameSecret(this.pairs.test.apiKey, apiKey)) return "test"
    if (this.pairs.live && sameSecret(this.pairs.live.apiKey, apiKey)) return "live"
    return null
  }

  isConfigured(name: EnvironmentName): boolean {
    return this.pairs[name] !== undefined
  }

  /** Without an allowlist every IP may call; with one, only its IPs (an empty list admits nobody). */
  isAllowed(name: EnvironmentName, ip: string): boolean {
    const allowlist = this.allowlists[name]
    return allowlist === null || allowlist.includes(normalizeIp(ip))
  }

  setAllowlist(name: EnvironmentName, ips: Allowlist): void {
    this.allowlists[name] = ips === null ? null : ips.map(normalizeIp)
  }

  allowlist(name: EnvironmentName): Allowlist {
    return this.allowlists[name]
  }

  /** Back to the allowlists the sandbox started with. */
  resetAllowlists(): void {
    this.setAllowlist("test", this.initialAllowlists.test ?? null)
    this.setAllowlist("live", this.initialAllowlists.live ?? null)
  }
}

/** An IPv4 client on a dual-stack socket shows up as `::ffff:127.0.0.1`. */
export function normalizeIp(ip: string): string {
  return ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice("::ffff:".length) : ip
}

/**
 * Constant-time comparison: the sandbox should not teach a timing leak by
 * example. Compared as UTF-16 code units in one pass over the expected
 * value, which answers what comparing the UTF-8 bytes does without encoding
 * the given value into a new Buffer on every request.
 */
function sameSecret(expected: string, given: string): boolean {
  let difference = expected.length ^ given.length
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ given.charCodeAt(i)
  return difference === 0
}
