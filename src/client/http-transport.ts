import http from "node:http"
import https from "node:https"
import { RequestDeadlines } from "./request-deadlines"

/** What came back: the status, Node's raw header list (name, value, name, value, ...), the body as text. */
export interface TransportResponse {
  status: number
  rawHeaders: readonly string[]
  body: string
}

/**
 * One header of an answer, by its lower-case name; undefined when absent.
 * Reading the raw list spares building `res.headers` (Node fills that object
 * lazily, lower-casing every name) for the two or three the client reads.
 */
export function headerOf(rawHeaders: readonly string[], lowerName: string): string | undefined {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) return rawHeaders[i + 1]
  }
  return undefined
}

/**
 * A failure before a whole answer came back. Holds a code and a message only:
 * never the request's options, headers (the secret) or body (the card).
 */
export class TransportFailure extends Error {
  constructor(readonly code: string | undefined, message: string) {
    super(message)
    this.name = "TransportFailure"
  }
}

/**
 * POSTs form bodies to one API root with `node:http`/`node:https` on a
 * keep-alive agent. It is what axios did for the client, minus what the
 * client never used (redirects, transforms, config merging, proxies from the
 * environment), which cost more per charge than the whole sandbox round trip.
 *
 * The headers every request carries (Host, the key pair, the content type)
 * are laid out once, as the flat list Node writes without re-validating each
 * through `setHeader` (a list is still checked once for line breaks and
 * illegal characters as it is written).
 *
 * `timeoutMs` is a deadline for the whole answer, not a socket idle timer: a
 * gateway that trickles bytes still times out. The deadlines share one timer
 * (see {@link RequestDeadlines}).
 */
export class HttpTransport {
  private readonly send: typeof http.request
  private readonly agent: http.Agent
  private readonly hostname: string
  private readonly port: number | undefined
  private readonly prefix: string
  private readonly fixedHeaders: readonly string[]
  private readonly deadlines = new RequestDeadlines()

  /** `headers`: sent with every request, beside Host and Content-Length. */
  constructor(baseUrl: string, headers: Readonly<Record<string, string>>) {
    const url = new URL(baseUrl.replace(/\/+$/, "") + "/")
    const secure = url.protocol === "https:"
    this.send = secure ? https.request : http.request
    this.agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true })
    // URL keeps an IPv6 host in brackets; http.request wants it bare.
    this.hostname = url.hostname.replace(/^\[|\]$/g, "")
    this.port = url.port ? Number(url.port) : undefined
    this.prefix = url.pathname
    // `url.host` is what Node would send: brackets kept, a default port left out.
    this.fixedHeaders = ["Host", url.host, ...Object.entries(headers).flat()]
  }

  /** `extraHeaders`: a flat list of names and values for this request alone. */
  post(path: string, body: string, extraHeaders: readonly string[], timeoutMs: number): Promise<TransportResponse> {
    const headers = this.fixedHeaders.concat("Content-Length", String(Buffer.byteLength(body)), extraHeaders)
    return new Promise((resolve, reject) => {
      let settled = false
      const fail = (error: unknown) => {
        if (settled) return
        settled = true
        this.deadlines.cancel(deadline)
        reject(asFailure(error))
      }
      const req = this.send({ hostname: this.hostname, port: this.port, path: this.prefix + path, method: "POST", agent: this.agent, headers }, (res) => {
        // Buffers, decoded once at the end: an answer is nearly always one chunk.
        const chunks: Buffer[] = []
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk)
        })
        res.on("end", () => {
          if (settled) return
          // A body cut short ends without `complete`: the answer was lost on the way.
          if (!res.complete) return fail(new TransportFailure("ECONNRESET", "the connection closed before the whole answer came back"))
          settled = true
          this.deadlines.cancel(deadline)
          const text = chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8")
          resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, body: text })
        })
        res.on("error", fail)
        res.on("aborted", () => fail(new TransportFailure("ECONNRESET", "the connection closed before the whole answer came back")))
      })
      const deadline = this.deadlines.watch(timeoutMs, () => {
        const error = new TransportFailure("ECONNABORTED", `timeout of ${timeoutMs}ms exceeded`)
        fail(error)
        req.destroy(error)
      })
      req.on("error", fail)
      req.end(body)
    })
  }
}
/** Keeps the code and message of whatever Node threw, and nothing else. */
function asFailure(error: unknown): TransportFailure {
  if (error instanceof TransportFailure) return error
  const err = error as { code?: unknown; message?: unknown }
  return new TransportFailure(typeof err?.code === "string" ? err.code : undefined, typeof err?.message === "string" ? err.message : "request failed")
}
