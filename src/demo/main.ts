#!/usr/bin/env node
/**
 * `npm run demo`: the whole store on embedded defaults, until Ctrl-C.
 * Console output is this program's interface, hence console.log here.
 */
import fs from "node:fs"
import path from "node:path"
import { TEST_CARDS } from "../sandbox"
import { describeError } from "./stack/describe-error"
import { cleanLeftovers } from "./stack/leftovers"
import { PACKAGE_ROOT } from "./stack/package-root"
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD } from "./stack/seed-store"
import { Stack, startStack, stopAllStacks } from "./stack/start-stack"
import { StartupError } from "./stack/startup-error"

const env = process.env
const workDir = path.resolve(PACKAGE_ROOT, env.DEMO_DIR || ".demo")

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
    console.log(`\n${reason}: stopping the demo store…`)
    await stopAllStacks()
  }
  process.exit(code)
}

async function main(): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(signal))
  // npm 11 exits on SIGTERM without passing it on; notice the orphaning and stop too.
  const parent = process.ppid
  setInterval(() => process.ppid !== parent && void shutdown("parent exited"), 500).unref()

  // Medusa runs from <workDir>/app and must find this package's node_modules from there.
  if (path.relative(PACKAGE_ROOT, workDir).startsWith("..")) throw new StartupError(`DEMO_DIR=${env.DEMO_DIR} is outside ${PACKAGE_ROOT}`, "use a folder inside it")
  if (env.DEMO_FRESH === "1") {
    // Stop what a killed earlier demo left running before deleting its files.
    await cleanLeftovers(workDir)
    fs.rmSync(workDir, { recursive: true, force: true })
  }
  const adminEmail = env.DEMO_ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL
  const adminPassword = env.DEMO_ADMIN_PASSWORD || DEFAULT_ADMIN_PASSWORD
  const started = Date.now()
  console.log("Starting the InstantMerchant demo store…")
  const stack: Stack = await startStack({
    workDir,
    sandboxPort: port("SANDBOX_PORT", 4010),
    medusaPort: port("MEDUSA_PORT", 9000),
    storefrontPort: port("DEMO_PORT", 8000),
    databaseUrl: env.DATABASE_URL || undefined,
    redis: env.REDIS_URL || "auto",
    sandboxDataFile: path.join(workDir, "sandbox.json"),
    adminEmail,
    adminPassword,
    log: (line) => console.log(`  ${line}`),
  })
  if (stopping) return
  console.log(`
The demo store is ready (${((Date.now() - started) / 1000).toFixed(1)} s).

  Checkout page   ${stack.storefront!.url}
  Medusa admin    ${stack.adminUrl}   (Orders, Customers, and the sidebar's Subscriptions and Invoices)
  Admin login     ${adminEmail} / ${adminPassword}
  Medusa API      ${stack.medusaUrl}   (admin API at ${stack.medusaUrl}/admin)
  Sandbox         ${stack.sandbox.apiBaseUrl}   (controls at ${stack.sandbox.url}/_sandbox/charges)
  Logs and data   ${path.relative(process.cwd(), workDir) || "."}/

Test cards (any future expiry, any 3-digit CVC):
  ${TEST_CARDS.visa}  pays
  ${TEST_CARDS.declined}  declined (card_declined)
  ${TEST_CARDS.insufficientFunds}  declined at payment (insufficient_funds)
  ${TEST_CARDS.expiredCard}  declined (expired_card)

Press Ctrl-C to stop.`)
  if (env.DEMO_EXIT_AFTER_READY === "1") await shutdown("DEMO_EXIT_AFTER_READY")
}

main().catch(async (e) => {
  const line = e instanceof StartupError ? e.message : `the demo store could not start: ${describeError(e)}`
  console.error(`\n${line}`)
  await shutdown("start-up failed", 1)
})
