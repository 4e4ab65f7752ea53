import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { startSandbox } from "../start-sandbox"
import { TEST_CARDS } from "../cards/test-cards"
import { chargeParams, createCard, createCustomer, post } from "./http-kit"

describe("persistence with a data file", () => {
  let folder: string
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), "im-sandbox-"))
  })
  afterEach(() => rmSync(folder, { recursive: true, force: true }))

  it("survives a restart: customers, cards, charges, counters and clock offset", async () => {
    const dataFile = join(folder, "state", "sandbox.json")
    const first = await startSandbox({ port: 0, dataFile })
    const customer = await createCustomer(first)
    const cardId = await createCard(first, customer, TEST_CARDS.mastercard)
    const charge = await post(first, "charge", chargeParams({ card_number: TEST_CARDS.visaAlternate, cvc: "987", payment_mode: "auth_only" }))
    first.controls.advanceClock(3600)
    const offsetNow = first.controls.now()
    await first.close()

    const text = readFileSync(dataFile, "utf8")
    for (const secret of [TEST_CARDS.mastercard, TEST_CARDS.visaAlternate]) expect(text).not.toContain(secret)
    // The CVC alone, not as part of a hex id or a timestamp (where "987" turns up by chance).
    expect(text).not.toMatch(/(?<![0-9a-f])987(?![0-9a-f])/)
    expect(readdirSync(join(folder, "state"))).toEqual(["sandbox.json"])

    const second = await startSandbox({ port: 0, dataFile })
    try {
      expect(second.controls.now()).toBeGreaterThanOrEqual(offsetNow)
      const cards = await post(second, "card/get", { customer })
      expect(cards.body.data.map((c: any) => c.card_id)).toEqual([cardId])
      expect((await post(second, "capture", { charge_id: charge.body.charge_id })).status).toBe(200)
      expect(await createCustomer(second)).toBe(customer + 1)
    } finally {
      await second.close()
    }
  })

  it("is written behind the requests: it catches up on its own while the sandbox runs, and close writes the last change", async () => {
    const dataFile = join(folder, "sandbox.json")
    const sandbox = await startSandbox({ port: 0, dataFile })
    const customers = () => {
      try {
        return JSON.parse(readFileSync(dataFile, "utf8")).environments.test.customers.length
      } catch {
        return 0 // not written yet
      }
    }
    try {
      for (let i = 0; i < 20; i++) await createCustomer(sandbox)
      // A condition, not a sleep: the write is due 100 ms after the first change, later on a loaded machine.
      for (const deadline = Date.now() + 20_000; customers() < 20 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(customers()).toBe(20)
      await createCustomer(sandbox)
    } finally {
      await sandbox.close()
    }
    expect(customers()).toBe(21)
  })

  it("a write that fails behind the requests is reported and ends nothing; close() then rejects, since the file lacks changes", async () => {
    const dataFile = join(folder, "blocked", "sandbox.json")
    const sandbox = await startSandbox({ port: 0, dataFile })
    writeFileSync(join(folder, "blocked"), "a file where the data file's folder should be")
    const reported: string[] = []
    const spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (reported.push(String(chunk)), true))
    try {
      await createCustomer(sandbox)
      for (const deadline = Date.now() + 20_000; reported.length === 0 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(reported.join("")).toContain(`could not write ${dataFile}`)
      expect(await createCustomer(sandbox)).toBe(2) // still answering
    } finally {
      spy.mockRestore()
      await expect(sandbox.close()).rejects.toThrow()
    }
  })

  it("a declined request changes nothing in the file either", async () => {
    const dataFile = join(folder, "sandbox.json")
    const sandbox = await startSandbox({ port: 0, dataFile })
    try {
      await createCustomer(sandbox)
      sandbox.flush()
      const before = readFileSync(dataFile, "utf8")
      expect((await post(sandbox, "charge", chargeParams({ card_number: TEST_CARDS.declined, create_customer: true }))).status).toBe(402)
      sandbox.flush()
      const after = JSON.parse(readFileSync(dataFile, "utf8"))
      expect(after.environments.test.customers).toEqual(JSON.parse(before).environments.test.customers)
      expect(after.environments.test.next_customer_id).toBe(2)
    } finally {
      await sandbox.close()
    }
  })

  it("GET /_sandbox/export is a data file: another sandbox started on it has the same data, keys and counters", async () => {
    const source = await startSandbox({ port: 0 })
    const headers = { "Idempotency-Key": "exported-1" }
    const customer = await createCustomer(source)
    await createCard(source, customer)
    const params = chargeParams({ payment_mode: "auth_only" })
    const charge = await post(source, "charge", params, { headers })
    const exported = await fetch(`${source.url}/_sandbox/export`)
    const text = await exported.text()
    await source.close()
    expect(exported.headers.get("content-type")).toMatch(/^application\/json/)
    expect(text).not.toContain(TEST_CARDS.visa)

    const dataFile = join(folder, "exported.json")
    writeFileSync(dataFile, text)
    const copy = await startSandbox({ port: 0, dataFile })
    try {
      const replay = await post(copy, "charge", params, { headers })
      expect([replay.headers.get("idempotent-replayed"), replay.body.charge_id]).toEqual(["true", charge.body.charge_id])
      expect((await post(copy, "card/get", { customer })).body.data).toHaveLength(1)
      expect((await post(copy, "capture", { charge_id: charge.body.charge_id })).status).toBe(200)
      expect(await createCustomer(copy)).toBe(customer + 1)
    } finally {
      await copy.close()
    }
  })
})
