import fs from "node:fs"
import { medusaCli, runNode } from "./medusa-server"
import { ChildWatcher } from "./reaper"
import { StartupError } from "./startup-error"

export interface AdminUserOptions {
  appDir: string
  env: NodeJS.ProcessEnv
  databaseUrl: string
  email: string
  password: string
  logFile: string
  watcher?: ChildWatcher
}

/**
 * Creates the admin user with Medusa's CLI (`medusa user`) unless one with
 * that email exists, before Medusa is started.
 *
 * Done here and not by the seed: the seed used to log in, run the CLI
 * synchronously when that failed, and log in again. The CLI takes seconds
 * (6 on a loaded 2-core machine), longer than Medusa's 5 s keep-alive
 * timeout, so Medusa closed the connection of the first login while the
 * seed's event loop was blocked, and the second login went out on that dead
 * socket: `fetch failed`, on every first start of a slow machine. Before
 * Medusa starts, no connection is open to go stale.
 * Returns whether the user was created.
 */
export async function ensureAdminUser(options: AdminUserOptions): Promise<boolean> {
  if (await adminExists(options.databaseUrl, options.email)) return false
  try {
    await runNode([medusaCli(), "user", "-e", options.email, "-p", options.password], {
      cwd: options.appDir,
      env: options.env,
      logFile: options.logFile,
      what: "creating the admin user (medusa user)",
      watcher: options.watcher,
    })
  } catch (e) {
    // The CLI can fail after creating the user (it exits through its own reporter); what counts is the row.
    if (!(await adminExists(options.databaseUrl, options.email))) {
      const why = lastMessage(options.logFile) ?? (e instanceof StartupError ? e.cause_ : (e as Error).message)
      throw new StartupError(`could not create the admin user ${options.email}: ${why}`, `see ${options.logFile}`)
    }
  }
  return true
}

async function adminExists(databaseUrl: string, email: string): Promise<boolean> {
  const { Client } = await import("pg")
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const found = await client.query(`select 1 from "user" where lower(email) = lower($1) and deleted_at is null`, [email])
    return (found.rowCount ?? 0) > 0
  } finally {
    await client.end()
  }
}

/** The CLI's last line worth reading: not its SQL log, not a progress line. */
function lastMessage(logFile: string): string | undefined {
  if (!fs.existsSync(logFile)) return undefined
  return fs
    .readFileSync(logFile, "utf8")
    .split("\n")
    .map((l) => l.replace(/\u001b\[[0-9;]*m/g, "").trim())
    .filter((l) => l && !l.startsWith("query") && !/^[✔-]|Exiting process/.test(l))
    .pop()
    ?.slice(0, 300)
}
