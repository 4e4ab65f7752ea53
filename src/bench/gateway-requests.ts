import { randomUUID } from "node:crypto"
import { Agent, request } from "node:http"

/**
 * The money cycle's requests, byte for byte as the plugin's client sends
 * them (form-encoded, its headers, a fresh Idempotency-Key each), over bare
 * node:http on a keep-alive agent: the generator should cost as little as
 * possible, and the same for every server it drives.
 */
export const TEST_KEYS = { apiKey: "im_test_key", apiSecret: "im_test_secret" }

const YEAR = new Date().getUTCFullYear() + 3
export const BENCH_CARD = { cardholder_name: "Jim Doe", card_number: "4242424242424242", exp_month: 12, exp_year: YEAR, cvc: "123" }
export const BENCH_SHOPPER = { name: "Jim Doe", email: "jim@example.com", address: "1 Main St", city: "Nashville", zip: "37251", state: "TN", country: "US" }

export interface GatewayTarget {
  /** http://host:port/api/v2 */
  apiBaseUrl: string
  agent: Agent
}

export function keepAliveAgent(sockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: sockets })
}

export function form(params: Record<string, string | number>): string {
  return Object.entries(params)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join("&")
}

export function chargeBody(n: number, paymentMode: "auth_only" | "auth_and_capture" = "auth_only"): string {
  return form({ ...BENCH_SHOPPER, ...BENCH_CARD, description: `bench ${n}`, amount: 1000 + (n % 1000), payment_mode: paymentMode })
}

/** POSTs one gateway request and answers the single object of its JSON array. */
export function postGateway(target: GatewayTarget, path: string, body: string, idempotencyKey: string = randomUUID()): Promise<{ status: number; answer: Record<string, any>; replayed: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${target.apiBaseUrl}/${path}`,
      {
        method: "POST",
        agent: target.agent,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json",
          "User-Agent": "medusa-payment-instantmerchant",
          "X-Api-Key": TEST_KEYS.apiKey,
          "X-Api-Secret": TEST_KEYS.apiSecret,
          "Idempotency-Key": idempotencyKey,
          "Content-Length": Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on("data", (chunk: Buffer) => chunks.push(chunk))
        res.on("end", () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"))
            resolve({ status: res.statusCode ?? 0, answer: parsed[0], replayed: res.headers["idempotent-replayed"] === "true" })
          } catch (error) {
            reject(error)
          }
        })
        res.on("error", reject)
      },
    )
    req.on("error", reject)
    req.end(body)
  })
}

/** Auth-only charge, capture, partial refund: the three requests every card payment makes. */
export async function moneyCycle(target: GatewayTarget, n: number): Promise<void> {
  const charged = await postGateway(target, "charge", chargeBody(n))
  if (charged.status !== 200) throw new Error(`charge answered ${charged.status}: ${JSON.stringify(charged.answer)}`)
  const chargeId = String(charged.answer.charge_id)
  const captured = await postGateway(target, "capture", form({ charge_id: chargeId }))
  if (captured.status !== 200) throw new Error(`capture answered ${captured.status}: ${JSON.stringify(captured.answer)}`)
  const refunded = await postGateway(target, "refund", form({ charge_id: chargeId, amount: 300 }))
  if (refunded.status !== 200) throw new Error(`refund answered ${refunded.status}: ${JSON.stringify(refunded.answer)}`)
}

/** `count` jobs over `workers` closed loops: each worker starts its next job when its last one is answered. */
export async function closedLoop(count: number, workers: number, job: (n: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < count) await job(next++)
    }),
  )
}
