import fs from "node:fs"
import path from "node:path"

/**
 * `node dist/medusa-v2/build/plugin-layout.js` (the end of `npm run build`):
 * lays the compiled 2.x plugin (dist/medusa-v2/plugin/**) out where Medusa 2.x
 * looks for a plugin's resources, `<package>/.medusa/server/src/**` (see
 * `getResolvedPlugins` in @medusajs/utils). Each file there is a one-line
 * re-export of its compiled twin, so the plugin's relative imports into the
 * shared core (dist/rules, dist/client, ...) keep working, and Node loads
 * each module once, by its real path in dist/.
 *
 * The admin folder is left out: its bundle (.medusa/server/src/admin) is
 * built by the admin bundler, not by tsc.
 */
const ROOT = path.resolve(__dirname, "..", "..", "..")
const COMPILED = path.join(ROOT, "dist", "medusa-v2", "plugin")
const LAYOUT = path.join(ROOT, ".medusa", "server", "src")
const NOT_SHIMMED = new Set(["admin"])

export function writePluginLayout(compiled = COMPILED, layout = LAYOUT): number {
  if (!fs.existsSync(compiled)) throw new Error(`${path.relative(ROOT, compiled)} is missing: compile src/medusa-v2 first (tsc -p tsconfig.medusa-v2.json)`)
  for (const entry of fs.existsSync(layout) ? fs.readdirSync(layout) : []) {
    // A stale shim would load a file that no longer exists; the admin bundle is another build's output.
    if (!NOT_SHIMMED.has(entry)) fs.rmSync(path.join(layout, entry), { recursive: true, force: true })
  }
  let written = 0
  for (const file of compiledFiles(compiled)) {
    const relative = path.relative(compiled, file)
    if (NOT_SHIMMED.has(relative.split(path.sep)[0])) continue
    const shim = path.join(layout, relative)
    fs.mkdirSync(path.dirname(shim), { recursive: true })
    const target = path.relative(path.dirname(shim), file).split(path.sep).join("/")
    fs.writeFileSync(shim, `module.exports = require(${JSON.stringify(target)})\n`)
    written++
  }
  return written
}

function compiledFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === "__tests__" ? [] : compiledFiles(full)
    return entry.name.endsWith(".js") ? [full] : []
  })
}

if (require.main === module) {
  const count = writePluginLayout()
  console.log(`[plugin-layout] ${count} files re-exported from dist/medusa-v2/plugin into .medusa/server/src`)
}
