import fs from "node:fs"
import path from "node:path"
import { STORE_APP_DIR, STORE_WORK_DIR } from "../../../src/demo/medusa-v2/store-install"
import { startV2Database } from "../../../src/demo/medusa-v2/v2-database"
import { startV2Store } from "../../../src/demo/medusa-v2/v2-store"
import { freePort } from "../../../src/demo/stack/free-port"
import { DEFAULT_TEST_API_KEY, DEFAULT_TEST_API_SECRET, startSandbox } from "../../../src/sandbox"
import { V2_ADMIN } from "./v2-env"

/**
 * Boots, once for the suite, the sandbox, a fresh PostgreSQL and a real
 * Medusa 2.x store (installed by `npm run test:v2` before jest starts, see
 * prepare-store.ts) with the provider from this repository's tarball. No
 * Redis. The tests reach them only over HTTP, and the database for the scan.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now()
  const workDir = path.join(STORE_WORK_DIR, "e2e", `run-${process.pid}`)
  fs.rmSync(path.join(STORE_WORK_DIR, "e2e"), { recursive: true, force: true })
  fs.mkdirSync(workDir, { recursive: true })
  const stops: Array<() => Promise<void>> = []
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined)
  }
  ;(globalThis as Record<string, unknown>).__V2_STOP__ = stopAll
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stopAll().finally(() => process.exit(130)))
  try {
    const sandbox = await startSandbox({ port: 0 })
    stops.push(() => sandbox.close())
    const db = await startV2Database(path.join(workDir, "pg"), "medusa_v2_e2e")
    stops.push(() => db.stop())
    // Subscriptions: renewals follow the sandbox's clock, and the job looks every 2 s (v1's suite does the same).
    process.env.IM_USE_SANDBOX_CLOCK = "true"
    process.env.INSTANTMERCHANT_RENEWAL_SCHEDULE = "*/2 * * * * *"
    const store = await startV2Store({
      appDir: STORE_APP_DIR,
      databaseUrl: db.url,
      port: await freePort(),
      gateway: { baseUrl: sandbox.apiBaseUrl, apiKey: DEFAULT_TEST_API_KEY, apiSecret: DEFAULT_TEST_API_SECRET },
      adminUser: V2_ADMIN,
      // The dashboard at /app in development mode, with the plugin's admin extensions (admin-browser.e2e.test.ts).
      admin: true,
      stateDir: workDir,
    })
    stops.push(() => store.stop())
    process.env.V2_MEDUSA_URL = store.url
    process.env.V2_SANDBOX_URL = sandbox.url
    process.env.V2_DATABASE_URL = db.url
    process.env.V2_MEDUSA_LOG = store.logFile
    process.env.V2_SEED = JSON.stringify(store.seeded)
  } catch (e) {
    await stopAll()
    throw e
  }
  process.stdout.write(`\n[medusa-v2] store up in ${((Date.now() - started) / 1000).toFixed(1)} s (no Redis)\n`)
}
