/**
 * Test kit: talks to a real sandbox over HTTP with plain fetch, as any
 * client would. Not a client library on purpose: the sandbox is the oracle.
 */
import { startSandbox, type Sandbox } from "../start-sandbox"
import type { SandboxOptions } from "../sandbox-options"
import { TEST_CARDS } from "../cards/test-cards"

export const TEST_KEYS = { "X-Api-Key": "im_test_key", "X-Api-Secret": "im_test_secret" }

export type FormValue = string | number | boolean | Array<string | number>
export type FormParams = Record<string, FormValue | undefined>

export interface GatewayReply {
  status: number
  /** The single object inside the answer's JSON array. */
  body: any
  headers: Headers
  raw: string
}

export interface PostOptions {
  json?: boolean
  headers?: Record<string, string>
  keys?: Record<string, string> | null
  method?: string
}

/** PHP-style form encoding: arrays become `name[]=a&name[]=b`. */
export function formEncode(params: FormParams): string {
  const parts: string[] = []
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of value) parts.push(`${encodeURIComponent(`${name}[]`)}=${encodeURIComponent(String(item))}`)
    else parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
  }
  return parts.join("&")
}

export async function post(sandbox: Sandbox, path: string, params: FormParams = {}, options: PostOptions = {}): Promise<GatewayReply> {
  const headers: Record<string, string> = { ...(options.keys === null ? {} : options.keys ?? TEST_KEYS), ...options.headers }
  let body: string
  if (options.json) {
    headers["Content-Type"] = "application/json"
    body = JSON.stringify(params)
  } else {
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    body = formEncode(params)
  }
  const method = options.method ?? "POST"
  const res = await fetch(`${sandbox.apiBaseUrl}/${path}`, { method, headers, body: method === "GET" ? undefined : body })
  const raw = await res.text()
  const parsed = JSON.parse(raw)
  if (!Array.isArray(parsed) || parsed.length !== 1) throw new Error(`answer is not a one-element array: ${raw}`)
  return { status: res.status, body: parsed[0], headers: res.headers, raw }
}

/** A control call as tests and curl make them: a POST always says application/json, even without a body. */
export async function control(sandbox: Sandbox, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sandbox.url}/_sandbox/${path}`, {
    method,
    headers: { ...(body !== undefined || method === "POST" ? { "Content-Type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: await res.json() }
}

/** A card that stays valid: expiry three years after sandbox time. */
export function cardDetails(number: string = TEST_CARDS.visa): FormParams {
  return { cardholder_name: "Jim", card_number: number, exp_month: "12", exp_year: String(new Date().getUTCFullYear() + 3), cvc: "123" }
}

export const SHOPPER = { name: "Jim", email: "jim@example.com", address: "1 Main St", city: "Nashville", zip: "37251", state: "TN", country: "US" }

export function chargeParams(extra: FormParams = {}): FormParams {
  return { ...SHOPPER, description: "first payment", amount: 1000, ...cardDetails(), ...extra }
}

export function customerParams(extra: FormParams = {}): FormParams {
  return { ...SHOPPER, username: `jim${Math.random().toString(16).slice(2, 8)}`, ...extra }
}

/** Starts a sandbox for one test file; reset between tests keeps them independent. */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
  let sandbox: Sandbox | undefined
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, ...options })
  })
  afterEach(() => sandbox?.controls.reset())
  afterAll(async () => {
    await sandbox?.close()
  })
  return () => {
    if (!sandbox) throw new Error("sandbox not started")
    return sandbox
  }
}

/** Creates a customer over HTTP and answers its id. */
export async function createCustomer(sandbox: Sandbox, extra: FormParams = {}): Promise<number> {
  const reply = await post(sandbox, "customer", customerParams(extra))
  if (reply.status !== 200) throw new Error(`customer create failed: ${reply.raw}`)
  return reply.body.customer_id
}

/** Stores a card on a customer over HTTP and answers its id. */
export async function createCard(sandbox: Sandbox, customer: number, number: string = TEST_CARDS.visa, extra: FormParams = {}): Promise<string> {
  const reply = await post(sandbox, "card", { customer, ...cardDetails(number), ...extra })
  if (reply.status !== 200) throw new Error(`card create failed: ${reply.raw}`)
  return reply.body.card_id
}

export function expectError(reply: GatewayReply, status: number, code: string, param?: string): void {
  expect({ status: reply.status, ok: reply.body.status, code: reply.body.code, param: reply.body.param }).toEqual({
    status,
    ok: false,
    code,
    param,
  })
  expect(typeof reply.body.message).toBe("string")
  if (param) expect(reply.body.message.startsWith(`${param}:`)).toBe(true)
}
