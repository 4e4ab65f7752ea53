import fs from "node:fs"
import path from "node:path"
import { cleanLeftoversUnder } from "../../../src/demo/stack/leftovers"
import { PACKAGE_ROOT } from "../../../src/demo/stack/package-root"
import { startStack, stopAllStacks } from "../../../src/demo/stack/start-stack"
import { E2E_ADMIN } from "./e2e-env"

/**
 * Boots the same stack as `npm run demo`, on free ports and a fresh database,
 * once for the whole end-to-end suite. The tests reach it only over HTTP: the
 * store and admin REST APIs, and the sandbox's inspection controls.
 */
export default async function globalSetup(): Promise<void> {
  const workDir = path.join(PACKAGE_ROOT, ".e2e", `run-${process.pid}`)
  const say = (line: string) => process.stdout.write(`[e2e] ${line}\n`)
  // A run killed with its reaper (kill -9 of both) leaves its servers behind; stop them.
  const left = await cleanLeftoversUnder(path.dirname(workDir))
  if (left.length) say(`stopped what killed earlier runs left running: ${left.join(", ")}`)
  fs.rmSync(workDir, { recursive: true, force: true })
  // Jest skips globalTeardown on Ctrl-C: stop the servers ourselves.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stopAllStacks().finally(() => process.exit(130)))
  const started = Date.now()
  const stack = await startStack({
    workDir,
    sandboxPort: 0,
    medusaPort: 0,
    storefrontPort: 0,
    redis: process.env.REDIS_URL || "auto",
    adminEmail: E2E_ADMIN.email,
    adminPassword: E2E_ADMIN.password,
    // The steps that take long (the admin build, cold) say so; the rest is quiet.
    log: (line) => /admin build|admin dashboard|warning|stopped/.test(line) && say(line),
    // Renewals every 2 s, by the sandbox's clock, retried once an hour after the period ends, each making an order.
    env: {
      INSTANTMERCHANT_RENEWAL_SCHEDULE: "*/2 * * * * *",
      INSTANTMERCHANT_USE_SANDBOX_CLOCK: "true",
      INSTANTMERCHANT_RETRY_HOURS: "1",
      INSTANTMERCHANT_RENEWAL_ORDERS: "true",
    },
    secondInstance: true,
  })
  ;(globalThis as Record<string, unknown>).__E2E_STACK__ = { stop: stack.stop, workDir }
  // Variables set here reach the test files.
  process.env.E2E_MEDUSA_URL = stack.medusaUrl
  process.env.E2E_SANDBOX_URL = stack.sandbox.url
  process.env.E2E_STOREFRONT_URL = stack.storefront!.url
  process.env.E2E_DATABASE_URL = stack.databaseUrl
  process.env.E2E_MEDUSA_LOG = stack.medusaLog
  process.env.E2E_MEDUSA_URL_2 = stack.secondMedusaUrl!
  process.env.E2E_MEDUSA_LOG_2 = path.join(workDir, "medusa-2.log")
  process.env.E2E_SEED = JSON.stringify(stack.seeded)
  process.env.E2E_ADMIN_URL = stack.adminUrl
  const admin = stack.adminBuild.built ? `admin built in ${(stack.adminBuild.ms / 1000).toFixed(1)} s` : "admin build reused"
  process.stdout.write(`\n[e2e] store up in ${((Date.now() - started) / 1000).toFixed(1)} s (${stack.redisUrl ? "with" : "without"} Redis; ${admin})\n`)
}
