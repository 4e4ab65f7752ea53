import { startSandbox, Sandbox } from "../../sandbox"
import { InstantMerchantClient, InvalidRequestError } from ".."
import { MAX_KEY_GENERATIONS, withKeyGenerations } from "../key-generations"

/** Against the sandbox over HTTP: a key reused with other parameters moves on; the same request lands on its own first answer. */

let sandbox: Sandbox
let client: InstantMerchantClient

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: "im_k", apiSecret: "im_s" })
  client = new InstantMerchantClient({ apiKey: "im_k", apiSecret: "im_s", baseUrl: sandbox.apiBaseUrl, maxRetries: 0 })
})
afterAll(() => sandbox?.close())

const customer = (zip: string, username: string) => ({ name: "Jim Doe", email: "jim@example.com", username, address: "1 Main St", city: "Nashville", zip, state: "TN", country: "US" })

describe("withKeyGenerations", () => {
  it("a request that differs under the same key is sent under the next generation; each request replays its own answer", async () => {
    const keys: string[] = []
    const create = (params: ReturnType<typeof customer>) =>
      withKeyGenerations("im_customer_probe", (key) => {
        keys.push(key)
        return client.customers.create(params, { idempotencyKey: key })
      })
    const a = await create(customer("37251", "probe_a"))
    const b = await create(customer("37252", "probe_b"))
    expect(b.customer_id).not.toBe(a.customer_id)
    // Sent again, each lands on its own first answer: nothing is made twice.
    expect((await create(customer("37251", "probe_a"))).customer_id).toBe(a.customer_id)
    expect((await create(customer("37252", "probe_b"))).customer_id).toBe(b.customer_id)
    expect(keys).toEqual(["im_customer_probe", "im_customer_probe", "im_customer_probe_2", "im_customer_probe", "im_customer_probe", "im_customer_probe_2"])
    expect(sandbox.controls.list("customers").filter((c) => String(c.username).startsWith("probe_"))).toHaveLength(2)
  })

  it("other errors are not retried under another key", async () => {
    let calls = 0
    const bad = { ...customer("37251", "probe_bad"), state: "Tennessee" }
    await expect(withKeyGenerations("im_customer_bad", (key) => (calls++, client.customers.create(bad, { idempotencyKey: key })))).rejects.toBeInstanceOf(InvalidRequestError)
    expect(calls).toBe(1)
  })

  it(`gives up after ${MAX_KEY_GENERATIONS} different requests`, async () => {
    for (let i = 0; i < MAX_KEY_GENERATIONS; i++) await withKeyGenerations("im_customer_many", (key) => client.customers.create(customer(`3725${i}`, `many_${i}`), { idempotencyKey: key }))
    await expect(withKeyGenerations("im_customer_many", (key) => client.customers.create(customer("37299", "many_x"), { idempotencyKey: key }))).rejects.toMatchObject({ code: "idempotency_key_reuse" })
  })
})
