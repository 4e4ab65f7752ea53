import { spawn } from "node:child_process"
import fs from "node:fs"
import { ChildWatcher } from "./reaper"
import { StartupError } from "./startup-error"

export interface RunToolOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  uid?: number
  gid?: number
  /** Its output goes here. */
  logFile: string
  /** For messages: "initdb", "the admin build", … */
  what: string
  watcher?: ChildWatcher
}

/**
 * Runs a program to completion, asynchronously: the event loop keeps
 * running, so a kept-alive connection never sits unread (see seed-store.ts).
 * It runs in its own process group, recorded with the watcher, so that
 * nothing it spawned outlives the stack. Fails with a StartupError that
 * names the log file.
 */
export function runTool(file: string, args: string[], options: RunToolOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(options.logFile, "a")
    if (options.uid !== undefined) fs.fchownSync(log, options.uid, options.gid as number)
    const child = spawn(file, args, { cwd: options.cwd, env: options.env, uid: options.uid, gid: options.gid, detached: true, stdio: ["ignore", log, log] })
    fs.closeSync(log)
    options.watcher?.watch(child, { name: options.what, group: true })
    child.once("error", (e) => reject(new StartupError(`${options.what} could not be started: ${e.message}`, `see ${options.logFile}`)))
    child.once("exit", (code, sig) => (code === 0 ? resolve() : reject(new StartupError(`${options.what} failed (exit ${code ?? sig})`, `see ${options.logFile}`))))
  })
}
