import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { startSandbox, type Sandbox } from "../start-sandbox"
import { LIST_KINDS } from "../controls/controls"
import { canonicalParams, parseForm } from "../http/parse-body"
import { TEST_CARDS } from "../cards/test-cards"
import { chargeParams, control, customerParams, expectError, formEncode, post, SHOPPER, type FormParams, type GatewayReply } from "./http-kit"

/**
 * The README promises that the data file never holds a card number or CVC.
 * Every endpoint that takes card fields is called here, with and without an
 * Idempotency-Key, in both encodings, succeeding, declining and refused; then
 * the data file, every inspection list and the request log are scanned.
 */

/** Luhn-valid numbers that no other part of the sandbox uses, so a hit can only be a leak. */
function luhnNumber(body: string): string {
  for (let check = 0; check <= 9; check++) {
    const candidate = `${body}${check}`
    let sum = 0
    for (let i = 0; i < candidate.length; i++) {
      let digit = Number(candidate[candidate.length - 1 - i])
      if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2
      sum += digit
    }
    if (sum % 10 === 0) return candidate
  }
  throw new Error("unreachable")
}

const YEAR = String(new Date().getUTCFullYear() + 3)
let serial = 0
const used: Array<{ number: string; cvc: string }> = []

/** Fresh card details: a number and a 4-digit CVC seen nowhere else. */
function freshCard(number?: string): FormParams {
  serial += 1
  const card = { number: number ?? luhnNumber(`42${String(7310000 + serial * 7919).padStart(13, "0")}`), cvc: String(6100 + serial * 37) }
  used.push(card)
  return { cardholder_name: "Jim", card_number: card.number, exp_month: "11", exp_year: YEAR, cvc: card.cvc }
}

/** A CVC counts as found when it stands alone, not inside a longer run of hex (ids) or digits (timestamps). */
function findings(text: string, where: string): string[] {
  const hits: string[] = []
  for (const { number, cvc } of used) {
    if (text.includes(number)) hits.push(`${where}: card number ${number}`)
    if (new RegExp(`(?<![0-9a-fA-F])${cvc}(?![0-9a-fA-F])`).test(text)) hits.push(`${where}: CVC ${cvc}`)
  }
  if (/\\?"(card_number|cvc)\\?"/.test(text)) hits.push(`${where}: a card_number or cvc field`)
  return hits
}

async function exerciseEveryCardEndpoint(sandbox: Sandbox): Promise<void> {
  let key = 0
  const keyed = (json = false) => ({ headers: { "Idempotency-Key": `at-rest-${++key}` }, json })
  const ok = (reply: GatewayReply) => {
    if (reply.status !== 200) throw new Error(`expected 200, got ${reply.raw}`)
    return reply
  }

  // POST /customer then POST /card, form and JSON, keyed and not.
  const customer = ok(await post(sandbox, "customer", customerParams(), keyed())).body.customer_id
  ok(await post(sandbox, "card", { customer, ...freshCard() }, keyed()))
  ok(await post(sandbox, "card", { customer, ...freshCard() }, keyed(true)))
  ok(await post(sandbox, "card", { customer, ...freshCard(), is_default: true }))
  // A replay of a keyed card create must still replay.
  const cardKey = { headers: { "Idempotency-Key": "card-replay" } }
  const cardParams = { customer, ...freshCard() }
  const first = ok(await post(sandbox, "card", cardParams, cardKey))
  const replay = await post(sandbox, "card", cardParams, cardKey)
  expect([replay.headers.get("idempotent-replayed"), replay.body.card_id]).toEqual(["true", first.body.card_id])

  // POST /charge: a one-off card, a saved card on a new customer, a recurring charge.
  ok(await post(sandbox, "charge", chargeParams(freshCard()), keyed()))
  ok(await post(sandbox, "charge", chargeParams({ ...freshCard(), create_customer: true, save_card: true }), keyed(true)))
  ok(await post(sandbox, "charge", chargeParams({ ...freshCard(), payment_mode: "auth_only" })))
  const recurring = ok(await post(sandbox, "charge", chargeParams({ ...freshCard(), create_customer: true, payment_type: "recurring", interval: "monthly" }), keyed()))

  // POST /subscription/update_card, saved and not.
  const subscription_id = recurring.body.subscription_id
  ok(await post(sandbox, "subscription/update_card", { subscription_id, ...freshCard() }, keyed()))
  ok(await post(sandbox, "subscription/update_card", { subscription_id, ...freshCard(), save_card: true }, keyed(true)))

  // POST /invoice with card details, and /invoice/charge on a pay_later invoice.
  const invoice = { description: "Invoice", date_due: "12/31/2030", items: ["Coffee"], items_price: [1500] }
  ok(await post(sandbox, "invoice", { ...invoice, customer, payment_mode: "auth_and_capture", ...freshCard() }, keyed()))
  const open = ok(await post(sandbox, "invoice", { ...invoice, customer }, keyed()))
  ok(await post(sandbox, "invoice/charge", { invoice_num: open.body.invoice_num, ...freshCard() }, keyed()))

  // Declines and refusals are stored answers too.
  expect((await post(sandbox, "charge", chargeParams(freshCard(TEST_CARDS.declined)), keyed())).status).toBe(402)
  expect((await post(sandbox, "card", { customer, ...freshCard(TEST_CARDS.incorrectCvc) }, keyed(true))).status).toBe(402)
  expectError(await post(sandbox, "charge", chargeParams({ ...freshCard(), exp_month: "13" }), keyed()), 400, "parameter_invalid", "exp_month")
  expectError(await post(sandbox, "card", { customer: 999, ...freshCard() }, keyed()), 404, "resource_missing", "customer")
  expectError(await post(sandbox, "charge", chargeParams({ ...freshCard(), name: "" }), keyed()), 400, "parameter_missing", "name")
  // The same key with another card is still refused.
  expectError(await post(sandbox, "card", { customer, ...freshCard() }, cardKey), 400, "idempotency_key_reuse")
}

async function everythingInspectable(sandbox: Sandbox): Promise<string> {
  const parts: string[] = []
  for (const kind of LIST_KINDS) {
    for (const env of kind === "requests" ? ["all"] : ["test", "live"]) {
      const reply = await control(sandbox, "GET", `${kind}?env=${env}`)
      parts.push(JSON.stringify(reply.body))
    }
  }
  parts.push(JSON.stringify((await control(sandbox, "GET", "faults")).body))
  return parts.join("\n")
}

describe("card data at rest", () => {
  let folder: string
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), "im-at-rest-"))
    used.length = 0
  })
  afterEach(() => rmSync(folder, { recursive: true, force: true }))

  it("no card number or CVC in the data file, the inspection lists or the request log", async () => {
    const dataFile = join(folder, "sandbox.json")
    const sandbox = await startSandbox({ port: 0, dataFile, liveApiKey: "im_live_key", liveApiSecret: "im_live_secret" })
    try {
      await exerciseEveryCardEndpoint(sandbox)
      expect(used.length).toBeGreaterThanOrEqual(15)
      sandbox.flush()
      const hits = [...findings(readFileSync(dataFile, "utf8"), "data file (running)"), ...findings(await everythingInspectable(sandbox), "inspection")]
      expect(hits).toEqual([])
    } finally {
      await sandbox.close()
    }
    expect(findings(readFileSync(dataFile, "utf8"), "data file (closed)")).toEqual([])
    expect(readdirSync(folder)).toEqual(["sandbox.json"])
  })

  it("keyed answers still replay after a restart, and the same key with another card is still refused", async () => {
    const dataFile = join(folder, "sandbox.json")
    const headers = { "Idempotency-Key": "restart-1" }
    const params = chargeParams({ ...SHOPPER, ...freshCard() })
    const first = await startSandbox({ port: 0, dataFile })
    const charged = await post(first, "charge", params, { headers })
    await first.close()

    const second = await startSandbox({ port: 0, dataFile })
    try {
      const replay = await post(second, "charge", params, { headers, json: true })
      expect([replay.status, replay.headers.get("idempotent-replayed"), replay.body.charge_id]).toEqual([200, "true", charged.body.charge_id])
      expectError(await post(second, "charge", chargeParams(freshCard()), { headers }), 400, "idempotency_key_reuse")
      expect((await control(second, "GET", "charges")).body.data).toHaveLength(1)
    } finally {
      await second.close()
    }
  })

  it("a data file from before digests still replays its keys, and loses the card data as the sandbox starts", async () => {
    const dataFile = join(folder, "sandbox.json")
    const params = chargeParams(freshCard())
    const seed = await startSandbox({ port: 0, dataFile })
    const charged = await post(seed, "charge", params, { headers: { "Idempotency-Key": "legacy-1" } })
    await seed.close()
    // Rewrite the stored fingerprint as older versions kept it: the canonical parameters in clear.
    const data = JSON.parse(readFileSync(dataFile, "utf8"))
    data.environments.test.idempotency["legacy-1"].fingerprint = `POST /api/v2/charge ${canonicalParams(parseForm(formEncode(params)))}`
    writeFileSync(dataFile, JSON.stringify(data))
    expect(findings(readFileSync(dataFile, "utf8"), "legacy file").length).toBeGreaterThan(0)

    const upgraded = await startSandbox({ port: 0, dataFile })
    try {
      // Rewritten at start, before any request: the file is written behind the requests, and card data must not wait for one.
      expect(findings(readFileSync(dataFile, "utf8"), "upgraded file at start")).toEqual([])
      const replay = await post(upgraded, "charge", params, { headers: { "Idempotency-Key": "legacy-1" } })
      expect([replay.headers.get("idempotent-replayed"), replay.body.charge_id]).toEqual(["true", charged.body.charge_id])
      await post(upgraded, "customer", customerParams())
      expect(findings(readFileSync(dataFile, "utf8"), "upgraded file")).toEqual([])
    } finally {
      await upgraded.close()
    }
  })
})
