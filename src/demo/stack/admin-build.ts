import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { runNode } from "./medusa-server"
import { PACKAGE_ROOT } from "./package-root"
import { ChildWatcher } from "./reaper"
import { StartupError } from "./startup-error"

export interface AdminBuild {
  /** The folder with index.html, for medusa-config.js's MEDUSA_ADMIN_BUILD_DIR. */
  dir: string
  /** False when a build with the same inputs was reused. */
  built: boolean
  ms: number
}

/** Where finished builds are kept, one folder per hash of their inputs; node_modules/.cache is git-ignored and survives DEMO_FRESH. */
const CACHE_ROOT = path.join(PACKAGE_ROOT, "node_modules", ".cache", "instantmerchant-admin")

/**
 * What the dashboard is built from: our extensions, the configuration and
 * the admin's own version. Anything else changing (a Medusa upgrade) changes
 * the admin version too.
 */
function inputsHash(): string {
  const hash = createHash("sha256")
  for (const file of [path.join(PACKAGE_ROOT, "dist", "admin", "_virtual_entry.js"), path.join(PACKAGE_ROOT, "medusa-config.js")]) {
    if (!fs.existsSync(file)) throw new StartupError(`${path.relative(PACKAGE_ROOT, file)} is missing`, "run `npm run build` first")
    hash.update(fs.readFileSync(file))
  }
  for (const pkg of ["@medusajs/admin", "@medusajs/admin-ui"]) {
    hash.update(JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`, { paths: [PACKAGE_ROOT] }), "utf8")).version)
  }
  return hash.digest("hex").slice(0, 16)
}

/**
 * Builds Medusa's admin dashboard with this plugin's extensions, in the app
 * folder (the admin reads medusa-config.js from its working directory), unless
 * a build from the same inputs exists. It must exist before `medusa start`,
 * which refuses to serve /app without it, and the server reads index.html only
 * once. `medusa-admin build` exits 0 even when webpack fails, so success is
 * judged by build/index.html; a failure keeps the first error line.
 */
export async function buildAdmin(appDir: string, env: NodeJS.ProcessEnv, logFile: string, options: { watcher?: ChildWatcher; progress?: (line: string) => void } = {}): Promise<AdminBuild> {
  const started = Date.now()
  const dir = path.join(CACHE_ROOT, inputsHash())
  if (fs.existsSync(path.join(dir, "index.html"))) return { dir, built: false, ms: Date.now() - started }

  // Built beside, then renamed: a demo and a test run may build at once, and a half-written folder is never reused.
  const scratch = `${dir}.tmp-${process.pid}`
  fs.rmSync(scratch, { recursive: true, force: true })
  fs.mkdirSync(CACHE_ROOT, { recursive: true })
  const cli = require.resolve("@medusajs/admin/bin/medusa-admin.js", { paths: [PACKAGE_ROOT] })
  // About 30 s cold on a 2-core machine, minutes when it is loaded: say that it runs, and for how long.
  const progress = options.progress ?? (() => undefined)
  progress("building the admin dashboard (first start, or after a change; about 30 s)…")
  const ticker = setInterval(() => progress(`admin build running, ${Math.round((Date.now() - started) / 1000)} s`), 10_000)
  ticker.unref()
  try {
    await runNode([cli, "build"], { cwd: appDir, env: { ...env, MEDUSA_ADMIN_BUILD_DIR: scratch, NODE_ENV: "production" }, logFile, what: "the admin build", watcher: options.watcher })
  } catch (e) {
    throw new StartupError(`the admin build failed: ${firstError(logFile) ?? (e as Error).message}`, `see ${logFile}`)
  } finally {
    clearInterval(ticker)
  }
  if (!fs.existsSync(path.join(scratch, "index.html"))) {
    fs.rmSync(scratch, { recursive: true, force: true })
    throw new StartupError(`the admin build produced no index.html: ${firstError(logFile) ?? "webpack failed"}`, `see ${logFile}`)
  }
  try {
    fs.renameSync(scratch, dir)
  } catch {
    // Another process finished the same build first; theirs is as good.
    fs.rmSync(scratch, { recursive: true, force: true })
  }
  return { dir, built: true, ms: Date.now() - started }
}

function firstError(logFile: string): string | undefined {
  if (!fs.existsSync(logFile)) return undefined
  const line = fs
    .readFileSync(logFile, "utf8")
    .split("\n")
    .find((l) => /error|can't resolve|cannot find/i.test(l))
  return line?.trim().slice(0, 300)
}
