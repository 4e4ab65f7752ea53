/* Framework-free, so that the v1 middleware (api/refuse-nul-bytes.ts) and the 2.x validators share it. */

/** No body of the plugin's nests this deep; a deeper one is refused rather than searched without end. */
export const MAX_DEPTH = 20
export const TOO_DEEP = "\u0000too-deep"

/** The first field (`items[0].name`) whose key or string value holds a NUL, or TOO_DEEP. */
export function nulIn(value: unknown, at: string, depth = 0): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? at || "body" : undefined
  if (!value || typeof value !== "object") return undefined
  if (depth > MAX_DEPTH) return TOO_DEEP
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulIn(value[i], `${at}[${i}]`, depth + 1)
      if (found !== undefined) return found
    }
    return undefined
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const name = at ? `${at}.${key}` : key
    if (key.includes("\u0000")) return name.replace(/\u0000/g, "\\u0000")
    const found = nulIn(child, name, depth + 1)
    if (found !== undefined) return found
  }
  return undefined
}
