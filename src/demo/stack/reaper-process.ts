/**
 * The reaper: a small process that outlives the demo or the test stack only
 * to stop what it started. The stack tells it, over the IPC channel, each
 * child it starts and each that has stopped. When the channel closes, as it
 * does when the stack's process ends in any way, SIGKILL included, it stops
 * the children still recorded, removes the record file, and exits.
 * Run as `node reaper-process.js <record file>` by reaper.ts.
 */
import fs from "node:fs"
import { ChildRecord, reapProcesses } from "./reap-processes"

type Message = { watch: ChildRecord } | { forget: number }

const recordFile = process.argv[2]
const parent = process.ppid
const children = new Map<number, ChildRecord>()
let reaping = false

process.on("message", (m: Message) => {
  if ("watch" in m) children.set(m.watch.pid, m.watch)
  else children.delete(m.forget)
})

async function reap(): Promise<void> {
  if (reaping) return
  reaping = true
  await reapProcesses([...children.values()])
  // The stack removes the file when it stops cleanly; after a hard kill it is ours to remove.
  if (recordFile && fs.existsSync(recordFile)) {
    try {
      const { owner } = JSON.parse(fs.readFileSync(recordFile, "utf8")) as { owner: number }
      if (owner === parent) fs.rmSync(recordFile, { force: true })
    } catch {
      // unreadable: the next start reads what it can
    }
  }
  process.exit(0)
}

process.on("disconnect", () => void reap())
// Belt and braces: a parent that is gone makes this process an orphan.
setInterval(() => process.ppid !== parent && void reap(), 1000)
// The stack's Ctrl-C or terminal hang-up reaches this process's group only if it shares one; it never should.
for (const s of ["SIGINT", "SIGHUP", "SIGTERM"] as const) process.on(s, () => void reap())
