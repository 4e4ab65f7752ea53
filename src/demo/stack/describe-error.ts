/**
 * An error with its causes, for a person: `fetch failed` alone says nothing,
 * its cause says `connect ECONNREFUSED 127.0.0.1:9000` or `other side closed
 * (UND_ERR_SOCKET, 127.0.0.1:41234 → 127.0.0.1:9000)`.
 */
export function describeError(e: unknown): string {
  const parts: string[] = []
  let current: unknown = e
  for (let depth = 0; current && depth < 5; depth++) {
    parts.push(describeOne(current))
    current = (current as { cause?: unknown }).cause
  }
  return parts.filter((p, i) => p && parts.indexOf(p) === i).join(": ")
}

function describeOne(e: unknown): string {
  // Duck-typed: an error from fetch may come from another realm (Jest's sandbox), where instanceof Error is false.
  if (typeof e !== "object" || e === null || typeof (e as { message?: unknown }).message !== "string") return String(e)
  const err = e as Error & { code?: string; address?: string; port?: number; socket?: { localAddress?: string; localPort?: number; remoteAddress?: string; remotePort?: number } }
  const details: string[] = []
  if (err.code && !err.message.includes(err.code)) details.push(err.code)
  if (err.address && !err.message.includes(err.address)) details.push(err.port ? `${err.address}:${err.port}` : err.address)
  const s = err.socket
  if (s?.remoteAddress) details.push(`${s.localAddress}:${s.localPort} → ${s.remoteAddress}:${s.remotePort}`)
  return details.length ? `${err.message} (${details.join(", ")})` : err.message
}
