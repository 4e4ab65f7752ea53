import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { PACKAGE_ROOT } from "../stack/package-root"
import { ADMIN_BUNDLE } from "./admin-bundle"
import { StartupError } from "../stack/startup-error"

/** The 2.x store's template: its own package.json and lockfile, so Medusa 2.x never shares the root node_modules with Medusa 1.20. */
export const STORE_TEMPLATE = path.join(PACKAGE_ROOT, "__tests__", "medusa-v2", "app-template")
/** Where the store is installed and run (git-ignored; node_modules is never committed). */
export const STORE_WORK_DIR = path.join(PACKAGE_ROOT, ".medusa-v2")
export const STORE_APP_DIR = path.join(STORE_WORK_DIR, "app")

export interface PreparedStore {
  appDir: string
  /** How the dependencies were had: installed with `npm ci` or `npm install`, or reused from the cache. */
  install: "cached" | "npm ci" | "npm install"
  installMs: number
  providerInstallMs: number
}

const INSTALL_MARKER = ".installed-from"

/**
 * Makes `.medusa-v2/app` a Medusa 2.x store with this repository's provider
 * installed the way a real store gets it: the store's dependencies from its
 * lockfile (reused while the lockfile and Node's version are unchanged), the
 * store's own files from the template, then this package from its
 * `npm pack` tarball, so that its imports resolve from the store's
 * node_modules. Needs `npm run build` first (the tarball packs dist/).
 */
export function prepareStore(log: (line: string) => void = () => undefined): PreparedStore {
  const started = Date.now()
  const install = installStoreDependencies(log)
  const installMs = Date.now() - started
  copyStoreFiles()
  ensureAdminBundle(log)
  const providerStarted = Date.now()
  installProvider()
  return { appDir: STORE_APP_DIR, install, installMs, providerInstallMs: Date.now() - providerStarted }
}

/** The store's dependencies from its lockfile, reused while the lockfile and Node's version are unchanged. */
export function installStoreDependencies(log: (line: string) => void = () => undefined): PreparedStore["install"] {
  const lock = path.join(STORE_TEMPLATE, "package-lock.json")
  const digest = createHash("sha256")
    .update(fs.readFileSync(path.join(STORE_TEMPLATE, "package.json")))
    .update(fs.readFileSync(lock))
    .update(process.version)
    .digest("hex")
  const marker = path.join(STORE_APP_DIR, INSTALL_MARKER)
  let install: PreparedStore["install"] = "cached"
  if (!fs.existsSync(marker) || fs.readFileSync(marker, "utf8") !== digest || !fs.existsSync(path.join(STORE_APP_DIR, "node_modules", "@medusajs", "medusa"))) {
    log("installing the Medusa 2.x store's dependencies from its lockfile (about a minute, once)")
    fs.rmSync(STORE_APP_DIR, { recursive: true, force: true })
    fs.mkdirSync(STORE_APP_DIR, { recursive: true })
    for (const file of ["package.json", "package-lock.json"]) fs.copyFileSync(path.join(STORE_TEMPLATE, file), path.join(STORE_APP_DIR, file))
    install = npm(["ci"], STORE_APP_DIR, false) ? "npm ci" : (npm(["install"], STORE_APP_DIR, true), "npm install")
    fs.writeFileSync(marker, digest)
  }
  return install
}

/**
 * The 2.x admin extensions must be in the tarball. `npm run build` bundles
 * them only when the store (its admin-bundler) was already installed; on a
 * first run it was not, so they are bundled here, between the store's
 * install and the pack.
 */
function ensureAdminBundle(log: (line: string) => void): void {
  if (fs.existsSync(ADMIN_BUNDLE)) return
  log("bundling the 2.x admin extensions with the store's @medusajs/admin-bundler")
  const result = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, "dist", "demo", "medusa-v2", "build-admin.js"), "--required"], { cwd: PACKAGE_ROOT, encoding: "utf8" })
  if (result.status !== 0) throw new StartupError(`bundling the 2.x admin extensions failed: ${`${result.stderr}${result.stdout}`.trim().split("\n").slice(-5).join(" | ")}`, "fix the admin sources, then run again")
}

/** The template's own files (config, routes, seed script), refreshed at every run: cheap, and never stale. */
function copyStoreFiles(): void {
  for (const entry of fs.readdirSync(STORE_TEMPLATE)) {
    if (entry === "package.json" || entry === "package-lock.json" || entry === "node_modules") continue
    fs.rmSync(path.join(STORE_APP_DIR, entry), { recursive: true, force: true })
    fs.cpSync(path.join(STORE_TEMPLATE, entry), path.join(STORE_APP_DIR, entry), { recursive: true })
  }
}

/** `npm pack` of this repository (dist/ as built), installed into the store without touching its package.json or lockfile. */
function installProvider(): void {
  const packDir = path.join(STORE_WORK_DIR, "pack")
  fs.rmSync(packDir, { recursive: true, force: true })
  fs.mkdirSync(packDir, { recursive: true })
  if (!fs.existsSync(path.join(PACKAGE_ROOT, "dist", "medusa-v2", "index.js"))) {
    throw new StartupError("dist/medusa-v2 is missing", "run `npm run build` first")
  }
  // --ignore-scripts: `prepare` would rebuild everything; dist/ is already built.
  npm(["pack", "--ignore-scripts", "--pack-destination", packDir], PACKAGE_ROOT, true)
  const tarball = fs.readdirSync(packDir).find((f) => f.endsWith(".tgz"))
  if (!tarball) throw new StartupError("npm pack produced no tarball", `see ${packDir}`)
  npm(["install", "--no-save", path.join(packDir, tarball)], STORE_APP_DIR, true)
}

function npm(args: string[], cwd: string, mustSucceed: boolean): boolean {
  const result = spawnSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } })
  if (result.status === 0) return true
  if (mustSucceed) {
    const tail = `${result.stderr ?? ""}${result.stdout ?? ""}`.trim().split("\n").slice(-5).join(" | ")
    throw new StartupError(`npm ${args[0]} in ${path.relative(PACKAGE_ROOT, cwd) || "."} failed: ${tail}`, "check the network to the npm registry, then run again")
  }
  return false
}
