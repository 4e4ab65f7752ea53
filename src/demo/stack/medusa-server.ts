import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { hasExited, stopGroup, waitFor } from "./child-process"
import { PACKAGE_ROOT } from "./package-root"
import { ChildWatcher } from "./reaper"
import { runTool } from "./run-tool"
import { StartupError } from "./startup-error"

export interface MedusaServer {
  url: string
  port: number
  appDir: string
  logFile: string
  stop(): Promise<void>
}

/**
 * Medusa v1 always loads `<cwd>/dist` as an extra "project plugin", with the
 * whole config as its options. Started from this repository's root, it would
 * register the processor twice (and race on the payment_provider row) and
 * lose the plugin options. So Medusa runs from a generated two-file app
 * folder whose medusa-config.js is the top-level one: the plugin is then
 * loaded once, through its `plugins` entry, as a shop loads it. The folder
 * sits inside the repository so that Node finds our node_modules.
 */
export function writeAppFolder(appDir: string): void {
  fs.mkdirSync(appDir, { recursive: true })
  fs.writeFileSync(
    path.join(appDir, "package.json"),
    JSON.stringify({ name: "instantmerchant-demo-store", private: true, devDependencies: { "@medusajs/medusa": "*" } }, null, 2)
  )
  fs.writeFileSync(path.join(appDir, "medusa-config.js"), `module.exports = require(${JSON.stringify(path.join(PACKAGE_ROOT, "medusa-config.js"))})\n`)
}

export function medusaCli(): string {
  return require.resolve("@medusajs/medusa-cli/cli.js", { paths: [PACKAGE_ROOT] })
}

/** Runs a node script to completion, its output to a log file (see runTool). */
export function runNode(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; what: string; watcher?: ChildWatcher }): Promise<void> {
  return runTool(process.execPath, args, options)
}

/** Runs Medusa's and the plugins' migrations. */
export function runMigrations(appDir: string, env: NodeJS.ProcessEnv, logFile: string, watcher?: ChildWatcher): Promise<void> {
  const script = path.join(PACKAGE_ROOT, "dist", "demo", "stack", "run-migrations.js")
  return runNode([script, appDir], { cwd: appDir, env, logFile, what: "the migrations", watcher })
}

/** `medusa start` in its own process group, ready when /health answers. */
export async function startMedusa(appDir: string, port: number, env: NodeJS.ProcessEnv, logFile: string, watcher?: ChildWatcher): Promise<MedusaServer> {
  const log = fs.openSync(logFile, "a")
  const args = [medusaCli(), "start", "-p", String(port)]
  const child = spawn(process.execPath, args, { cwd: appDir, env, detached: true, stdio: ["ignore", log, log] })
  fs.closeSync(log)
  watcher?.watch(child, { name: "medusa", group: true, match: args.join(" ") })
  let died: string | null = null
  child.once("exit", (code, signal) => (died = `Medusa exited during start-up (code ${code}, signal ${signal})`))
  const stop = () => stopGroup(child, "SIGTERM")
  try {
    await waitFor(
      async () => {
        const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) })
        return res.status === 200
      },
      // Minutes, not seconds: a first start on a loaded 2-core machine is slow, and a Medusa that dies says so at once.
      { what: "Medusa's /health", timeoutMs: 300_000, intervalMs: 200, abort: () => died }
    )
  } catch (e) {
    await stop()
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : ""
    if (tail.includes("EADDRINUSE")) throw new StartupError(`port ${port} is in use`, "stop what uses it, or set MEDUSA_PORT")
    const error = tail.split("\n").filter((l) => /error/i.test(l)).pop()?.trim().slice(0, 300)
    throw new StartupError(`${(e as Error).message}${error ? `: ${error}` : ""}`, `see ${logFile}`)
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    appDir,
    logFile,
    stop: async () => {
      if (!hasExited(child)) await stop()
    },
  }
}

/** The environment Medusa runs with. Secrets default to demo values; never use those in production. */
export function medusaEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: process.env.NODE_ENV && process.env.NODE_ENV !== "test" ? process.env.NODE_ENV : "development",
    JWT_SECRET: process.env.JWT_SECRET || "demo-jwt-secret",
    COOKIE_SECRET: process.env.COOKIE_SECRET || "demo-cookie-secret",
    STORE_CORS: process.env.STORE_CORS || "*",
    ADMIN_CORS: process.env.ADMIN_CORS || "*",
    ...extra,
  }
}
