import { spawn, spawnSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs"
import { createServer, type Server } from "node:net"
import { tmpdir } from "node:os"
import { dirname, join, relative } from "node:path"
import * as ts from "typescript"
import { CliUsageError, parseCliArgs } from "../cli-args"

const SANDBOX_DIR = join(__dirname, "..")
let outDir: string
let cliPath: string

/** Transpiles the sandbox (not its tests) to plain JS, as the build would, so the real bin runs. */
function transpileSandbox(): void {
  outDir = mkdtempSync(join(tmpdir(), "im-sandbox-cli-"))
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return name === "__tests__" ? [] : walk(path)
      return path.endsWith(".ts") ? [path] : []
    })
  for (const file of walk(SANDBOX_DIR)) {
    const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2021, esModuleInterop: true } })
    const target = join(outDir, relative(SANDBOX_DIR, file)).replace(/\.ts$/, ".js")
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, outputText)
  }
  cliPath = join(outDir, "cli.js")
}

beforeAll(transpileSandbox)
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

function runCli(args: string[]): Promise<{ line: string; child: ReturnType<typeof spawn> }> {
  const child = spawn(process.execPath, [cliPath, ...args], { stdio: ["ignore", "pipe", "pipe"] })
  return new Promise((resolve, reject) => {
    let out = ""
    child.stdout!.on("data", (chunk) => {
      out += chunk
      if (out.includes("\n")) resolve({ line: out.trim(), child })
    })
    child.on("exit", (code) => reject(new Error(`exited ${code}`)))
  })
}

describe("instantmerchant-sandbox CLI", () => {
  it("starts on --port 0, prints one ready line with the URL and key (never the secret), and stops on SIGTERM", async () => {
    const { line, child } = await runCli(["--port", "0", "--api-key", "k_cli", "--api-secret", "s_cli_secret"])
    expect(line).toMatch(/^InstantMerchant sandbox listening on http:\/\/127\.0\.0\.1:\d+ .*test key k_cli/)
    expect(line).not.toContain("s_cli_secret")
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)![0]
    const res = await fetch(`${url}/api/v2/customer`, { method: "POST", headers: { "X-Api-Key": "k_cli", "X-Api-Secret": "s_cli_secret" }, body: "" })
    expect(res.status).toBe(400)
    const exited = new Promise((resolve) => child.on("exit", resolve))
    child.kill("SIGTERM")
    expect(await exited).toBe(0)
  })

  it("bound beyond loopback it warns once on stderr at start; on loopback stderr stays empty", async () => {
    for (const [host, warns] of [["0.0.0.0", true], ["127.0.0.1", false]] as const) {
      const child = spawn(process.execPath, [cliPath, "--port", "0", "--host", host], { stdio: ["ignore", "pipe", "pipe"] })
      let stderr = ""
      child.stderr!.on("data", (chunk) => (stderr += chunk))
      await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()))
      // "close", not "exit": it comes after stderr has been read to the end.
      const closed = new Promise((resolve) => child.on("close", resolve))
      child.kill("SIGTERM")
      await closed
      if (warns) expect(stderr.match(/WARNING: instantmerchant-sandbox is bound to 0\.0\.0\.0:\d+, beyond loopback/g)).toHaveLength(1)
      else expect(stderr).toBe("")
    }
  })

  it("a bad flag prints one error line and the usage, exit 2", () => {
    const result = spawnSync(process.execPath, [cliPath, "--bogus"], { encoding: "utf8" })
    expect(result.status).toBe(2)
    expect(result.stderr.split("\n")[0]).toBe("instantmerchant-sandbox: unknown option --bogus")
    expect(result.stderr).toContain("Usage: instantmerchant-sandbox")
  })

  it("a port in use is one line, exit 1, no stack trace", async () => {
    const blocker: Server = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const result = spawnSync(process.execPath, [cliPath, "--port", String(port)], { encoding: "utf8" })
      expect(result.status).toBe(1)
      expect(result.stderr.trim()).toBe(`port ${port} is in use: pass --port`)
    } finally {
      blocker.close()
    }
  })
})

describe("parseCliArgs", () => {
  it("defaults: port 4010, host 127.0.0.1, the documented test pair, controls on", () => {
    expect(parseCliArgs([], {})).toEqual({
      kind: "start",
      options: { port: 4010, host: "127.0.0.1", apiKey: "im_test_key", apiSecret: "im_test_secret", allowIps: { test: undefined, live: undefined }, controls: true, dataFile: undefined },
    })
  })

  it("reads env vars, repeatable allowlists, --flag=value and --no-controls", () => {
    const command = parseCliArgs(["--allow-ip", "1.2.3.4", "--allow-ip=5.6.7.8", "--live-allow-ip", "9.9.9.9", "--live-api-key", "L", "--live-api-secret", "LS", "--no-controls", "--data", "/tmp/x.json"], {
      SANDBOX_PORT: "5000",
      INSTANTMERCHANT_API_KEY: "EK",
      INSTANTMERCHANT_API_SECRET: "ES",
    })
    expect(command).toMatchObject({
      kind: "start",
      options: { port: 5000, apiKey: "EK", apiSecret: "ES", liveApiKey: "L", liveApiSecret: "LS", allowIps: { test: ["1.2.3.4", "5.6.7.8"], live: ["9.9.9.9"] }, controls: false, dataFile: "/tmp/x.json" },
    })
  })

  it.each([[["--port", "abc"]], [["--port"]], [["--live-api-key", "L"]], [["--what"]]])("%j is a usage error", (args) => {
    expect(() => parseCliArgs(args, {})).toThrow(CliUsageError)
  })

  it("--help wins", () => {
    expect(parseCliArgs(["--port", "1", "--help"], {})).toEqual({ kind: "help" })
  })
})
