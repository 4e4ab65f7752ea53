import { gatewayCustomerRequest } from "../gateway-customer-request"

const address = { name: "Jim Doe", address: "1 Main St", city: "Nashville", zip: "37251", state: "TN", country: "US" }

describe("gatewayCustomerRequest", () => {
  const first = gatewayCustomerRequest("ps_1", address, "jim@example.com")

  it("the same owner and details: the same request and key (a re-run replays)", () => {
    expect(gatewayCustomerRequest("ps_1", { ...address }, "jim@example.com")).toEqual(first)
    expect(first.params).toMatchObject({ ...address, email: "jim@example.com" })
    expect(first.params.username).toMatch(/^medusa_ps_1_[a-p]{12}$/)
    expect(first.idempotencyKey).toBe(`im_customer_ps_1_${first.params.username.slice("medusa_ps_1_".length)}`)
  })

  it.each([
    ["another email", "ps_1", address, "jimmy@example.com"],
    ["a fixed zip code", "ps_1", { ...address, zip: "37252" }, "jim@example.com"],
    ["another street", "ps_1", { ...address, address: "2 Main St" }, "jim@example.com"],
    ["another owner", "ps_2", address, "jim@example.com"],
  ])("%s: a new key and a username of its own", (_what, owner, addr, email) => {
    const other = gatewayCustomerRequest(owner, addr, email)
    expect(other.idempotencyKey).not.toBe(first.idempotencyKey)
    expect(other.params.username).not.toBe(first.params.username)
  })

  it("holds no run of digits a card scanner would flag", () => {
    expect(first.idempotencyKey).not.toMatch(/\d{12}/)
  })
})
