import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { hasExited, stopGroup, waitFor } from "../stack/child-process"
import { StartupError } from "../stack/startup-error"

/** What the seed script made (see the template's src/scripts/seed-instantmerchant.ts). */
export interface SeededStore {
  publishable_key: string
  usd_region_id: string
  eur_region_id: string
  variant_id: string
  /** A monthly subscription variant (metadata instantmerchant_interval). */
  subscription_variant_id: string
  shipping_option_id: string
  sales_channel_id: string
}

export interface V2StoreOptions {
  appDir: string
  databaseUrl: string
  port: number
  /** The gateway's (or the sandbox's) API root, and its keys. */
  gateway: { baseUrl: string; apiKey: string; apiSecret: string }
  capture?: boolean
  /** The plugin's `subscription_renewal_orders` (off unless set). */
  renewalOrders?: boolean
  /** Serve the admin dashboard at /app (in development mode, compiled by Vite as the browser asks for it). */
  admin?: boolean
  adminUser: { email: string; password: string }
  /** Where the store's state (seeded ids) and logs go. */
  stateDir: string
}

export interface V2Store {
  url: string
  seeded: SeededStore
  logFile: string
  stop(): Promise<void>
}

/**
 * A Medusa 2.x store on `databaseUrl`: migrated, seeded once (a USD region
 * with both InstantMerchant providers, the admin user), then `medusa start`,
 * ready when /health answers.
 */
export async function startV2Store(o: V2StoreOptions): Promise<V2Store> {
  fs.mkdirSync(o.stateDir, { recursive: true })
  const logFile = path.join(o.stateDir, "medusa.log")
  const env = storeEnv(o)
  await medusa(["db:migrate"], o, env, logFile, "medusa db:migrate")
  const seedFile = path.join(o.stateDir, "seeded.json")
  if (!fs.existsSync(seedFile)) {
    await medusa(["exec", "./src/scripts/seed-instantmerchant.ts"], o, { ...env, SEED_OUTPUT: seedFile }, logFile, "seeding the store")
    await medusa(["user", "-e", o.adminUser.email, "-p", o.adminUser.password], o, env, logFile, "creating the admin user")
  }
  const seeded = JSON.parse(fs.readFileSync(seedFile, "utf8")) as SeededStore
  const stop = await startServer(o, env, logFile)
  return { url: `http://127.0.0.1:${o.port}`, seeded, logFile, stop }
}

function storeEnv(o: V2StoreOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "development",
    MEDUSA_DISABLE_TELEMETRY: "true",
    DATABASE_URL: o.databaseUrl,
    IM_BASE_URL: o.gateway.baseUrl,
    IM_API_KEY: o.gateway.apiKey,
    IM_API_SECRET: o.gateway.apiSecret,
    IM_CAPTURE: o.capture ? "true" : "false",
    IM_SUBSCRIPTION_RENEWAL_ORDERS: o.renewalOrders ? "true" : "false",
    MEDUSA_ADMIN_DISABLE: o.admin ? "false" : "true",
  }
}

function cliOf(appDir: string): string {
  return path.join(appDir, "node_modules", "@medusajs", "cli", "cli.js")
}

function medusa(args: string[], o: V2StoreOptions, env: NodeJS.ProcessEnv, logFile: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(logFile, "a")
    const child = spawn(process.execPath, [cliOf(o.appDir), ...args], { cwd: o.appDir, env, stdio: ["ignore", log, log] })
    fs.closeSync(log)
    child.on("error", reject)
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new StartupError(`${what} failed (exit ${code})`, `see ${logFile}`))))
  })
}

async function startServer(o: V2StoreOptions, env: NodeJS.ProcessEnv, logFile: string): Promise<() => Promise<void>> {
  const log = fs.openSync(logFile, "a")
  const child = spawn(process.execPath, [cliOf(o.appDir), "start", "-p", String(o.port)], { cwd: o.appDir, env, detached: true, stdio: ["ignore", log, log] })
  fs.closeSync(log)
  let died: string | null = null
  child.once("exit", (code, signal) => (died = `Medusa exited during start-up (code ${code}, signal ${signal})`))
  const stop = async () => {
    if (!hasExited(child)) await stopGroup(child, "SIGTERM")
  }
  try {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${o.port}/health`, { signal: AbortSignal.timeout(2000) })).status === 200, {
      what: "Medusa's /health",
      timeoutMs: 180_000,
      intervalMs: 250,
      abort: () => died,
    })
  } catch (e) {
    await stop()
    if (fs.readFileSync(logFile, "utf8").includes("EADDRINUSE")) throw new StartupError(`port ${o.port} is in use`, "stop what uses it, or set MEDUSA_PORT")
    throw new StartupError((e as Error).message, `see ${logFile}`)
  }
  return stop
}
