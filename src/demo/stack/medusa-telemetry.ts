import fs from "node:fs"
import path from "node:path"

/**
 * The environment that keeps Medusa's telemetry off. MEDUSA_DISABLE_TELEMETRY
 * stops it recording events, but medusa-telemetry still forks a detached
 * sender (`send.js`, to telemetry.medusa-commerce.com) at every process exit
 * unless its config store says `telemetry.enabled: false`. That store lives
 * under $XDG_CONFIG_HOME/medusa/: point it at a folder of the stack's own,
 * so the user's ~/.config is neither read nor written.
 */
export function telemetryOffEnv(workDir: string): Record<string, string> {
  const home = path.join(workDir, "config-home")
  const file = path.join(home, "medusa", "config.json")
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify({ telemetry: { enabled: false } }, null, 2))
  return { MEDUSA_DISABLE_TELEMETRY: "true", XDG_CONFIG_HOME: home }
}
