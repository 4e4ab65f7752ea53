import fs from "node:fs"
import path from "node:path"
import { PACKAGE_ROOT } from "../../../src/demo/stack/package-root"

/**
 * Every route the plugin serves, read from src/api/**\/route.ts (a file's
 * folder is its path, `[param]` a path parameter, each exported GET or POST a
 * method), so that a route added later is covered without editing a list.
 */
export interface PluginRoute {
  method: "GET" | "POST"
  /** e.g. /admin/instantmerchant/invoices/[invoice_num]/refund */
  pattern: string
}

export function pluginRoutes(): PluginRoute[] {
  const root = path.join(PACKAGE_ROOT, "src", "api")
  const routes: PluginRoute[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8")
        const pattern = `/${path.relative(root, dir).split(path.sep).join("/")}`
        for (const [, method] of source.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST)\b/g)) routes.push({ method: method as "GET" | "POST", pattern })
      }
    }
  }
  walk(root)
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern) || a.method.localeCompare(b.method))
}

/** The route's path with its parameters filled in. */
export function fill(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[(\w+)\]/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no value for the path parameter ${name} of ${pattern}`)
    return encodeURIComponent(params[name])
  })
}
