import { ChildProcess, spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { MedusaRest } from "../../src/demo/stack/medusa-rest"
import { telemetryOffEnv } from "../../src/demo/stack/medusa-telemetry"
import { PACKAGE_ROOT } from "../../src/demo/stack/package-root"
import { isAlive } from "../../src/demo/stack/process-info"
import type { RecordFile } from "../../src/demo/stack/reaper"
import { startStack } from "../../src/demo/stack/start-stack"
import { eventually } from "./support/eventually"

/**
 * The demo's own stack, started beside the suite's: a first start that a
 * slow machine cannot break, nothing left running after a hard kill, and
 * Medusa's telemetry off. Each start takes tens of seconds on a loaded
 * machine, hence the long timeouts; nothing here waits a fixed time.
 */
const START_MS = 8 * 60_000
const scratch = (name: string) => path.join(PACKAGE_ROOT, ".e2e", `${name}-${process.pid}`)

it(
  "a first start on a fresh database succeeds when Medusa's CLI takes longer than Medusa's 5 s keep-alive",
  async () => {
    const workDir = scratch("slow-cli")
    fs.rmSync(workDir, { recursive: true, force: true })
    const slowCli = path.join(__dirname, "support", "slow-medusa-cli.js")
    const stack = await startStack({
      workDir,
      sandboxPort: 0,
      medusaPort: 0,
      redis: "off",
      adminEmail: "slow-cli@example.com",
      adminPassword: "slow-cli-password",
      log: () => undefined,
      env: { NODE_OPTIONS: `--require ${JSON.stringify(slowCli)}`, SLOW_MEDUSA_CLI_MS: "8000" },
    })
    try {
      expect(stack.seeded.adminToken).toEqual(expect.any(String))
      const login = await new MedusaRest(stack.medusaUrl).post("/admin/auth/token", { email: "slow-cli@example.com", password: "slow-cli-password" })
      expect(login.status).toBe(200)
      // The CLI step was slowed (and so ran at all) on this start.
      expect(fs.readFileSync(path.join(workDir, "admin-user.log"), "utf8")).toContain("slow-medusa-cli: held `medusa user` for 8000 ms")
    } finally {
      await stack.stop()
      fs.rmSync(workDir, { recursive: true, force: true })
    }
  },
  START_MS
)

/** `npm run demo`'s program on free ports in its own folder, until it prints that it is ready. */
async function startDemo(dir: string, extra: Record<string, string> = {}): Promise<{ child: ChildProcess; output: () => string; sandboxPort: number; record: RecordFile }> {
  const child = spawn(process.execPath, [path.join(PACKAGE_ROOT, "dist", "demo", "main.js")], {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, DEMO_DIR: dir, SANDBOX_PORT: "0", MEDUSA_PORT: "0", DEMO_PORT: "0", ...extra },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let out = ""
  child.stdout!.on("data", (d) => (out += d))
  child.stderr!.on("data", (d) => (out += d))
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`the demo exited (${child.exitCode}): ${out}`)
    expect(out).toContain("The demo store is ready")
  }, START_MS)
  const sandboxPort = Number(/sandbox http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1])
  const record = JSON.parse(fs.readFileSync(path.join(dir, "processes.json"), "utf8")) as RecordFile
  return { child, output: () => out, sandboxPort, record }
}

const names = (record: RecordFile) => record.children.map((c) => c.name).sort()
const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1")
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("error", () => resolve(false))
  })

describe("a demo killed with SIGKILL", () => {
  const dir = scratch("demo-kill")
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it(
    "leaves nothing running: its reaper stops PostgreSQL, Redis and Medusa, and the sandbox died with it",
    async () => {
      fs.rmSync(dir, { recursive: true, force: true })
      const demo = await startDemo(dir, { DEMO_FRESH: "1" })
      expect(names(demo.record)).toEqual(["medusa", "postgres", "redis"])
      expect(await canConnect(demo.sandboxPort)).toBe(true)

      demo.child.kill("SIGKILL")
      await eventually(async () => {
        expect(demo.record.children.filter((c) => isAlive(c.pid))).toEqual([])
        expect(isAlive(demo.record.reaper!)).toBe(false)
      })
      expect(await canConnect(demo.sandboxPort)).toBe(false)
      // The reaper removed the record: the next start has nothing to clean.
      expect(fs.existsSync(path.join(dir, "processes.json"))).toBe(false)
    },
    START_MS
  )

  it(
    "with its reaper killed too, the next start stops what it left, then runs",
    async () => {
      const first = await startDemo(dir)
      process.kill(first.record.reaper!, "SIGKILL")
      first.child.kill("SIGKILL")
      await eventually(async () => expect(isAlive(first.child.pid!)).toBe(false))
      const left = first.record.children.filter((c) => isAlive(c.pid))
      expect(left.map((c) => c.name).sort()).toEqual(["medusa", "postgres", "redis"])

      const second = await startDemo(dir)
      expect(second.output()).toMatch(/stopped what an earlier run left running: .*postgres \(pid \d+\)/)
      expect(first.record.children.filter((c) => isAlive(c.pid))).toEqual([])
      // Ctrl-C: a clean stop, the record file goes with it.
      second.child.kill("SIGINT")
      await eventually(async () => expect(second.child.exitCode).not.toBeNull())
      expect(second.record.children.filter((c) => isAlive(c.pid))).toEqual([])
      expect(fs.existsSync(path.join(dir, "processes.json"))).toBe(false)
    },
    2 * START_MS
  )
})

it("Medusa's processes see telemetry as off, so none forks a telemetry sender on exit", () => {
  const dir = scratch("telemetry")
  try {
    const env = { ...process.env, ...telemetryOffEnv(dir) }
    // medusa-telemetry forks its sender on exit only when `flush` exists, i.e. when tracking is enabled.
    const probe = spawnSync(process.execPath, ["-e", "process.stdout.write(String(require('medusa-telemetry').flush === undefined))"], { cwd: PACKAGE_ROOT, env, encoding: "utf8" })
    expect(probe.stderr).toBe("")
    expect(probe.stdout).toBe("true")
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
