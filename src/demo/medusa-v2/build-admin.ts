import { StartupError } from "../stack/startup-error"
import { buildAdminBundle, removeAdminBundle, storeHasAdminBundler } from "./admin-bundle"
import { installStoreDependencies } from "./store-install"

/**
 * `node dist/demo/medusa-v2/build-admin.js [--required]`: bundles the 2.x
 * admin extensions (see admin-bundle.ts).
 *
 * At the end of `npm run build` (no flag) it needs the 2.x test store's
 * admin-bundler, which a fresh clone has not installed yet: then it removes
 * any old bundle and says so, and the build still succeeds. `npm run test:v2`
 * bundles them after installing the store (prepare-store.js), and `prepack`
 * runs this with `--required`, which installs the store's dependencies first
 * when they are missing: a tarball is never packed without its admin.
 */
async function main(): Promise<void> {
  const required = process.argv.includes("--required")
  if (!storeHasAdminBundler()) {
    if (!required) {
      removeAdminBundle()
      console.log("[medusa-v2] admin extensions not bundled: the 2.x test store is not installed yet (`npm run test:v2` and `npm pack` bundle them after installing it)")
      return
    }
    installStoreDependencies((line) => console.log(`[medusa-v2] ${line}`))
  }
  const { files, ms } = await buildAdminBundle()
  console.log(`[medusa-v2] admin extensions bundled in ${(ms / 1000).toFixed(1)} s: ${files.join(", ")}`)
}

main().catch((e) => {
  console.error(e instanceof StartupError ? `[medusa-v2] ${e.message}` : e)
  process.exit(1)
})
