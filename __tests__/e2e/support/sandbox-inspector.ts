import { e2e } from "./e2e-env"

/** The sandbox's inspection controls, over HTTP, as any other process would use them. */
export const gateway = {
  async list(kind: "charges" | "refunds" | "customers" | "cards" | "invoices" | "subscriptions" | "outbox" | "requests"): Promise<any[]> {
    const res = await fetch(`${e2e.sandboxUrl}/_sandbox/${kind}`)
    return ((await res.json()) as { data: any[] }).data
  },
  async charge(chargeId: string): Promise<any> {
    const found = (await gateway.list("charges")).filter((c) => c.charge_id === chargeId)
    if (found.length !== 1) throw new Error(`expected one gateway charge ${chargeId}, found ${found.length}`)
    return found[0]
  },
  async chargesFor(cartId: string): Promise<any[]> {
    return (await gateway.list("charges")).filter((c) => c.description === `Medusa cart ${cartId}`)
  },
  async declineCard(cardId: string, code: string | null): Promise<void> {
    const res = await fetch(`${e2e.sandboxUrl}/_sandbox/cards/${cardId}/decline`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) })
    if (!res.ok) throw new Error(`declineCard answered ${res.status}`)
  },
  async injectFault(fault: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${e2e.sandboxUrl}/_sandbox/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(fault) })
    if (!res.ok) throw new Error(`injectFault answered ${res.status}`)
  },
  async advanceClock(seconds: number): Promise<void> {
    await fetch(`${e2e.sandboxUrl}/_sandbox/clock/advance`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ seconds }) })
  },
}
