import { randomUUID } from "node:crypto"
import { performance } from "node:perf_hooks"
import { chargeBody, closedLoop, keepAliveAgent, moneyCycle, postGateway, type GatewayTarget } from "./gateway-requests"
import { startBenchServer, type ServerProcess } from "./server-process"

export const WORKERS = 16

/**
 * Money cycles each server gets before anything is timed. The CPU a process
 * spends includes V8's compiler threads: with 300, the first timed rounds
 * of the sandbox (which has far more code to compile than the floor) cost
 * two to three times the later ones (405 and 167 µs a cycle, then 113 to
 * 136), and the median took some of that start-up in. What is measured is
 * the cost of a request in a running server.
 */
export const WARM_UP_CYCLES = 3000

export interface CpuTarget {
  name: string
  /** One money cycle against this server. */
  cycle(n: number): Promise<void>
  cpuMicros(): Promise<number>
}

/**
 * Server CPU per money cycle for each target, in interleaved rounds: each
 * round runs every target once, starting with a different one each time, so
 * a neighbour's burst on the shared machine hits them all alike. Answers the
 * per-round figures by target name.
 */
export async function cpuPerCycle(targets: CpuTarget[], rounds: number, cyclesPerRound: number, counter: { next: number }): Promise<Record<string, number[]>> {
  const perRound: Record<string, number[]> = Object.fromEntries(targets.map((t) => [t.name, []]))
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < targets.length; i++) {
      const { name, cycle, cpuMicros } = targets[(round + i) % targets.length]
      const before = await cpuMicros()
      await closedLoop(cyclesPerRound, WORKERS, () => cycle(counter.next++))
      perRound[name].push(((await cpuMicros()) - before) / cyclesPerRound)
    }
  }
  return perRound
}

/** A server that speaks the InstantMerchant API (the sandbox, or the floor, which answers anything). */
export function cpuTarget(name: string, server: Pick<ServerProcess, "apiBaseUrl" | "cpuMicros">): CpuTarget {
  const target: GatewayTarget = { apiBaseUrl: server.apiBaseUrl, agent: keepAliveAgent(WORKERS) }
  return { name, cycle: (n) => moneyCycle(target, n), cpuMicros: () => server.cpuMicros() }
}

export interface HeldState {
  charges: number
  /** Charges the fill added. */
  filled: number
  rssMb: number
  heapMb: number
  fillSeconds: number
  /** The first charge of the fill, with its own Idempotency-Key, for {@link checkHeldState}. */
  first: { key: string; body: string; chargeId: string }
}

/**
 * Fills the sandbox up to `charges` charges (captured, each with its own
 * Idempotency-Key, as the client sends them), then measures RSS after a GC.
 */
export async function holdCharges(sandbox: ServerProcess, charges: number, counter: { next: number }, sandboxDist: string | undefined): Promise<HeldState> {
  const target: GatewayTarget = { apiBaseUrl: sandbox.apiBaseUrl, agent: keepAliveAgent(WORKERS) }
  const held = await countCharges(sandbox.url)
  const firstKey = `bench-first-${randomUUID()}`
  const firstBody = chargeBody(counter.next++, "auth_and_capture")
  const first = await postGateway(target, "charge", firstBody, firstKey)
  const started = performance.now()
  const filled = Math.max(0, charges - held - 1)
  await closedLoop(filled, WORKERS, async () => {
    const reply = await postGateway(target, "charge", chargeBody(counter.next++, "auth_and_capture"))
    if (reply.status !== 200) throw new Error(`fill charge answered ${reply.status}`)
  })
  const fillSeconds = (performance.now() - started) / 1000
  const rssMb = (await sandbox.rssAfterGc()) / 1024 / 1024
  const heapMb = (await sandbox.heapAfterGc()) / 1024 / 1024
  return { charges: held + filled + 1, filled, rssMb, heapMb, fillSeconds, first: { key: firstKey, body: firstBody, chargeId: String(first.answer.charge_id) } }
}

/**
 * Checks that the held state still answers correctly: the first key still
 * replays, reusing it with other parameters is still refused, inspection
 * lists every charge, and (on a sandbox that has it) the exported data file
 * loads into a new sandbox with the same charges and keys. Run after the
 * timed rounds at that size: the export and the listing build the whole
 * state as JSON once, and the garbage they leave would be timed too.
 */
export async function checkHeldState(sandbox: ServerProcess, held: HeldState, counter: { next: number }, sandboxDist: string | undefined): Promise<{ charges: number; checks: Record<string, boolean> }> {
  const target: GatewayTarget = { apiBaseUrl: sandbox.apiBaseUrl, agent: keepAliveAgent(1) }
  const replay = await postGateway(target, "charge", held.first.body, held.first.key)
  const reuse = await postGateway(target, "charge", chargeBody(counter.next++), held.first.key)
  const total = await countCharges(sandbox.url)
  const checks: Record<string, boolean> = {
    idempotent_replay: replay.replayed && replay.answer.charge_id === held.first.chargeId,
    key_reuse_refused: reuse.status === 400 && reuse.answer.code === "idempotency_key_reuse",
    inspection_lists_all: total >= held.charges,
  }
  const persisted = await persistedCopy(sandbox, sandboxDist, held.first.body, held.first.key, held.first.chargeId, total)
  if (persisted !== null) checks.persistence_round_trip = persisted
  return { charges: total, checks }
}

async function countCharges(url: string): Promise<number> {
  const res = await fetch(`${url}/_sandbox/charges`)
  return ((await res.json()) as { data: unknown[] }).data.length
}

/** Exports the state, loads it into a second sandbox, and checks it there; null when the sandbox cannot export (older builds). */
async function persistedCopy(sandbox: ServerProcess, sandboxDist: string | undefined, body: string, key: string, chargeId: string, total: number): Promise<boolean | null> {
  const res = await fetch(`${sandbox.url}/_sandbox/export`)
  if (res.status !== 200) return null
  const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs")
  const { join } = await import("node:path")
  const { tmpdir } = await import("node:os")
  const folder = mkdtempSync(join(tmpdir(), "im-bench-"))
  const file = join(folder, "sandbox.json")
  writeFileSync(file, await res.text())
  const copy = await startBenchServer("sandbox", sandboxDist, file)
  try {
    const replay = await postGateway({ apiBaseUrl: copy.apiBaseUrl, agent: keepAliveAgent(1) }, "charge", body, key)
    return replay.replayed && replay.answer.charge_id === chargeId && (await countCharges(copy.url)) === total
  } finally {
    await copy.stop()
    rmSync(folder, { recursive: true, force: true })
  }
}
