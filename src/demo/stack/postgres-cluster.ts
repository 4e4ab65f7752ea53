import { execFileSync, spawn } from "node:child_process"
import { createHash } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { hasExited, stopGroup, waitFor } from "./child-process"
import { findPostgresBinaries, reachableBinaries } from "./postgres-binaries"
import { canTraverse, postgresRunAs, RunAs } from "./postgres-user"
import { commandLine, isAlive, signal } from "./process-info"
import { ChildWatcher } from "./reaper"
import { runTool } from "./run-tool"
import { StartupError } from "./startup-error"

export interface PostgresCluster {
  port: number
  /** Where the cluster's files are: `<dir>/data`, or a folder in the temp dir when the postgres user cannot reach `dir`. */
  dataDir: string
  /** Which build runs: the embedded one, or PG_BIN's. */
  source: string
  logFile: string
  /** A connection URL for the given database. */
  url(database: string): string
  stop(): Promise<void>
}

/**
 * A throwaway PostgreSQL cluster: initialized on first use, started on
 * `port` (TCP on loopback only, trust authentication), stopped by `stop()`.
 * The binaries are the embedded ones (postgres-binaries.ts). Tuned for tests
 * and demos: no fsync.
 */
export async function startPostgresCluster(dir: string, port: number, watcher?: ChildWatcher): Promise<PostgresCluster> {
  const who = postgresRunAs()
  const { bin, source } = reachableBinaries(findPostgresBinaries(), who)
  fs.mkdirSync(dir, { recursive: true })
  const data = dataDirFor(dir, who)
  const logFile = path.join(dir, "postgres.log")
  const log = fs.openSync(logFile, "a")
  if (who.uid !== undefined) {
    fs.mkdirSync(path.dirname(data), { recursive: true })
    fs.chownSync(path.dirname(data), who.uid, who.gid as number)
    fs.fchownSync(log, who.uid, who.gid as number)
  }
  try {
    if (!fs.existsSync(path.join(data, "PG_VERSION"))) await initdb(bin, data, who, logFile)
    refuseOtherMajor(bin, data, dir)
    await stopStalePostmaster(data)
  } catch (e) {
    fs.closeSync(log)
    throw e
  }

  const child = spawn(
    path.join(bin, "postgres"),
    ["-D", data, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    { uid: who.uid, gid: who.gid, detached: true, stdio: ["ignore", log, log], env: { ...process.env, LC_MESSAGES: "C" } }
  )
  fs.closeSync(log)
  // SIGQUIT is PostgreSQL's immediate shutdown: what a reaper wants when the stack is gone.
  watcher?.watch(child, { name: "postgres", group: true, signal: "SIGQUIT", match: data })
  let died: string | null = null
  child.once("exit", (code, sig) => (died = `postgres exited during start-up (code ${code}, signal ${sig})`))
  child.once("error", (e) => (died = `postgres could not be started: ${e.message}`))
  const stop = () => stopGroup(child, "SIGINT")
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`
  try {
    await waitFor(() => canQuery(url("postgres")), { what: "PostgreSQL to accept connections", timeoutMs: 60_000, intervalMs: 200, abort: () => died })
  } catch (e) {
    await stop()
    const logText = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : ""
    if (logText.includes("Address already in use")) throw new StartupError(`port ${port} is in use`, "stop what uses it, or set another port")
    throw new StartupError(`${(e as Error).message}: ${lastLine(logText) ?? "no output"}`, `see ${logFile}`)
  }
  return {
    port,
    dataDir: data,
    source,
    logFile,
    url,
    stop: async () => {
      if (!hasExited(child)) await stop()
    },
  }
}

/**
 * `<dir>/data`, unless the unprivileged user PostgreSQL runs as (when we are
 * root) cannot reach it, as in a clone under root's 0700 home: then a folder
 * of the temp dir named after `dir`, so that restarts find it again.
 */
function dataDirFor(dir: string, who: RunAs): string {
  if (canTraverse(dir, who)) return path.join(dir, "data")
  const id = createHash("sha256").update(path.resolve(dir)).digest("hex").slice(0, 12)
  return path.join(os.tmpdir(), `instantmerchant-pg-${id}`, "data")
}

async function initdb(bin: string, data: string, who: RunAs, logFile: string): Promise<void> {
  fs.rmSync(data, { recursive: true, force: true })
  try {
    await runTool(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], {
      uid: who.uid,
      gid: who.gid,
      logFile,
      what: "initdb",
    })
  } catch (e) {
    fs.rmSync(data, { recursive: true, force: true })
    const logText = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : ""
    throw new StartupError(`${(e as Error).message}: ${lastLine(logText) ?? "no output"}`, `see ${logFile}`)
  }
}

/**
 * A cluster whose stack was killed with SIGKILL (and whose reaper was killed
 * too) leaves its postmaster running, holding the data folder: stop it, if
 * the pid in postmaster.pid is still a postgres on this data folder.
 */
async function stopStalePostmaster(data: string): Promise<void> {
  const pidFile = path.join(data, "postmaster.pid")
  if (!fs.existsSync(pidFile)) return
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  if (!pid || !isAlive(pid) || !commandLine(pid)?.includes(data)) return
  signal(pid, "SIGQUIT", false)
  const deadline = Date.now() + 10_000
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
  if (isAlive(pid)) signal(pid, "SIGKILL", false)
}

/**
 * A data folder made by another major version (a `.demo/` from before the
 * embedded PostgreSQL, made by the machine's PostgreSQL 15) cannot be
 * started: say so, rather than quote postgres's log.
 */
function refuseOtherMajor(bin: string, data: string, dir: string): void {
  const made = fs.readFileSync(path.join(data, "PG_VERSION"), "utf8").trim()
  const version = execFileSync(path.join(bin, "postgres"), ["--version"]).toString()
  const running = /(\d+)(?:\.\d+)?/.exec(version)?.[1]
  if (running && made !== running) {
    throw new StartupError(
      `${dir} holds a PostgreSQL ${made} cluster, and this is PostgreSQL ${running}`,
      `start with DEMO_FRESH=1 (the demo's data is thrown away), or set PG_BIN to a PostgreSQL ${made} bin folder`
    )
  }
}

async function canQuery(url: string): Promise<boolean> {
  // pg comes with Medusa; loaded lazily so the plugin itself never needs it.
  const { Client } = await import("pg")
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  client.on("error", () => undefined)
  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

function lastLine(text: string): string | undefined {
  return text.trim().split("\n").filter(Boolean).pop()?.trim().slice(0, 300)
}

/** Creates the database if it does not exist. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
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
