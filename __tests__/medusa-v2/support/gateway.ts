import { v2 } from "./v2-env"

/** The sandbox's inspection controls over HTTP, as any other process would use them. */
export const gateway = {
  async list(kind: "charges" | "refunds" | "customers" | "cards" | "invoices" | "requests"): Promise<any[]> {
    const res = await fetch(`${v2.sandboxUrl}/_sandbox/${kind}`)
    if (!res.ok) throw new Error(`GET /_sandbox/${kind} answered ${res.status}`)
    return ((await res.json()) as { data: any[] }).data
  },
  async charge(chargeId: string): Promise<any> {
    const found = (await gateway.list("charges")).filter((c) => c.charge_id === chargeId)
    if (found.length !== 1) throw new Error(`expected one gateway charge ${chargeId}, found ${found.length}`)
    return found[0]
  },
  /** The charges a payment session made (the provider describes each charge by its session). */
  async chargesOfSession(sessionId: string): Promise<any[]> {
    return (await gateway.list("charges")).filter((c) => c.description === `Medusa payment session ${sessionId}`)
  },
  /** How many requests reached an endpoint (`/api/v2/refund`), for proving one was never sent. */
  async requestCount(path: string): Promise<number> {
    return (await gateway.list("requests")).filter((r) => r.path === path).length
  },
  /** Makes the gateway misbehave on purpose (see the sandbox's faults); `process: true` moves the money, then loses the answer. */
  async injectFault(fault: { path: string; type: string; process?: boolean; count?: number }): Promise<void> {
    const res = await fetch(`${v2.sandboxUrl}/_sandbox/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(fault) })
    if (!res.ok) throw new Error(`POST /_sandbox/faults answered ${res.status}`)
  },
  async refundsOf(chargeId: string): Promise<any[]> {
    return (await gateway.list("refunds")).filter((r) => r.charge_id === chargeId)
  },
}
