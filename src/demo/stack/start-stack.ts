import fs from "node:fs"
import path from "node:path"
import { Sandbox, startSandbox } from "../../sandbox"
import { AdminBuild, buildAdmin } from "./admin-build"
import { ensureAdminUser } from "./admin-user"
import { describeError } from "./describe-error"
import { startStorefront, Storefront } from "../storefront/storefront-server"
import { freePort, portInUse } from "./free-port"
import { medusaEnv, runMigrations, startMedusa, writeAppFolder } from "./medusa-server"
import { ensureDatabase, startPostgresCluster } from "./postgres-cluster"
import { cleanLeftovers, RECORD_FILE } from "./leftovers"
import { telemetryOffEnv } from "./medusa-telemetry"
import { ChildWatcher, Reaper } from "./reaper"
import { hasRedisServer, startRedisServer } from "./redis-server"
import { SeededStore, seedStore } from "./seed-store"
import { StartupError } from "./startup-error"

export interface StackOptions {
  /** Where data and logs live; must be inside the repository (see writeAppFolder). */
  workDir: string
  /** 0 picks a free port. */
  sandboxPort: number
  medusaPort: number
  /** The storefront page's port; undefined serves no page. */
  storefrontPort?: number
  /** An existing PostgreSQL database; otherwise a cluster under workDir. */
  databaseUrl?: string
  /** A Redis URL, "auto" (start redis-server if installed) or "off". */
  redis: string
  /** Keeps the sandbox's state across restarts. */
  sandboxDataFile?: string
  adminEmail: string
  adminPassword: string
  log: (line: string) => void
  /** Extra environment for Medusa (plugin settings read by medusa-config.js). */
  env?: Record<string, string>
  /** Start a second Medusa instance on the same database and Redis (the e2e suite's concurrency checks). */
  secondInstance?: boolean
}

export interface Stack {
  sandbox: Sandbox
  medusaUrl: string
  databaseUrl: string
  redisUrl?: string
  storefront?: Storefront
  seeded: SeededStore
  medusaLog: string
  /** The second instance, when asked for. */
  secondMedusaUrl?: string
  /** The admin dashboard at `<medusaUrl>/app`, and how its build went. */
  adminUrl: string
  adminBuild: AdminBuild
  stop(): Promise<void>
}

const running = new Set<() => Promise<void>>()

/** Stops every stack this process started, including one still booting. */
export async function stopAllStacks(): Promise<void> {
  await Promise.all([...running].map((stop) => stop()))
}

/**
 * The whole store: the InstantMerchant sandbox, PostgreSQL, Redis when there
 * is one, Medusa with this plugin, the seed, and the storefront page.
 * Everything it started stops with `stop()`, in reverse order, and nothing
 * outlives the process that started it (reaper.ts). A failure is a
 * StartupError naming the step, its cause and the log to read.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const stops: Array<() => Promise<void>> = []
  const stop = async () => {
    running.delete(stop)
    while (stops.length) await stops.pop()!().catch(() => undefined)
  }
  running.add(stop)
  const step = { what: "preparing the work folder", log: options.workDir }
  const doing = (what: string, log: string) => Object.assign(step, { what, log })
  try {
    fs.mkdirSync(options.workDir, { recursive: true })
    const leftovers = await cleanLeftovers(options.workDir)
    if (leftovers.length) options.log(`stopped what an earlier run left running: ${leftovers.join(", ")}`)
    await refuseTakenPorts(options)
    const reaper = Reaper.start(path.join(options.workDir, RECORD_FILE))
    stops.push(async () => {
      await reaper.stopRemaining()
      reaper.close()
    })

    doing("starting the sandbox", options.sandboxDataFile ?? options.workDir)
    const sandbox = await startSandbox({ port: options.sandboxPort, dataFile: options.sandboxDataFile })
    stops.push(() => sandbox.close())
    options.log(`sandbox ${sandbox.url}`)

    let databaseUrl = options.databaseUrl
    if (!databaseUrl) {
      doing("starting PostgreSQL", path.join(options.workDir, "pg", "postgres.log"))
      const cluster = await startPostgresCluster(path.join(options.workDir, "pg"), await freePort(), reaper)
      stops.push(() => cluster.stop())
      await ensureDatabase(cluster.url("postgres"), "medusa")
      databaseUrl = cluster.url("medusa")
      options.log(`postgres ${databaseUrl} (${cluster.source})`)
    }

    doing("starting Redis", path.join(options.workDir, "redis", "redis.log"))
    const redisUrl = await redisFor(options, stops, reaper)

    const appDir = path.join(options.workDir, "app")
    writeAppFolder(appDir)
    const env = medusaEnv({
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      SANDBOX_PORT: String(new URL(sandbox.url).port),
      INSTANTMERCHANT_BASE_URL: sandbox.apiBaseUrl,
      INSTANTMERCHANT_API_KEY: "im_test_key",
      INSTANTMERCHANT_API_SECRET: "im_test_secret",
      ...telemetryOffEnv(options.workDir),
      ...options.env,
    })
    if (!redisUrl) delete env.REDIS_URL
    const medusaLog = path.join(options.workDir, "medusa.log")
    // The admin build (about 30 s when it is not cached) overlaps the migrations.
    const adminBuilding = buildAdmin(appDir, env, path.join(options.workDir, "admin-build.log"), { watcher: reaper, progress: options.log })
    adminBuilding.catch(() => undefined)
    doing("running the migrations", path.join(options.workDir, "migrations.log"))
    await runMigrations(appDir, env, step.log, reaper)
    options.log("migrations applied")
    doing("building the admin dashboard", path.join(options.workDir, "admin-build.log"))
    const adminBuild = await adminBuilding
    env.MEDUSA_ADMIN_BUILD_DIR = adminBuild.dir
    options.log(adminBuild.built ? `admin built in ${(adminBuild.ms / 1000).toFixed(1)} s` : "admin build reused (nothing changed)")
    // After the build: Medusa's CLI loads the admin plugin, which exits without one.
    doing("creating the admin user", path.join(options.workDir, "admin-user.log"))
    const created = await ensureAdminUser({ appDir, env, databaseUrl, email: options.adminEmail, password: options.adminPassword, logFile: step.log, watcher: reaper })
    if (created) options.log(`created the admin user ${options.adminEmail}`)
    doing("starting Medusa", medusaLog)
    const medusa = await startMedusa(appDir, options.medusaPort || (await freePort()), env, medusaLog, reaper)
    stops.push(() => medusa.stop())
    options.log(`medusa ${medusa.url}`)

    doing("seeding the store", medusaLog)
    const seeded = await seedStore({ medusaUrl: medusa.url, adminEmail: options.adminEmail, adminPassword: options.adminPassword, log: options.log })

    let secondMedusaUrl: string | undefined
    if (options.secondInstance) {
      doing("starting the second Medusa", path.join(options.workDir, "medusa-2.log"))
      const second = await startMedusa(appDir, await freePort(), env, step.log, reaper)
      stops.push(() => second.stop())
      secondMedusaUrl = second.url
    }

    let storefront: Storefront | undefined
    if (options.storefrontPort !== undefined) {
      doing("starting the checkout page", options.workDir)
      storefront = await startStorefront({ port: options.storefrontPort, medusaUrl: medusa.url, seeded })
      stops.push(() => storefront!.close())
    }
    return { sandbox, medusaUrl: medusa.url, databaseUrl, redisUrl, storefront, seeded, medusaLog, secondMedusaUrl, adminUrl: `${medusa.url}/app`, adminBuild, stop }
  } catch (e) {
    await stop()
    if (e instanceof StartupError) throw e
    throw new StartupError(`${step.what} failed: ${describeError(e)}`, `see ${path.relative(process.cwd(), step.log) || step.log}`)
  }
}

async function redisFor(options: StackOptions, stops: Array<() => Promise<void>>, watcher: ChildWatcher): Promise<string | undefined> {
  if (options.redis === "off") return undefined
  if (options.redis !== "auto") return options.redis
  if (!hasRedisServer()) {
    options.log("warning: no Redis (set REDIS_URL, or `apt-get install redis-server`): scheduled jobs, such as subscription renewals, will not run; checkout, the admin and its Renew now work")
    return undefined
  }
  const redis = await startRedisServer(path.join(options.workDir, "redis"), await freePort(), watcher)
  stops.push(() => redis.stop())
  options.log(`redis ${redis.url}`)
  return redis.url
}

async function refuseTakenPorts(options: StackOptions): Promise<void> {
  const named: Array<[string, number | undefined]> = [
    ["SANDBOX_PORT", options.sandboxPort],
    ["MEDUSA_PORT", options.medusaPort],
    ["DEMO_PORT", options.storefrontPort],
  ]
  for (const [name, port] of named) {
    if (port && (await portInUse(port))) throw new StartupError(`port ${port} (${name}) is in use`, `stop what uses it, or set ${name} to another port`)
  }
}
