#!/usr/bin/env node
/**
 * One server under test, in its own process, so that its CPU time is its
 * own: `bench-server sandbox [DIST]` starts the sandbox from DIST (this
 * package's dist/sandbox by default, or an older build for a "before" run);
 * `bench-server floor` starts a bare node:http server that reads each body
 * and answers a fixed JSON, the least any HTTP server can cost;
 * `bench-server peer PREFIX` starts stripe-stateful-mock from where npm
 * installed it.
 *
 * It tells the parent its URL over IPC, and answers `usage` (CPU from
 * process.cpuUsage(), in microseconds, and RSS) and `gc` messages.
 */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { join } from "node:path"

export type ServerMessage = { kind: "ready"; url: string; apiBaseUrl: string } | { kind: "usage"; cpuMicros: number; rssBytes: number; heapUsedBytes: number } | { kind: "gc-done" }
export type ParentMessage = { kind: "usage" } | { kind: "gc" }

/** The floor's one answer: the shape of a gateway success, with the ids a money cycle reads. */
const FLOOR_ANSWER = JSON.stringify([{ status: true, message: "ok", charge_id: "cha_floor0000000000", card_id: "card_floor000000000", card_last_4: "4242", refund_id: "ref_floor0000000000" }])

async function startFloor(): Promise<{ url: string; apiBaseUrl: string }> {
  const server = createServer((req, res) => {
    req.on("data", () => undefined)
    req.on("end", () => {
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(FLOOR_ANSWER) })
      res.end(FLOOR_ANSWER)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, apiBaseUrl: `${url}/api/v2` }
}

async function startSandboxFrom(dist: string, dataFile: string | undefined): Promise<{ url: string; apiBaseUrl: string }> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { startSandbox, keepYoungGenerationSmall } = require(dist) as Partial<typeof import("../sandbox")> & Pick<typeof import("../sandbox"), "startSandbox">
  // As the sandbox's CLI runs it (older builds did not have this).
  keepYoungGenerationSmall?.()
  const sandbox = await startSandbox({ port: 0, dataFile })
  return { url: sandbox.url, apiBaseUrl: sandbox.apiBaseUrl }
}

/** stripe-stateful-mock's Express app, from the folder it was installed into (`peer-bench.ts`). */
async function startPeer(prefix: string): Promise<{ url: string; apiBaseUrl: string }> {
  const root = join(prefix, "node_modules")
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  require(join(root, "loglevel")).setLevel("warn")
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { createExpressApp } = require(join(root, "stripe-stateful-mock", "dist", "index.js")) as { createExpressApp(): { listen(port: number, host: string, done: () => void): import("node:http").Server } }
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = createExpressApp().listen(0, "127.0.0.1", () => resolve(s))
  })
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, apiBaseUrl: `${url}/v1` }
}

async function main(): Promise<void> {
  const [kind, dist, dataFile] = process.argv.slice(2)
  const started =
    kind === "floor" ? await startFloor() : kind === "peer" ? await startPeer(dist) : await startSandboxFrom(dist || join(__dirname, "..", "sandbox"), dataFile || undefined)
  const send = (message: ServerMessage) => process.send?.(message)
  process.on("message", (message: ParentMessage) => {
    if (message.kind === "gc") {
      global.gc?.()
      send({ kind: "gc-done" })
      return
    }
    const cpu = process.cpuUsage()
    const memory = process.memoryUsage()
    send({ kind: "usage", cpuMicros: cpu.user + cpu.system, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed })
  })
  process.on("disconnect", () => process.exit(0))
  send({ kind: "ready", ...started })
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-server: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
