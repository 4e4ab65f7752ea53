#!/usr/bin/env node
/**
 * `npm run bench`: what the plugin and its sandbox cost, as ratios of two
 * things measured in the same run (the machine is shared and noisy, so
 * absolute figures swing; ratios and medians hold). It asserts nothing.
 *
 *   npm run bench                      table
 *   npm run bench -- --json            one JSON object
 *   npm run bench -- --peer            also stripe-stateful-mock, installed on the fly
 *   npm run bench -- --no-checkout     skip the Medusa store
 *   npm run bench -- --sandbox DIST    measure another build of the sandbox (a "before" run)
 *   npm run bench -- --only client,renewals   some parts only (sandbox, client, checkout, renewals, peer)
 *   npm run bench -- --renewals 1000,10000    the renewal batch sizes
 *   npm run bench -- --rounds 5 --cycles 2000 --charges 100000
 */
import { cpus } from "node:os"
import { withBenchStack } from "./bench-stack"
import { checkoutBench } from "./checkout-bench"
import { clientOverhead } from "./client-bench"
import { closedLoop } from "./gateway-requests"
import { peerBench } from "./peer-bench"
import { renewalsBench } from "./renewals-bench"
import { checkHeldState, cpuPerCycle, cpuTarget, holdCharges, WARM_UP_CYCLES, WORKERS, type HeldState } from "./sandbox-bench"
import { startBenchServer } from "./server-process"
import { median, round } from "./stats"

const PARTS = ["sandbox", "client", "checkout", "renewals", "peer"] as const
type Part = (typeof PARTS)[number]

interface Args {
  json: boolean
  parts: Set<Part>
  sandboxDist?: string
  rounds: number
  cycles: number
  charges: number
  renewals: number[]
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, parts: new Set<Part>(["sandbox", "client", "checkout", "renewals"]), rounds: 5, cycles: 2000, charges: 100_000, renewals: [1000, 10_000] }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${flag} needs a value`)
      return v
    }
    if (flag === "--json") args.json = true
    else if (flag === "--peer") args.parts.add("peer")
    else if (flag === "--no-checkout") {
      args.parts.delete("checkout")
      args.parts.delete("renewals")
    }
    else if (flag === "--only") args.parts = partsOf(value())
    else if (flag === "--sandbox") args.sandboxDist = value()
    else if (flag === "--rounds") args.rounds = positive(flag, value())
    else if (flag === "--cycles") args.cycles = positive(flag, value())
    else if (flag === "--charges") args.charges = positive(flag, value())
    else if (flag === "--renewals") args.renewals = value().split(",").map((n) => positive(flag, n))
    else throw new Error(`unknown option ${flag}`)
  }
  return args
}

function partsOf(raw: string): Set<Part> {
  const names = raw.split(",").map((name) => name.trim())
  const unknown = names.filter((name) => !(PARTS as readonly string[]).includes(name))
  if (unknown.length) throw new Error(`--only: unknown part ${unknown.join(", ")}; the parts are ${PARTS.join(", ")}`)
  return new Set(names as Part[])
}

function positive(flag: string, raw: string): number {
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got '${raw}'`)
  return n
}

/** Progress goes to stderr, so `--json` output stays one object on stdout. */
const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`)

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const started = Date.now()
  const results: Record<string, unknown> = {
    machine: { node: process.version, cpus: cpus().length, cpu_model: cpus()[0]?.model ?? "unknown", note: "shared with other test runs: ratios of figures taken in the same run, medians over interleaved rounds" },
    settings: { rounds: args.rounds, cycles_per_round: args.cycles, workers: WORKERS, charges_held: args.charges, sandbox: args.sandboxDist ?? "this build" },
  }

  if (args.parts.has("sandbox") || args.parts.has("client")) await sandboxAndClient(args, results)

  // A part that cannot run here (no npm registry, no PostgreSQL) is reported, and the rest still prints.
  if (args.parts.has("checkout") || args.parts.has("renewals")) {
    progress("booting a real Medusa store (PostgreSQL, Redis, Medusa) for the checkout and renewals")
    await withBenchStack(progress, async (stack) => {
      if (args.parts.has("checkout")) {
        progress("checkout through the store")
        Object.assign(results, await checkoutBench(stack, args.rounds).catch((error: unknown) => ({ checkout_error: messageOf(error) })))
      }
      if (args.parts.has("renewals")) {
        Object.assign(results, await renewalsBench(stack, args.renewals, progress).catch((error: unknown) => ({ renewals_error: messageOf(error) })))
      }
    }).catch((error: unknown) => Object.assign(results, { store_error: messageOf(error) }))
  }

  if (args.parts.has("peer")) {
    progress("peer: stripe-stateful-mock")
    Object.assign(results, await peerBench(args.sandboxDist, args.rounds, args.cycles, { next: 0 }).catch((error: unknown) => ({ peer_error: messageOf(error) })))
  }

  results.seconds = Math.round((Date.now() - started) / 1000)
  if (args.json) process.stdout.write(JSON.stringify(results, null, 2) + "\n")
  else printTable(results)
}

/** The sandbox beside the floor (CPU per money cycle, memory at 100k charges), and the client's overhead against it. */
async function sandboxAndClient(args: Args, results: Record<string, unknown>): Promise<void> {
  const sandbox = await startBenchServer("sandbox", args.sandboxDist)
  const floor = await startBenchServer("floor")
  const counter = { next: 0 }
  try {
    const targets = [cpuTarget("sandbox", sandbox), cpuTarget("floor", floor)]
    progress("warming up")
    for (const t of targets) await closedLoop(WARM_UP_CYCLES, WORKERS, () => t.cycle(counter.next++))

    let sandboxCpu = NaN
    if (args.parts.has("sandbox")) {
      progress(`money cycle, ${args.rounds} rounds of ${args.cycles} cycles, ${WORKERS} workers (about 1k charges held)`)
      const small = await cpuPerCycle(targets, args.rounds, args.cycles, counter)
      sandboxCpu = median(small.sandbox)
      const floorCpu = median(small.floor)
      Object.assign(results, {
        sandbox_cpu_us_per_cycle: round(sandboxCpu, 1),
        floor_cpu_us_per_cycle: round(floorCpu, 1),
        sandbox_vs_floor: round(sandboxCpu / floorCpu),
        rounds_cpu_us_per_cycle: { sandbox: small.sandbox.map((v) => round(v, 1)), floor: small.floor.map((v) => round(v, 1)) },
      })
    }

    if (args.parts.has("client")) {
      progress("client overhead")
      const overhead = await clientOverhead(sandbox, args.rounds, 200)
      Object.assign(results, { client_ms: round(overhead.clientMs, 3), bare_http_ms: round(overhead.bareMs, 3), client_overhead: round(overhead.ratio) })
    }
    if (!args.parts.has("sandbox")) return

    progress(`filling to ${args.charges.toLocaleString("en-US")} charges`)
    const held: HeldState = await holdCharges(sandbox, args.charges, counter, args.sandboxDist)
    Object.assign(results, {
      sandbox_rss_mb_100k: round(held.rssMb, 1),
      sandbox_heap_mb_100k: round(held.heapMb, 1),
      fill_charges_per_second: Math.round(held.filled / held.fillSeconds),
    })

    progress(`money cycle again with ${held.charges.toLocaleString("en-US")} charges held`)
    const large = await cpuPerCycle(targets, args.rounds, args.cycles, counter)
    const sandboxCpuLarge = median(large.sandbox)
    Object.assign(results, {
      sandbox_cpu_us_per_cycle_100k: round(sandboxCpuLarge, 1),
      floor_cpu_us_per_cycle_100k: round(median(large.floor), 1),
      sandbox_vs_floor_100k: round(sandboxCpuLarge / median(large.floor)),
      sandbox_cost_100k_vs_1k: round(sandboxCpuLarge / sandboxCpu),
    })

    progress("checking the held state (replay, reuse, inspection, export and reload)")
    const state = await checkHeldState(sandbox, held, counter, args.sandboxDist)
    Object.assign(results, { charges_held: held.charges, state_checks_100k: state.checks })
  } finally {
    await sandbox.stop()
    await floor.stop()
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

const GOALS: Record<string, string> = {
  sandbox_vs_floor: "≤ 1.5",
  sandbox_vs_floor_100k: "≤ 1.5",
  sandbox_cost_100k_vs_1k: "≈ 1 (flat)",
  sandbox_rss_mb_100k: "≤ 100",
  client_overhead: "≤ 1.05",
  checkout_vs_system: "≤ 1.15",
  renewal_cost_large_vs_small: "≤ 1.2 (linear)",
  sandbox_vs_stripe_stateful_mock: "≤ 0.5",
}

function printTable(results: Record<string, unknown>): void {
  const out = (line: string) => process.stdout.write(line + "\n")
  const machine = results.machine as Record<string, unknown>
  out(`medusa-payment-instantmerchant bench: node ${machine.node}, ${machine.cpus} × ${machine.cpu_model}`)
  out(`(${machine.note})`)
  out("")
  for (const [name, value] of Object.entries(results)) {
    if (name === "machine" || name === "settings" || name.startsWith("rounds_")) continue
    const text = typeof value === "object" && value !== null ? JSON.stringify(value) : String(value)
    out(`${name.padEnd(34)} ${text.padEnd(14)} ${GOALS[name] ? `goal ${GOALS[name]}` : ""}`.trimEnd())
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
  process.exit(1)
})
