import { fork, type ChildProcess } from "node:child_process"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import type { ParentMessage, ServerMessage } from "./bench-server"

/** A server under test in a child process, and what it reports of itself. */
export interface ServerProcess {
  url: string
  apiBaseUrl: string
  pid: number
  /** CPU microseconds the process has used so far (all its threads). */
  cpuMicros(): Promise<number>
  /** Resident set size in bytes, after a full GC where the process allows one. */
  rssAfterGc(): Promise<number>
  /** The V8 heap in use, in bytes, after a full GC (NaN for the peer). */
  heapAfterGc(): Promise<number>
  stop(): Promise<void>
}

/** `bench-server.js` in this folder: the sandbox (from `sandboxDist`), the floor, or the peer (`sandboxDist` is then its install prefix). */
export async function startBenchServer(kind: "sandbox" | "floor" | "peer", sandboxDist?: string, dataFile?: string): Promise<ServerProcess> {
  const child = fork(join(__dirname, "bench-server.js"), [kind, sandboxDist ?? "", dataFile ?? ""], {
    execArgv: ["--expose-gc"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  })
  const ready = await nextMessage(child, "ready")
  if (ready.kind !== "ready") throw new Error("unreachable")
  return {
    url: ready.url,
    apiBaseUrl: ready.apiBaseUrl,
    pid: child.pid!,
    async cpuMicros() {
      const usage = await ask(child, { kind: "usage" }, "usage")
      return usage.kind === "usage" ? usage.cpuMicros : NaN
    },
    async rssAfterGc() {
      await ask(child, { kind: "gc" }, "gc-done")
      const usage = await ask(child, { kind: "usage" }, "usage")
      return usage.kind === "usage" ? usage.rssBytes : NaN
    },
    async heapAfterGc() {
      await ask(child, { kind: "gc" }, "gc-done")
      const usage = await ask(child, { kind: "usage" }, "usage")
      return usage.kind === "usage" ? usage.heapUsedBytes : NaN
    },
    stop: () => stopChild(child),
  }
}

/**
 * A server we do not control (the peer): its CPU from /proc/<pid>/stat,
 * which counts in clock ticks (10 ms), so rounds must be long enough.
 */
export function procCpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  // Fields 14 and 15 of the whole line (utime, stime) are 12 and 13 after the name.
  const ticks = Number(fields[11]) + Number(fields[12])
  return (ticks * 1_000_000) / CLOCK_TICKS_PER_SECOND
}

export function procRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)
  return kb ? Number(kb[1]) * 1024 : NaN
}

/** USER_HZ is 100 on every Linux build we run on. */
const CLOCK_TICKS_PER_SECOND = 100

function ask(child: ChildProcess, message: ParentMessage, answer: ServerMessage["kind"]): Promise<ServerMessage> {
  const reply = nextMessage(child, answer)
  child.send(message)
  return reply
}

function nextMessage(child: ChildProcess, kind: ServerMessage["kind"]): Promise<ServerMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerMessage) => {
      if (message.kind !== kind) return
      cleanup()
      resolve(message)
    }
    const onExit = (code: number | null) => {
      cleanup()
      reject(new Error(`bench server exited (${code}) before answering ${kind}`))
    }
    const cleanup = () => {
      child.off("message", onMessage)
      child.off("exit", onExit)
    }
    child.on("message", onMessage)
    child.on("exit", onExit)
  })
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once("exit", () => resolve())
    child.kill("SIGTERM")
  })
}
