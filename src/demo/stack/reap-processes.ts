import { commandLine, groupAlive, isAlive, signal } from "./process-info"

/** A process the stack started, as recorded for whoever has to stop it if the stack cannot. */
export interface ChildRecord {
  pid: number
  /** For messages: "postgres", "medusa", … */
  name: string
  /** Started in its own process group (detached): the whole group is signalled. */
  group: boolean
  /** The signal that stops it cleanly; SIGKILL follows if it lingers. */
  signal: NodeJS.Signals
  /** A part of its command line, so that a reused pid is never signalled. */
  match: string
}

const alive = (r: ChildRecord) => (r.group ? groupAlive(r.pid) : isAlive(r.pid))

/** Whether the pid still runs what was recorded (a dead leader with a live group counts). */
export function stillOurs(r: ChildRecord): boolean {
  if (isAlive(r.pid)) return commandLine(r.pid)?.includes(r.match) ?? true
  return r.group && groupAlive(r.pid)
}

/**
 * Stops what is left of the recorded processes: their own signal first, then
 * SIGKILL after `graceMs`. Returns the names of those that were running.
 */
export async function reapProcesses(records: ChildRecord[], graceMs = 10_000): Promise<string[]> {
  const ours = records.filter(stillOurs)
  for (const r of ours) signal(r.pid, r.signal, r.group)
  const deadline = Date.now() + graceMs
  while (ours.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
  for (const r of ours.filter(alive)) signal(r.pid, "SIGKILL", r.group)
  return ours.map((r) => `${r.name} (pid ${r.pid})`)
}
