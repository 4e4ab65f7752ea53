import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { stopGroup, waitFor } from "./child-process"
import { ChildWatcher } from "./reaper"

export interface RedisServer {
  url: string
  stop(): Promise<void>
}

/** Whether the machine has `redis-server`. */
export function hasRedisServer(): boolean {
  return spawnSync("redis-server", ["--version"]).status === 0
}

/** A throwaway Redis on loopback, no persistence. */
export async function startRedisServer(dir: string, port: number, watcher?: ChildWatcher): Promise<RedisServer> {
  fs.mkdirSync(dir, { recursive: true })
  const log = fs.openSync(path.join(dir, "redis.log"), "a")
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], {
    detached: true,
    stdio: ["ignore", log, log],
  })
  fs.closeSync(log)
  // redis-server renames its process to "redis-server 127.0.0.1:<port>".
  watcher?.watch(child, { name: "redis", group: true, match: `:${port}` })
  let died: string | null = null
  child.once("exit", (code) => (died = `redis-server exited (code ${code}); see ${path.join(dir, "redis.log")}`))
  await waitFor(() => canConnect(port), { what: "Redis", timeoutMs: 15_000, abort: () => died })
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopGroup(child, "SIGTERM") }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1")
    socket.once("connect", () => {
      socket.end()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })
}
