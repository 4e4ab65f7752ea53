import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { PACKAGE_ROOT } from "../stack/package-root"

/** A running checkout page. */
export interface PageServer {
  url: string
  close(): Promise<void>
}

const FILES: Record<string, string> = { "/": "index.html", "/index.html": "index.html", "/checkout.js": "checkout.js" }
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" }
// Only what the store API needs goes through; no cookies, so nothing else leaks across.
const FORWARDED_HEADERS = ["content-type", "authorization", "x-publishable-api-key"]

/**
 * A demo's checkout page (v1's and 2.x's): the static page in `src/demo/<page>/public`,
 * its `settings` as `/settings.json`, and a same-origin pass-through of
 * `/store/*` to Medusa's store API, so that the page needs no CORS setup.
 */
export function startPageServer(options: { port: number; medusaUrl: string; page: "storefront" | "medusa-v2"; settings: object }): Promise<PageServer> {
  const settings = JSON.stringify(options.settings)
  const publicDir = path.join(PACKAGE_ROOT, "src", "demo", options.page, "public")
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost")
    if (url.pathname.startsWith("/store/")) return proxy(req, res, options.medusaUrl + url.pathname + url.search)
    if (url.pathname === "/settings.json") return send(res, 200, "application/json", settings)
    const file = FILES[url.pathname]
    if (!file || req.method !== "GET") return send(res, 404, "text/plain", "not found")
    send(res, 200, TYPES[path.extname(file)], fs.readFileSync(path.join(publicDir, file)))
  })
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port, "127.0.0.1", () => {
      const { port } = server.address() as { port: number }
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" })
  res.end(body)
}

function proxy(req: http.IncomingMessage, res: http.ServerResponse, target: string): void {
  const chunks: Buffer[] = []
  req.on("data", (c: Buffer) => chunks.push(c))
  req.on("end", async () => {
    try {
      const headers: Record<string, string> = {}
      for (const name of FORWARDED_HEADERS) {
        const value = req.headers[name]
        if (typeof value === "string") headers[name] = value
      }
      const hasBody = req.method !== "GET" && req.method !== "HEAD"
      const upstream = await fetch(target, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined })
      send(res, upstream.status, upstream.headers.get("content-type") ?? "application/json", Buffer.from(await upstream.arrayBuffer()))
    } catch {
      send(res, 502, "application/json", JSON.stringify({ message: "The store is not reachable" }))
    }
  })
}
