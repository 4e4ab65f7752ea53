import fs from "node:fs"
import path from "node:path"
import { performance } from "node:perf_hooks"
import { PACKAGE_ROOT } from "../demo/stack/package-root"
import { startStack, type Stack } from "../demo/stack/start-stack"

export const BENCH_ADMIN = { email: "bench-admin@example.com", password: "bench-admin-password" }

/**
 * One real store (sandbox, PostgreSQL, Redis, Medusa with this plugin, the
 * seed) for the checkout and renewal parts, booted once: `startStack`, as the
 * e2e setup. The renewal job runs every 2 seconds by the server's clock
 * (scheduled jobs need Redis), with the default concurrency unless
 * INSTANTMERCHANT_RENEWAL_CONCURRENCY says otherwise.
 */
export async function withBenchStack<T>(progress: (line: string) => void, run: (stack: Stack) => Promise<T>): Promise<T> {
  const workDir = path.join(PACKAGE_ROOT, ".e2e", `bench-${process.pid}`)
  const booted = performance.now()
  let stack: Stack
  try {
    fs.rmSync(workDir, { recursive: true, force: true })
    stack = await boot(workDir).catch((error: unknown) => {
      // On a loaded machine the seed's login right after its blocking `medusa user`
      // call can land on a keep-alive socket Medusa closed meanwhile ("fetch failed").
      // The user exists by then: booting again on the same folder logs in at once.
      progress(`the store did not start (${error instanceof Error ? error.message : String(error)}); booting again on the same data`)
      return boot(workDir)
    })
  } catch (error) {
    // The folder keeps medusa.log and migrations.log for a look.
    throw new Error(`the store did not start (${error instanceof Error ? error.message : String(error)}); logs in ${workDir}`)
  }
  progress(`store up in ${((performance.now() - booted) / 1000).toFixed(0)} s`)
  try {
    return await run(stack)
  } finally {
    await stack.stop()
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

function boot(workDir: string): Promise<Stack> {
  return startStack({
    workDir,
    sandboxPort: 0,
    medusaPort: 0,
    redis: process.env.REDIS_URL || "auto",
    adminEmail: BENCH_ADMIN.email,
    adminPassword: BENCH_ADMIN.password,
    log: () => undefined,
    env: { INSTANTMERCHANT_RENEWAL_SCHEDULE: "*/2 * * * * *", INSTANTMERCHANT_USE_SANDBOX_CLOCK: "false" },
  })
}
