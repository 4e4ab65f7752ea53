import { ResolvedPluginOptions } from "../config/plugin-options"

/**
 * "Now", for deciding which renewals are due. The server's clock, or, with
 * `use_sandbox_clock`, the sandbox's: subscription periods end at the
 * gateway's `expiry_date`, and a developer who advances the sandbox clock
 * expects renewals to come due.
 */
export class SubscriptionClock {
  constructor(private readonly options: Pick<ResolvedPluginOptions, "use_sandbox_clock" | "base_url">) {}

  async now(): Promise<Date> {
    if (!this.options.use_sandbox_clock) return new Date()
    const origin = this.options.base_url.replace(/\/api\/v2$/, "")
    const res = await fetch(`${origin}/_sandbox/clock`, { signal: AbortSignal.timeout(5000) })
    if (!res.ok) throw new Error(`use_sandbox_clock: ${origin}/_sandbox/clock answered ${res.status}; is base_url a sandbox with its controls on?`)
    const { now } = (await res.json()) as { now: number }
    return new Date(now * 1000)
  }
}
