import { execFileSync } from "node:child_process"
import fs from "node:fs"

/** Whether a process with this pid exists (a zombie counts as gone). */
export function isAlive(pid: number): boolean {
  if (!exists(pid)) return false
  const stat = readProc(pid, "stat")
  return stat === undefined || !/^\d+ \(.*\) Z/.test(stat)
}

/** Whether a process group still has a member. */
export function groupAlive(pgid: number): boolean {
  return exists(-pgid)
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: it exists, owned by someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM"
  }
}

/**
 * The command line a process runs, to tell a process we started from an
 * unrelated one that reuses its pid: /proc on Linux, `ps` elsewhere;
 * undefined when it cannot be read.
 */
export function commandLine(pid: number): string | undefined {
  const cmdline = readProc(pid, "cmdline")
  if (cmdline !== undefined) return cmdline.split("\0").join(" ").trim()
  try {
    return execFileSync("ps", ["-o", "args=", "-p", String(pid)], { stdio: "pipe" }).toString().trim() || undefined
  } catch {
    return undefined
  }
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, "utf8")
  } catch {
    return undefined
  }
}

/** Signals a process group (or one process), ignoring one already gone. */
export function signal(pid: number, sig: NodeJS.Signals, group: boolean): void {
  try {
    process.kill(group ? -pid : pid, sig)
  } catch {
    // already gone
  }
}
