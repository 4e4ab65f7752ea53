import http from "node:http"
import https from "node:https"
import { RequestDeadlines } from "./request-deadlines"

/** What came back: the status, the headers Node parsed, the body as text. */
export interface TransportResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
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
  private readonly deadlines = new RequestDeadlines()

  constructor(baseUrl: string) {
    const url = new URL(baseUrl.replace(/\/+$/, "") + "/")
    const secure = url.protocol === "https:"
    this.send = secure ? https.request : http.request
    this.agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true })
    // URL keeps an IPv6 host in brackets; http.request wants it bare.
    this.hostname = url.hostname.replace(/^\[|\]$/g, "")
    this.port = url.port ? Number(url.port) : undefined
    this.prefix = url.pathname
  }

  post(path: string, body: string, headers: http.OutgoingHttpHeaders, timeoutMs: number): Promise<TransportResponse> {
    return new Promise((resolve, reject) => {
      let settled = false
      const fail = (error: unknown) => {
        if (settled) return
        settled = true
        deadline.cancel()
        reject(asFailure(error))
      }
      const req = this.send(
        { hostname: this.hostname, port: this.port, path: this.prefix + path, method: "POST", agent: this.agent, headers },
        (res) => {
          res.setEncoding("utf8")
          let text = ""
          res.on("data", (chunk: string) => {
            text += chunk
          })
          res.on("end", () => {
            if (settled) return
            // A body cut short ends without `complete`: the answer was lost on the way.
            if (!res.complete) return fail(new TransportFailure("ECONNRESET", "the connection closed before the whole answer came back"))
            settled = true
            deadline.cancel()
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text })
          })
          res.on("error", fail)
          res.on("aborted", () => fail(new TransportFailure("ECONNRESET", "the connection closed before the whole answer came back")))
        }
      )
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
