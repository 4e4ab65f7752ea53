import { prepareStore } from "./store-install"
import { StartupError } from "../stack/startup-error"

/**
 * `node dist/demo/medusa-v2/prepare-store.js`: installs the Medusa 2.x test
 * store (cached by its lockfile) with the freshly packed provider, before
 * `npm run test:v2` type-checks against it and runs the suite.
 */
try {
  const store = prepareStore((line) => console.log(`[medusa-v2] ${line}`))
  console.log(
    `[medusa-v2] store ready in ${store.appDir}: dependencies ${store.install} (${(store.installMs / 1000).toFixed(1)} s), provider tarball installed (${(store.providerInstallMs / 1000).toFixed(1)} s)`
  )
} catch (e) {
  console.error(e instanceof StartupError ? `[medusa-v2] ${e.message}` : e)
  process.exit(1)
}
