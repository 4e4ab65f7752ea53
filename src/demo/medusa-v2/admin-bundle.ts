import fs from "node:fs"
import path from "node:path"
import { PACKAGE_ROOT } from "../stack/package-root"
import { StartupError } from "../stack/startup-error"

/**
 * The 2.x admin extensions (src/medusa-v2/plugin/admin) as Medusa 2.x loads a
 * plugin's admin: one ESM bundle (plus its CommonJS twin, which the admin's
 * Tailwind set-up finds with `require.resolve`) in
 * `.medusa/server/src/admin/`, exported as `./admin` by package.json.
 *
 * It is built by the store's own `@medusajs/admin-bundler`, the way
 * `medusa plugin:build` does (`bundler.plugin({ root, outDir })`), from the
 * 2.x test store's node_modules, since the root's node_modules hold Medusa
 * v1. The bundler reads the extensions from `<root>/src/admin` (ours there
 * are v1's), writes its entry to `<cwd>/src/admin` and keeps every package
 * named in `<root>/package.json` out of the bundle. So it runs in a staging
 * root whose `src/admin/<folder>` are links to our folders, and whose
 * package.json names what the store's admin provides (React, the UI kit):
 * the bundle imports those from the store, the same copies the dashboard
 * uses. Type-only imports (the route views) leave nothing in it.
 */
const ROOT = PACKAGE_ROOT
export const ADMIN_SOURCE = path.join(ROOT, "src", "medusa-v2", "plugin", "admin")
export const ADMIN_OUT_DIR = path.join(ROOT, ".medusa", "server", "src", "admin")
export const ADMIN_BUNDLE = path.join(ADMIN_OUT_DIR, "index.mjs")
const STORE_MODULES = path.join(ROOT, ".medusa-v2", "app", "node_modules")
const STAGING = path.join(ROOT, ".medusa-v2", "admin-staging")

/** What a Medusa 2.x store's admin already has: imported from there, never bundled. */
const FROM_THE_STORE = [
  "@medusajs/admin-sdk",
  "@medusajs/framework",
  "@medusajs/icons",
  "@medusajs/js-sdk",
  "@medusajs/ui",
  "@tanstack/react-query",
  "react",
  "react-dom",
  "react-router-dom",
]

export function storeHasAdminBundler(): boolean {
  return fs.existsSync(path.join(STORE_MODULES, "@medusajs", "admin-bundler", "package.json"))
}

/** Builds the bundle; throws when the store (its admin-bundler) is not installed. */
export async function buildAdminBundle(): Promise<{ files: string[]; ms: number }> {
  if (!storeHasAdminBundler()) throw new StartupError(`@medusajs/admin-bundler is not installed in ${path.relative(ROOT, STORE_MODULES)}`, "run `node dist/demo/medusa-v2/prepare-store.js` (or `npm run test:v2`) first")
  const started = Date.now()
  stage()
  fs.rmSync(ADMIN_OUT_DIR, { recursive: true, force: true })
  const bundler = require(path.join(STORE_MODULES, "@medusajs", "admin-bundler")) as { plugin(o: { root: string; outDir: string }): Promise<void> }
  const cwd = process.cwd()
  process.chdir(STAGING)
  try {
    await bundler.plugin({ root: STAGING, outDir: path.join(ROOT, ".medusa", "server") })
  } finally {
    process.chdir(cwd)
  }
  if (!fs.existsSync(ADMIN_BUNDLE)) throw new Error(`the admin bundler wrote no ${path.relative(ROOT, ADMIN_BUNDLE)}`)
  return { files: listFiles(ADMIN_OUT_DIR), ms: Date.now() - started }
}

/** A stale bundle must not be packed: without the store it is removed, and test:v2 builds it after installing the store. */
export function removeAdminBundle(): void {
  fs.rmSync(ADMIN_OUT_DIR, { recursive: true, force: true })
}

function stage(): void {
  fs.rmSync(STAGING, { recursive: true, force: true })
  const admin = path.join(STAGING, "src", "admin")
  fs.mkdirSync(admin, { recursive: true })
  for (const entry of fs.readdirSync(ADMIN_SOURCE, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.name.startsWith("_")) fs.symlinkSync(path.join(ADMIN_SOURCE, entry.name), path.join(admin, entry.name), "dir")
  }
  const dependencies = Object.fromEntries(FROM_THE_STORE.map((name) => [name, "*"]))
  fs.writeFileSync(path.join(STAGING, "package.json"), JSON.stringify({ name: "instantmerchant-admin-staging", private: true, dependencies }, null, 2))
  // The store's packages (Vite, React's plugin, the UI kit's Tailwind preset) resolve from the staging root as from the store.
  fs.symlinkSync(STORE_MODULES, path.join(STAGING, "node_modules"), "dir")
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
}
