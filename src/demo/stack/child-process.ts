import { ChildProcess } from "node:child_process"

/** Waits for a condition, giving up early when `abort` says waiting is pointless (the child died). */
export async function waitFor(
  ready: () => Promise<boolean> | boolean,
  options: { what: string; timeoutMs?: number; intervalMs?: number; abort?: () => string | null }
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000)
  for (;;) {
    const dead = options.abort?.()
    if (dead) throw new Error(dead)
    let ok = false
    try {
      ok = await ready()
    } catch {
      ok = false
    }
    if (ok) return
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${options.what}`)
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100))
  }
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null
}

export function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (hasExited(child)) return resolve(true)
    const timer = setTimeout(() => resolve(false), ms)
    child.once("exit", () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

/**
 * Stops a child started with `detached: true` (its own process group) and
 * everything it spawned: the signal first, then SIGKILL if it lingers.
 */
export async function stopGroup(child: ChildProcess, signal: NodeJS.Signals, graceMs = 15_000): Promise<void> {
  if (hasExited(child)) return
  signalGroup(child, signal)
  if (!(await waitExit(child, graceMs))) {
    signalGroup(child, "SIGKILL")
    await waitExit(child, 5_000)
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-(child.pid as number), signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      // already gone
    }
  }
}
