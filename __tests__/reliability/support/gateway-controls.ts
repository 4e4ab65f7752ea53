import { e2e } from "../../e2e/support/e2e-env"

/**
 * The sandbox's fault and inspection controls this suite needs beyond
 * `sandbox-inspector.ts`: listing and clearing faults, and reading the
 * request log of one path. JSON with a JSON content type, as the controls
 * require.
 */
async function control(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${e2e.sandboxUrl}/_sandbox/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`sandbox control ${method} ${path} answered ${res.status}: ${text}`)
  return text ? JSON.parse(text) : undefined
}

export const faults = {
  async inject(fault: Record<string, unknown>): Promise<void> {
    await control("POST", "faults", fault)
  },
  /** Faults still waiting for a request: one left over means the action never reached that path. */
  async pending(): Promise<Array<{ path: string; type: string; remaining: number }>> {
    return (await control("GET", "faults")).data
  },
  async clear(): Promise<void> {
    await control("DELETE", "faults")
  },
}

export async function sandboxList(kind: string, env: "test" | "live" | "all" = "test"): Promise<any[]> {
  return (await control("GET", `${kind}?env=${env}`)).data
}
