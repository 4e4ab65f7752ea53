#!/usr/bin/env node
/**
 * `npm run demo:v2`: the demo on a Medusa 2.x store, on embedded defaults,
 * until Ctrl-C. The same environment variables as `npm run demo`.
 * Console output is this program's interface, hence console.log here.
 */
import fs from "node:fs"
import path from "node:path"
import { DEFAULT_TEST_API_KEY, DEFAULT_TEST_API_SECRET, startSandbox, TEST_CARDS } from "../../sandbox"
import { envPort, readyBanner, runDemo } from "../demo-process"
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD } from "../stack/seed-store"
import { prepareStore, STORE_WORK_DIR } from "./store-install"
import { startStorefrontV2 } from "./storefront-v2"
import { startV2Database } from "./v2-database"
import { startV2Store } from "./v2-store"

const env = process.env
const workDir = path.join(STORE_WORK_DIR, "demo")
const stops: Array<() => Promise<void>> = []

async function stop(): Promise<void> {
  for (const one of stops.reverse()) await one().catch(() => undefined)
}

async function start(): Promise<string> {
  if (env.DEMO_FRESH === "1") fs.rmSync(workDir, { recursive: true, force: true })
  fs.mkdirSync(workDir, { recursive: true })
  const adminUser = { email: env.DEMO_ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL, password: env.DEMO_ADMIN_PASSWORD || DEFAULT_ADMIN_PASSWORD }
  const started = Date.now()
  console.log("Starting the InstantMerchant demo store on Medusa 2.x…")
  const store = prepareStore((line) => console.log(`  ${line}`))
  console.log(`  store installed (${store.install})`)
  const sandbox = await startSandbox({ port: envPort("SANDBOX_PORT", 4010), dataFile: path.join(workDir, "sandbox.json") })
  stops.push(() => sandbox.close())
  const db = await startV2Database(path.join(workDir, "pg"), "medusa_v2_demo", { useEnv: true })
  stops.push(() => db.stop())
  const medusa = await startV2Store({
    appDir: store.appDir,
    databaseUrl: db.url,
    port: envPort("MEDUSA_PORT", 9000),
    gateway: { baseUrl: sandbox.apiBaseUrl, apiKey: DEFAULT_TEST_API_KEY, apiSecret: DEFAULT_TEST_API_SECRET },
    admin: true,
    adminUser,
    stateDir: workDir,
  })
  stops.push(() => medusa.stop())
  const storefront = await startStorefrontV2({ port: envPort("DEMO_PORT", 8000), medusaUrl: medusa.url, seeded: medusa.seeded })
  stops.push(() => storefront.close())
  return readyBanner(
    "The Medusa 2.x demo store",
    started,
    [
      ["Checkout page", storefront.url],
      ["Medusa admin", `${medusa.url}/app   (Orders: capture, refund, cancel)`],
      ["Admin login", `${adminUser.email} / ${adminUser.password}`],
      ["Medusa API", `${medusa.url}   (store API key ${medusa.seeded.publishable_key})`],
      ["Sandbox", `${sandbox.apiBaseUrl}   (controls at ${sandbox.url}/_sandbox/charges)`],
      ["Logs and data", `${path.relative(process.cwd(), workDir) || "."}/`],
    ],
    [
      [TEST_CARDS.visa, "pays"],
      [TEST_CARDS.declined, "declined at card entry (card_declined)"],
      [TEST_CARDS.insufficientFunds, "declined at payment (insufficient_funds)"],
    ]
  )
}

runDemo({ name: "Medusa 2.x demo store", start, stop })
