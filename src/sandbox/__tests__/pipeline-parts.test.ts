import { createServer, type IncomingMessage } from "node:http"
import { connect, type AddressInfo } from "node:net"
import { BODY_TOKENS, compressBody, expandBody } from "../http/idempotency"
import { readHead } from "../http/request-head"
import type { EndpointAnswer } from "../endpoints/endpoint"
import { successJson } from "../http/success-json"

describe("successJson", () => {
  it.each<[string, EndpointAnswer]>([
    ["no data", { message: "ok" }],
    ["empty data", { message: "ok", data: {} }],
    ["only undefined fields", { message: "ok", data: { a: undefined } }],
    ["a charge", { message: "payment processed successfully", data: { card_id: "card_1", card_last_4: "4242", customer_id: 7, charge_id: "cha_1" } }],
    ["a list and escapes", { message: 'say "hi"\n\u2028', data: { data: [{ a: 1 }, { b: "x" }], none: null } }],
  ])("%s: what JSON.stringify of the merged object writes", (_, answer) => {
    expect(successJson(answer)).toBe(JSON.stringify([{ status: true, message: answer.message, ...(answer.data ?? {}) }]))
    expect(JSON.parse(successJson(answer))[0].status).toBe(true)
  })

  it("keeps status and message first even before integer-like keys (no endpoint has one; a merged object would put them first)", () => {
    expect(successJson({ message: "m", data: { b: 1, 2: "two", 1: "one" } })).toBe('[{"status":true,"message":"m","1":"one","2":"two","b":1}]')
  })
})

describe("readHead", () => {
  /** Sends `head` as a raw request to a real node server; answers what readHead read and what req.headers holds. */
  async function readBoth(head: string): Promise<{ read: ReturnType<typeof readHead>; headers: IncomingMessage["headers"] }> {
    let seen: { read: ReturnType<typeof readHead>; headers: IncomingMessage["headers"] } | undefined
    const server = createServer((req, res) => {
      const read = readHead(req) // before req.headers is built
      seen = { read, headers: req.headers }
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    try {
      await new Promise<void>((resolve, reject) => {
        const socket = connect((server.address() as AddressInfo).port, "127.0.0.1", () => socket.end(`POST /x HTTP/1.1\r\nHost: a\r\n${head}Content-Length: 0\r\nConnection: close\r\n\r\n`))
        socket.on("data", () => undefined)
        socket.on("close", () => resolve())
        socket.on("error", reject)
      })
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
    if (!seen) throw new Error("the server saw no request")
    return seen
  }

  it.each([
    ["none", ""],
    ["each once", "X-Api-Key: k\r\nX-Api-Secret: s\r\nIdempotency-Key: i\r\nContent-Type: application/json\r\n"],
    ["any case", "x-API-key: k\r\nX-API-SECRET: s\r\nidempotency-KEY: i\r\ncontent-TYPE: text/plain\r\n"],
    ["repeated", "X-Api-Key: k1\r\nX-Api-Key: k2\r\nIdempotency-Key: a\r\nidempotency-key: b\r\nContent-Type: one\r\nContent-Type: two\r\nX-Api-Secret: s\r\n"],
    ["look-alikes of the same length", "X-Api-Kez: k\r\nContent-Typo: t\r\nIdempotency-Kez: i\r\nX-Api-Secrex: s\r\n"],
    ["empty values", "X-Api-Key:\r\nIdempotency-Key: \r\n"],
  ])("%s: the values req.headers holds", async (_, head) => {
    const { read, headers } = await readBoth(head)
    expect(read).toEqual({
      apiKey: headers["x-api-key"],
      apiSecret: headers["x-api-secret"],
      idempotencyKey: headers["idempotency-key"],
      contentType: headers["content-type"],
    })
  })

  it("a repeated key joins with a comma, and the first Content-Type wins, as node does", async () => {
    const { read } = await readBoth("X-Api-Key: k1\r\nX-Api-Key: k2\r\nContent-Type: one\r\nContent-Type: two\r\n")
    expect(read.apiKey).toBe("k1, k2")
    expect(read.contentType).toBe("one")
  })
})

describe("the packed answer bodies", () => {
  /** What the scan replaced: a global regex of the tokens as alternatives, in list order. */
  const byRegex = (text: string) => {
    const pattern = new RegExp(BODY_TOKENS.map((t) => t.replace(/[[\]{}()*+?.^$|\\]/g, "\\$&")).join("|"), "g")
    return text.replace(pattern, (token) => String.fromCharCode(BODY_TOKENS.indexOf(token) + 1))
  }

  it("replace each token as the regex of alternatives did, and expand back to the same text", () => {
    // Random texts of tokens, their prefixes and overlaps, and other characters: deterministic, so a failure reproduces.
    let seed = 7
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n)
    const pieces = [...BODY_TOKENS, ...BODY_TOKENS.map((t) => t.slice(0, -1)), ...BODY_TOKENS.map((t) => t.slice(1)), '"', ",", "}", "]", "[", "é", "✓", "x", "4242"]
    for (let n = 0; n < 3000; n++) {
      let text = ""
      for (let k = random(12); k >= 0; k--) text += pieces[random(pieces.length)]
      expect(compressBody(text)).toBe(byRegex(text))
      expect(expandBody(compressBody(text))).toBe(text)
    }
  })

  it("shrink a charge's answer", () => {
    const body = successJson({ message: "payment processed successfully", data: { card_id: "card_0123456789abcd", card_last_4: "4242", charge_id: "cha_0123456789abce" } })
    expect(compressBody(body).length).toBeLessThan(body.length / 2)
    expect(expandBody(compressBody(body))).toBe(body)
  })
})
