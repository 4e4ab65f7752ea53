import fs from "node:fs"
import path from "node:path"

/** The plugin's own folder (where package.json is), from src/ under ts-jest or from dist/. */
export const PACKAGE_ROOT = findRoot(__dirname)

function findRoot(from: string): string {
  let dir = from
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir)
    if (up === dir) throw new Error(`no package.json above ${from}`)
    dir = up
  }
  return dir
}
