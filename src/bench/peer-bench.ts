import { spawnSync } from "node:child_process"
import { randomUUID } from "node:crypto"
import { existsSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { closedLoop, form, keepAliveAgent } from "./gateway-requests"
import { cpuPerCycle, cpuTarget, WARM_UP_CYCLES, WORKERS, type CpuTarget } from "./sandbox-bench"
import { startBenchServer, type ServerProcess } from "./server-process"
import { median, round } from "./stats"
import { Agent, request } from "node:http"

/** The peer: the stateful Stripe emulator on npm, an Express app. Installed on the fly, never a dependency. */
const PEER = "stripe-stateful-mock@0.0.16"

/**
 * The same money cycle (auth-only charge, capture, partial refund) against
 * the sandbox and stripe-stateful-mock, interleaved, each in a fresh process
 * so both hold the same amount of state.
 */
export async function peerBench(sandboxDist: string | undefined, rounds: number, cycles: number, counter: { next: number }): Promise<Record<string, unknown>> {
  const prefix = join(tmpdir(), "im-bench-peer")
  if (!existsSync(join(prefix, "node_modules", "stripe-stateful-mock"))) {
    const installed = spawnSync("npm", ["install", "--prefix", prefix, PEER, "--no-audit", "--no-fund", "--no-save"], { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] })
    if (installed.status !== 0) return { peer_error: `npm install ${PEER} failed: ${installed.stderr.trim().split("\n").slice(-1)[0]}` }
  }
  const sandbox = await startBenchServer("sandbox", sandboxDist)
  const peer = await startBenchServer("peer", prefix)
  try {
    const targets = [cpuTarget("sandbox", sandbox), stripeTarget(peer)]
    for (const t of targets) await closedLoop(WARM_UP_CYCLES, WORKERS, () => t.cycle(counter.next++))
    const perRound = await cpuPerCycle(targets, rounds, cycles, counter)
    const sandboxCpu = median(perRound.sandbox)
    const peerCpu = median(perRound.peer)
    return {
      peer: PEER,
      peer_sandbox_cpu_us_per_cycle: round(sandboxCpu, 1),
      stripe_stateful_mock_cpu_us_per_cycle: round(peerCpu, 1),
      sandbox_vs_stripe_stateful_mock: round(sandboxCpu / peerCpu),
    }
  } finally {
    await sandbox.stop()
    await peer.stop()
  }
}

function stripeTarget(server: ServerProcess): CpuTarget {
  const agent = keepAliveAgent(WORKERS)
  return {
    name: "peer",
    cpuMicros: () => server.cpuMicros(),
    async cycle(n) {
      const charge = await postStripe(agent, `${server.apiBaseUrl}/charges`, form({ amount: 1000 + (n % 1000), currency: "usd", source: "tok_visa", capture: "false", description: `bench ${n}` }))
      await postStripe(agent, `${server.apiBaseUrl}/charges/${charge.id}/capture`, "")
      await postStripe(agent, `${server.apiBaseUrl}/refunds`, form({ charge: String(charge.id), amount: 300 }))
    },
  }
}

function postStripe(agent: Agent, url: string, body: string): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent, headers: { Authorization: "Bearer sk_test_bench", "Content-Type": "application/x-www-form-urlencoded", "Idempotency-Key": randomUUID(), "Content-Length": Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = []
      res.on("data", (c: Buffer) => chunks.push(c))
      res.on("end", () => {
        const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"))
        if (res.statusCode !== 200) reject(new Error(`stripe-stateful-mock answered ${res.statusCode}: ${JSON.stringify(parsed)}`))
        else resolve(parsed)
      })
    })
    req.on("error", reject)
    req.end(body)
  })
}
