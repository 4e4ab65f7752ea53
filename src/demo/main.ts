#!/usr/bin/env node
/**
 * `npm run demo`: the whole store on embedded defaults, until Ctrl-C.
 * Console output is this program's interface, hence console.log here.
 */
import fs from "node:fs"
import path from "node:path"
import { TEST_CARDS } from "../sandbox"
import { envPort, readyBanner, runDemo } from "./demo-process"
import { cleanLeftovers } from "./stack/leftovers"
import { PACKAGE_ROOT } from "./stack/package-root"
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD } from "./stack/seed-store"
import { Stack, startStack, stopAllStacks } from "./stack/start-stack"
import { StartupError } from "./stack/startup-error"

const env = process.env
const workDir = path.resolve(PACKAGE_ROOT, env.DEMO_DIR || ".demo")

async function start(): Promise<string> {
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
    sandboxPort: envPort("SANDBOX_PORT", 4010),
    medusaPort: envPort("MEDUSA_PORT", 9000),
    storefrontPort: envPort("DEMO_PORT", 8000),
    databaseUrl: env.DATABASE_URL || undefined,
    redis: env.REDIS_URL || "auto",
    sandboxDataFile: path.join(workDir, "sandbox.json"),
    adminEmail,
    adminPassword,
    log: (line) => console.log(`  ${line}`),
  })
  return readyBanner(
    "The demo store",
    started,
    [
      ["Checkout page", stack.storefront!.url],
      ["Medusa admin", `${stack.adminUrl}   (Orders, Customers, and the sidebar's Subscriptions and Invoices)`],
      ["Admin login", `${adminEmail} / ${adminPassword}`],
      ["Medusa API", `${stack.medusaUrl}   (admin API at ${stack.medusaUrl}/admin)`],
      ["Sandbox", `${stack.sandbox.apiBaseUrl}   (controls at ${stack.sandbox.url}/_sandbox/charges)`],
      ["Logs and data", `${path.relative(process.cwd(), workDir) || "."}/`],
    ],
    [
      [TEST_CARDS.visa, "pays"],
      [TEST_CARDS.declined, "declined (card_declined)"],
      [TEST_CARDS.insufficientFunds, "declined at payment (insufficient_funds)"],
      [TEST_CARDS.expiredCard, "declined (expired_card)"],
    ]
  )
}

runDemo({ name: "demo store", start, stop: stopAllStacks })
