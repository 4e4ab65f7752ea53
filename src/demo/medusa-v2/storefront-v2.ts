import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { PACKAGE_ROOT } from "../stack/package-root"
import type { SeededStore } from "./v2-store"

export interface StorefrontV2 {
  url: string
  close(): Promise<void>
}

const PUBLIC_DIR = path.join(PACKAGE_ROOT, "src", "demo", "medusa-v2", "public")
const FILES: Record<string, string> = { "/": "index.html", "/index.html": "index.html", "/checkout.js": "checkout.js" }
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" }
// Only what the store API needs goes through: no cookies.
const FORWARDED_HEADERS = ["content-type", "authorization", "x-publishable-api-key"]

/**
 * The 2.x demo's checkout page: a static page, its settings, and a
 * same-origin pass-through to Medusa 2.x's store API (so the page needs no
 * CORS setup). The page speaks the 2.x store API, hence its own page and
 * server rather than the v1 demo's.
 */
export function startStorefrontV2(options: { port: number; medusaUrl: string; seeded: SeededStore }): Promise<StorefrontV2> {
  const settings = JSON.stringify({
    regionId: options.seeded.usd_region_id,
    variantId: options.seeded.variant_id,
    shippingOptionId: options.seeded.shipping_option_id,
    publishableKey: options.seeded.publishable_key,
  })
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost")
    if (url.pathname.startsWith("/store/")) return proxy(req, res, options.medusaUrl + url.pathname + url.search)
    if (url.pathname === "/settings.json") return send(res, 200, "application/json", settings)
    const file = FILES[url.pathname]
    if (!file || req.method !== "GET") return send(res, 404, "text/plain", "not found")
    send(res, 200, TYPES[path.extname(file)], fs.readFileSync(path.join(PUBLIC_DIR, file)))
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
