import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo, Socket } from "node:net"
import { ApiPipeline } from "./http/api-pipeline"
import { Clock } from "./clock"
import { isLoopbackHost } from "./controls/control-guard"
import { CONTROLS_PREFIX, createControlRoutes, handleControlRequest } from "./controls/control-routes"
import { DataStore } from "./store/data-store"
import { Environments } from "./environments"
import { Faults } from "./faults/faults"
import { API_PREFIX } from "./endpoints/routes"
import { sendInternalError } from "./http/http-io"
import { RequestLog } from "./http/request-log"
import { createSandboxControls, type SandboxControls } from "./controls/controls"
import { resolveSandboxOptions, type SandboxOptions } from "./sandbox-options"
import type { EnvironmentName } from "./store/state"

export interface Sandbox {
  /** http://host:port */
  url: string
  /** url + "/api/v2": the client's base URL. */
  apiBaseUrl: string
  /** Which environments have a key pair. */
  environments: EnvironmentName[]
  /** Stops listening and destroys open sockets, hung ones included; writes the data file if a change is not in it yet. */
  close(): Promise<void>
  /** Writes the data file now if a change is not in it yet (it is written behind the requests, at most every 100 ms). */
  flush(): void
  controls: SandboxControls
}

/** Starts the sandbox in this process. Rejects (with `code: "EADDRINUSE"`) when the port is taken. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const resolved = resolveSandboxOptions(options)
  const clock = new Clock()
  const store = new DataStore(clock, resolved.dataFile)
  const faults = new Faults()
  const log = new RequestLog()
  const environments = new Environments(resolved.pairs, resolved.allowIps)
  const closing = new AbortController()
  const controls = createSandboxControls({ store, clock, faults, log, environments })
  const api = new ApiPipeline({ store, clock, faults, log, environments, closing: closing.signal })
  const controlRoutes = createControlRoutes(controls)
  let ownPort = 0

  // Synchronous up to the body: an API request makes no promise of its own (see ApiPipeline.handle).
  const route = (req: IncomingMessage, res: ServerResponse): void => {
    const path = pathOf(req.url ?? "/")
    const isControl = path === CONTROLS_PREFIX || path.startsWith(`${CONTROLS_PREFIX}/`)
    if (!isControl || !resolved.controls) return api.handle(req, res, path)
    handleControlRequest(controlRoutes, req, res, new URL(req.url ?? "/", "http://sandbox.invalid"), ownPort).catch((error: unknown) => sendInternalError(res, error))
  }
  const server = createServer((req, res) => {
    try {
      route(req, res)
    } catch (error) {
      sendInternalError(res, error)
    }
  })
  const sockets = trackSockets(server)
  await listen(server, resolved.port, resolved.host)

  const { port } = server.address() as AddressInfo
  ownPort = port
  const warning = exposureWarning(resolved.host, port, resolved.controls)
  if (warning) process.stderr.write(`${warning}\n`)
  const url = `http://${hostForUrl(resolved.host)}:${port}`
  return {
    url,
    apiBaseUrl: `${url}${API_PREFIX}`,
    environments: (Object.keys(resolved.pairs) as EnvironmentName[]),
    controls,
    flush: () => store.flush(),
    close: () => {
      closing.abort()
      for (const socket of sockets) socket.destroy()
      return new Promise<void>((resolve) => server.close(() => resolve())).then(() => store.flush())
    },
  }
}

/**
 * Bound beyond loopback, anyone who can reach the port can use the published
 * test key pair and, with controls on, reset the data or lift the allowlist.
 * Said once, at start, on stderr (the ready line stays on stdout).
 */
export function exposureWarning(host: string, port: number, controls: boolean): string | null {
  if (isLoopbackHost(host)) return null
  const what = controls ? "the API and the unauthenticated /_sandbox/ controls" : "the API"
  return `WARNING: instantmerchant-sandbox is bound to ${host}:${port}, beyond loopback: ${what} can be reached from other machines. Bind 127.0.0.1 (the default) unless that is what you want${controls ? ", and pass --no-controls if it is" : ""}.`
}

/**
 * The path of a request target, as new URL() would give it, without building
 * a URL for every API request: only targets with a query, a fragment, an
 * escape or a dot segment take the slow way.
 */
function pathOf(target: string): string {
  if (target.startsWith("/") && !/[?#%\\]|\/\.|^\/\//.test(target)) return target
  return new URL(target, "http://sandbox.invalid").pathname
}

function trackSockets(server: ReturnType<typeof createServer>): Set<Socket> {
  const sockets = new Set<Socket>()
  server.on("connection", (socket) => {
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })
  return sockets
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, host, () => {
      server.off("error", reject)
      resolve()
    })
  })
}

function hostForUrl(host: string): string {
  return host.includes(":") ? `[${host}]` : host
}
