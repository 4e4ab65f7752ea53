import { ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { PACKAGE_ROOT } from "./package-root"
import { ChildRecord, reapProcesses } from "./reap-processes"
import { StartupError } from "./startup-error"

/** What a stack's parts tell about the processes they start. */
export interface ChildWatcher {
  /** Records a child right after it is spawned; `match` defaults to its script or binary. */
  watch(child: ChildProcess, how: { name: string; group: boolean; signal?: NodeJS.Signals; match?: string }): void
}

/** The record file's content: the stack's own pid and what it runs. */
export interface RecordFile {
  owner: number
  ownerCommand: string
  /** The reaper's own pid. */
  reaper?: number
  children: ChildRecord[]
}

/**
 * Nothing a stack starts outlives it. Each child is recorded twice: with a
 * reaper process (reaper-process.ts), which stops the children when the
 * stack's process ends, even by SIGKILL; and in a record file, which the
 * next start reads to stop what is left if the reaper was killed too
 * (leftovers.ts).
 */
export class Reaper implements ChildWatcher {
  private readonly children = new Map<number, ChildRecord>()

  private constructor(private readonly process_: ChildProcess, readonly recordFile: string) {}

  static start(recordFile: string): Reaper {
    const script = path.join(PACKAGE_ROOT, "dist", "demo", "stack", "reaper-process.js")
    if (!fs.existsSync(script)) throw new StartupError(`${path.relative(PACKAGE_ROOT, script)} is missing`, "run `npm run build` first")
    // Its own process group, so that a Ctrl-C or a hang-up meant for the stack does not stop it first.
    const child = spawn(process.execPath, [script, recordFile], { detached: true, stdio: ["ignore", "ignore", "ignore", "ipc"] })
    child.unref()
    ;(child as unknown as { channel?: { unref(): void } }).channel?.unref()
    const reaper = new Reaper(child, recordFile)
    reaper.save()
    return reaper
  }

  watch(child: ChildProcess, how: { name: string; group: boolean; signal?: NodeJS.Signals; match?: string }): void {
    if (child.pid === undefined) return
    const record: ChildRecord = { pid: child.pid, name: how.name, group: how.group, signal: how.signal ?? "SIGTERM", match: how.match ?? child.spawnargs.slice(0, 2).join(" ") }
    this.children.set(record.pid, record)
    this.send({ watch: record })
    this.save()
    child.once("exit", () => this.forget(record.pid))
  }

  private forget(pid: number): void {
    this.children.delete(pid)
    this.send({ forget: pid })
    this.save()
  }

  /** Stops the children still running (a build interrupted by a failed start), as the reaper would. */
  async stopRemaining(): Promise<string[]> {
    return reapProcesses([...this.children.values()], 5_000)
  }

  /** After a clean stop: the reaper exits with nothing to do once this process ends; the record file goes now. */
  close(): void {
    fs.rmSync(this.recordFile, { force: true })
    if (this.process_.connected) this.process_.disconnect()
  }

  private send(message: unknown): void {
    try {
      if (this.process_.connected) this.process_.send(message as never)
    } catch {
      // The reaper is gone; the record file still tells the next start.
    }
  }

  private save(): void {
    const content: RecordFile = { owner: process.pid, ownerCommand: process.argv.slice(0, 2).join(" "), reaper: this.process_.pid, children: [...this.children.values()] }
    fs.mkdirSync(path.dirname(this.recordFile), { recursive: true })
    fs.writeFileSync(this.recordFile, JSON.stringify(content, null, 2))
  }
}
