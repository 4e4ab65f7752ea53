import { admin } from "./support/admin"
import { Shopper } from "./support/shopper"

/**
 * Input PostgreSQL cannot store (a NUL character) or ids that name nothing:
 * a 4xx naming the field, never a 500, and nothing written.
 */
describe("hostile input on the plugin's routes", () => {
  const NUL_ID = encodeURIComponent("imsub_\u0000x")

  it.each([
    ["GET", `/admin/instantmerchant/subscriptions/${NUL_ID}`],
    ["POST", `/admin/instantmerchant/subscriptions/${NUL_ID}/cancel`],
    ["POST", `/admin/instantmerchant/subscriptions/${NUL_ID}/renew`],
    ["GET", `/admin/instantmerchant/customers/${encodeURIComponent("cus_\u0000")}/cards`],
    ["GET", `/admin/instantmerchant/subscriptions?status=${encodeURIComponent("active\u0000")}`],
  ])("admin %s %s: a NUL character is a 400 naming the field", async (method, path) => {
    const answer = method === "GET" ? await admin().get(path) : await admin().post(path, {})
    expect(answer.status).toBe(400)
    expect(answer.body.message).toMatch(/^(id|status): must not contain a NUL character/)
  })

  it("store cancel with a NUL in the id: a 400 naming id", async () => {
    const shopper = new Shopper()
    await shopper.signUp(`nul-${Date.now()}@example.com`)
    const answer = await shopper.api.post(`/store/customers/me/instantmerchant/subscriptions/${NUL_ID}/cancel`, {})
    expect(answer.status).toBe(400)
    expect(answer.body.message).toMatch(/^id: must not contain a NUL character/)
  })

  it("an admin invoice with a NUL in its description: a 400 naming it, and no invoice made", async () => {
    const api = admin()
    const count = async () => (await api.must("GET", "/admin/instantmerchant/invoices?limit=1")).count
    const before = await count()
    const { customer } = (await api.post("/admin/customers", { email: `nul-inv-${Date.now()}@example.com`, first_name: "Ada", last_name: "Byron", password: "phone-sale-password" })).body
    const answer = await api.post("/admin/instantmerchant/invoices", { customer_id: customer.id, description: "bad\u0000text", items: [{ name: "Consulting", price: 1000 }] })
    expect(answer.status).toBe(400)
    expect(answer.body.message).toMatch(/^description: must not contain a NUL character/)
    expect(await count()).toBe(before)
  })

  it("the saved cards of a customer who does not exist: a 404 naming the customer", async () => {
    const answer = await admin().get("/admin/instantmerchant/customers/cus_does_not_exist/cards")
    expect(answer.status).toBe(404)
    expect(answer.body.message).toContain("cus_does_not_exist")
  })
})
