#!/usr/bin/env node
/**
 * `npm run demo:v2`: the demo on a Medusa 2.x store, on embedded defaults,
 * until Ctrl-C. The same environment variables as `npm run demo`.
 * Console output is this program's interface, hence console.log here.
 */
import fs from "node:fs"
import path from "node:path"
import { DEFAULT_TEST_API_KEY, DEFAULT_TEST_API_SECRET, startSandbox, TEST_CARDS } from "../../sandbox"
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD } from "../stack/seed-store"
import { StartupError } from "../stack/startup-error"
import { prepareStore, STORE_WORK_DIR } from "./store-install"
import { startStorefrontV2 } from "./storefront-v2"
import { startV2Database } from "./v2-database"
import { startV2Store } from "./v2-store"

const env = process.env
const workDir = path.join(STORE_WORK_DIR, "demo")
const stops: Array<() => Promise<void>> = []

function port(name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === "") return fallback
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) throw new StartupError(`${name}=${raw} is not a port`, `set ${name} to a number from 1 to 65535`)
  return Number(raw)
}

let stopping = false
async function shutdown(reason: string, code = 0): Promise<never> {
  if (!stopping) {
    stopping = true
    console.log(`\n${reason}: stopping the Medusa 2.x demo store…`)
    for (const stop of stops.reverse()) await stop().catch(() => undefined)
  }
  process.exit(code)
}

async function main(): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(signal))
  // npm 11 exits on SIGTERM without passing it on; notice the orphaning and stop too.
  const parent = process.ppid
  setInterval(() => process.ppid !== parent && void shutdown("parent exited"), 500).unref()

  if (env.DEMO_FRESH === "1") fs.rmSync(workDir, { recursive: true, force: true })
  fs.mkdirSync(workDir, { recursive: true })
  const adminUser = { email: env.DEMO_ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL, password: env.DEMO_ADMIN_PASSWORD || DEFAULT_ADMIN_PASSWORD }
  const started = Date.now()
  console.log("Starting the InstantMerchant demo store on Medusa 2.x…")
  const store = prepareStore((line) => console.log(`  ${line}`))
  console.log(`  store installed (${store.install})`)
  const sandbox = await startSandbox({ port: port("SANDBOX_PORT", 4010), dataFile: path.join(workDir, "sandbox.json") })
  stops.push(() => sandbox.close())
  const db = await startV2Database(path.join(workDir, "pg"), "medusa_v2_demo", { useEnv: true })
  stops.push(() => db.stop())
  const medusa = await startV2Store({
    appDir: store.appDir,
    databaseUrl: db.url,
    port: port("MEDUSA_PORT", 9000),
    gateway: { baseUrl: sandbox.apiBaseUrl, apiKey: DEFAULT_TEST_API_KEY, apiSecret: DEFAULT_TEST_API_SECRET },
    admin: true,
    adminUser,
    stateDir: workDir,
  })
  stops.push(() => medusa.stop())
  const storefront = await startStorefrontV2({ port: port("DEMO_PORT", 8000), medusaUrl: medusa.url, seeded: medusa.seeded })
  stops.push(() => storefront.close())
  if (stopping) return
  console.log(`
The Medusa 2.x demo store is ready (${((Date.now() - started) / 1000).toFixed(1)} s).

  Checkout page   ${storefront.url}
  Medusa admin    ${medusa.url}/app   (Orders: capture, refund, cancel)
  Admin login     ${adminUser.email} / ${adminUser.password}
  Medusa API      ${medusa.url}   (store API key ${medusa.seeded.publishable_key})
  Sandbox         ${sandbox.apiBaseUrl}   (controls at ${sandbox.url}/_sandbox/charges)
  Logs and data   ${path.relative(process.cwd(), workDir) || "."}/

Test cards (any future expiry, any 3-digit CVC):
  ${TEST_CARDS.visa}  pays
  ${TEST_CARDS.declined}  declined at card entry (card_declined)
  ${TEST_CARDS.insufficientFunds}  declined at payment (insufficient_funds)

Press Ctrl-C to stop.`)
  if (env.DEMO_EXIT_AFTER_READY === "1") await shutdown("DEMO_EXIT_AFTER_READY")
}

main().catch(async (e) => {
  const line = e instanceof StartupError ? e.message : `the Medusa 2.x demo store could not start: ${(e as Error).message}`
  console.error(`\n${line}`)
  await shutdown("start-up failed", 1)
})
