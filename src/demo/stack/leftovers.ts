import fs from "node:fs"
import path from "node:path"
import { commandLine, isAlive } from "./process-info"
import { reapProcesses } from "./reap-processes"
import { RecordFile } from "./reaper"
import { StartupError } from "./startup-error"

export const RECORD_FILE = "processes.json"

/**
 * What an earlier stack in `workDir` left running, stopped before this one
 * starts: its reaper stops everything when the stack's process dies, but the
 * reaper can be killed too (`kill -9` of both, a machine's OOM killer).
 * A stack still running from the same folder is an error, not a leftover.
 * Returns what was stopped.
 */
export async function cleanLeftovers(workDir: string): Promise<string[]> {
  const file = path.join(workDir, RECORD_FILE)
  const record = read(file)
  if (!record) return []
  if (record.owner !== process.pid && ownerRuns(record)) {
    throw new StartupError(`another stack (pid ${record.owner}) is running from ${workDir}`, `stop it first (Ctrl-C in its terminal, or \`kill ${record.owner}\`)`)
  }
  const stopped = await reapProcesses(record.children)
  fs.rmSync(file, { force: true })
  return stopped
}

/** The same for each folder under `parent` (the end-to-end runs' .e2e/run-*), skipping stacks still running. */
export async function cleanLeftoversUnder(parent: string): Promise<string[]> {
  if (!fs.existsSync(parent)) return []
  const stopped: string[] = []
  for (const name of fs.readdirSync(parent)) {
    const dir = path.join(parent, name)
    const record = read(path.join(dir, RECORD_FILE))
    if (!record || ownerRuns(record)) continue
    stopped.push(...(await cleanLeftovers(dir)))
  }
  return stopped
}

function ownerRuns(record: RecordFile): boolean {
  if (!isAlive(record.owner)) return false
  const script = record.ownerCommand.split(" ")[1] ?? record.ownerCommand
  return commandLine(record.owner)?.includes(script) ?? true
}

function read(file: string): RecordFile | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as RecordFile
  } catch {
    return undefined
  }
}
