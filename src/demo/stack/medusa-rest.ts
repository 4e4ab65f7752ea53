import { describeError } from "./describe-error"

/** A request that got no answer: the connection failed. Its message names the request and the cause. */
export class MedusaUnreachable extends Error {
  constructor(readonly method: string, readonly url: string, cause: unknown) {
    super(`${method} ${url} got no answer: ${describeError(cause)}`, { cause })
    this.name = "MedusaUnreachable"
  }
}

/** A tiny JSON client for Medusa's REST API, for seeding and for the end-to-end suite. */
export interface RestAnswer<T = any> {
  status: number
  body: T
}

export class MedusaRest {
  readonly headers: Record<string, string> = {}

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RestAnswer<T>> {
    let res: Response
    try {
      res = await fetch(this.baseUrl + path, {
        method,
        headers: { "content-type": "application/json", ...this.headers, ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    } catch (e) {
      throw new MedusaUnreachable(method, this.baseUrl + path, e)
    }
    const text = await res.text()
    let json: unknown
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = text
    }
    return { status: res.status, body: json as T }
  }

  get<T = any>(path: string): Promise<RestAnswer<T>> {
    return this.request("GET", path)
  }

  post<T = any>(path: string, body: unknown = {}): Promise<RestAnswer<T>> {
    return this.request("POST", path, body)
  }

  /** The body of a 200 answer, or an error that shows what came back. */
  async must<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.request<T>(method, path, body)
    if (answer.status !== 200) throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`)
    return answer.body
  }
}
