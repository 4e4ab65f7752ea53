import { execFileSync, spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { hasExited, stopGroup, waitFor } from "./child-process"
import { StartupError } from "./startup-error"

export interface PostgresCluster {
  port: number
  /** A connection URL for the given database. */
  url(database: string): string
  stop(): Promise<void>
}

/** The machine's PostgreSQL server binaries: $PG_BIN, or the newest /usr/lib/postgresql/N/bin. */
export function findPostgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const base = "/usr/lib/postgresql"
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : []
  for (const v of versions) {
    const dir = path.join(base, v, "bin")
    if (fs.existsSync(path.join(dir, "initdb"))) return dir
  }
  throw new StartupError(
    "PostgreSQL server binaries not found (no initdb under /usr/lib/postgresql)",
    "install them with `apt-get install postgresql`, or set DATABASE_URL to a running server"
  )
}

/**
 * initdb and postgres refuse to run as root ("initdb: cannot be run as
 * root"). As root, run them as the unprivileged `postgres` system user that
 * Debian's package creates.
 */
function runAs(): { uid?: number; gid?: number } {
  if (!process.getuid || process.getuid() !== 0) return {}
  const user = process.env.PG_RUN_AS || "postgres"
  try {
    return {
      uid: Number(execFileSync("id", ["-u", user]).toString().trim()),
      gid: Number(execFileSync("id", ["-g", user]).toString().trim()),
    }
  } catch {
    throw new StartupError(`running as root and there is no '${user}' user for PostgreSQL`, `create one with \`useradd -r ${user}\`, or run as another user`)
  }
}

/**
 * A throwaway PostgreSQL cluster whose data lives in `dir`: initialized on
 * first use, started on `port` (TCP on loopback only), stopped by `stop()`.
 * Tuned for tests and demos: no fsync.
 */
export async function startPostgresCluster(dir: string, port: number): Promise<PostgresCluster> {
  const bin = findPostgresBin()
  const who = runAs()
  const data = path.join(dir, "data")
  fs.mkdirSync(dir, { recursive: true })
  if (who.uid !== undefined) fs.chownSync(dir, who.uid, who.gid as number)

  if (!fs.existsSync(path.join(data, "PG_VERSION"))) {
    const init = spawnSync(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], {
      ...who,
      encoding: "utf8",
    })
    if (init.status !== 0) throw new StartupError(`initdb failed: ${(init.stderr || String(init.error)).trim().split("\n").pop()}`, `remove ${dir} and try again`)
  }
  // A run killed with SIGKILL leaves its postmaster behind, holding the data folder.
  if (fs.existsSync(path.join(data, "postmaster.pid"))) {
    const status = spawnSync(path.join(bin, "pg_ctl"), ["-D", data, "status"], who)
    if (status.status === 0) spawnSync(path.join(bin, "pg_ctl"), ["-D", data, "stop", "-m", "immediate", "-w"], who)
  }

  const logFile = path.join(dir, "postgres.log")
  const log = fs.openSync(logFile, "a")
  if (who.uid !== undefined) fs.fchownSync(log, who.uid, who.gid as number)
  const child = spawn(
    path.join(bin, "postgres"),
    ["-D", data, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    { ...who, detached: true, stdio: ["ignore", log, log] }
  )
  fs.closeSync(log)
  let died: string | null = null
  child.once("exit", (code, signal) => (died = `postgres exited (code ${code}, signal ${signal}); see ${logFile}`))
  const stop = () => stopGroup(child, "SIGINT")
  try {
    await waitFor(() => spawnSync(path.join(bin, "pg_isready"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres"]).status === 0, {
      what: "PostgreSQL to accept connections",
      timeoutMs: 30_000,
      abort: () => died,
    })
  } catch (e) {
    await stop()
    if (died && fs.readFileSync(logFile, "utf8").includes("Address already in use")) {
      throw new StartupError(`port ${port} is in use`, "stop what uses it, or set another port")
    }
    throw e
  }
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (!hasExited(child)) await stop()
    },
  }
}

/** Creates the database if it does not exist. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  // pg comes with Medusa; loaded lazily so the plugin itself never needs it.
  const { Client } = await import("pg")
  const client = new Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database])
    if (!found.rowCount) await client.query(`create database "${database.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }
}
