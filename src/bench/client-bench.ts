import { randomUUID } from "node:crypto"
import { Agent, request, type OutgoingHttpHeaders } from "node:http"
import { performance } from "node:perf_hooks"
import { InstantMerchantClient } from "../client"
import { formEncode } from "../client/form-encode"
import { BENCH_CARD, BENCH_SHOPPER, TEST_KEYS } from "./gateway-requests"
import type { ServerProcess } from "./server-process"
import { median } from "./stats"

/**
 * Median latency of one charge through the plugin's client, over the median
 * of the same request by bare `http.request` on a keep-alive agent: what the
 * client adds. Sequential and alternating one by one, so both see the same
 * state size and the same neighbours, and only the client's own work differs.
 *
 * Fair on both sides: the same agent settings as the client's, the same
 * headers in the same order, the body byte for byte what the client sends
 * (encoded once here: encoding is part of what the client adds), a fresh
 * Idempotency-Key for each, and the bare request given its host and path
 * as options rather than a URL to parse on every call.
 */
export async function clientOverhead(sandbox: ServerProcess, rounds: number, perRound: number): Promise<{ clientMs: number; bareMs: number; ratio: number }> {
  const client = new InstantMerchantClient({ ...TEST_KEYS, baseUrl: sandbox.apiBaseUrl, maxRetries: 0 })
  const params = { ...BENCH_SHOPPER, ...BENCH_CARD, description: "bench overhead", amount: 1000, payment_mode: "auth_only" as const }
  const bare = bareCharge(sandbox.apiBaseUrl, formEncode(params))
  const viaClient: number[] = []
  const viaBare: number[] = []
  const timeOne = async (samples: number[], send: () => Promise<unknown>) => {
    const t = performance.now()
    await send()
    samples.push(performance.now() - t)
  }
  for (let i = 0; i < 50; i++) {
    await client.charges.create(params)
    await bare(randomUUID())
  }
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < perRound; i++) {
      await timeOne(viaClient, () => client.charges.create(params, { idempotencyKey: randomUUID() }))
      await timeOne(viaBare, () => bare(randomUUID()))
    }
  }
  const clientMs = median(viaClient)
  const bareMs = median(viaBare)
  return { clientMs, bareMs, ratio: clientMs / bareMs }
}

/** The least a charge can cost on the wire: one POST, its body read, the JSON parsed, its status checked. */
function bareCharge(apiBaseUrl: string, body: string): (idempotencyKey: string) => Promise<void> {
  const url = new URL(`${apiBaseUrl}/charge`)
  const agent = new Agent({ keepAlive: true })
  return (idempotencyKey) =>
    new Promise((resolve, reject) => {
      const headers: OutgoingHttpHeaders = {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/json",
        "User-Agent": "medusa-payment-instantmerchant",
        "X-Api-Key": TEST_KEYS.apiKey,
        "X-Api-Secret": TEST_KEYS.apiSecret,
        "Content-Length": Buffer.byteLength(body),
        "Idempotency-Key": idempotencyKey,
      }
      const req = request({ hostname: url.hostname, port: url.port, path: url.pathname, method: "POST", agent, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on("data", (chunk: Buffer) => chunks.push(chunk))
        res.on("end", () => {
          try {
            const [answer] = JSON.parse(Buffer.concat(chunks).toString("utf8"))
            if (res.statusCode !== 200 || answer.status !== true) throw new Error(`bare charge answered ${res.statusCode}`)
            resolve()
          } catch (error) {
            reject(error)
          }
        })
        res.on("error", reject)
      })
      req.on("error", reject)
      req.end(body)
    })
}
