import { copyAddress, renewalOrderMismatch } from "../renewal-order-copy"

describe("renewal orders: what is copied from the first order, and when an order may be made", () => {
  it("copies an address's fields, without its ids or empty fields", () => {
    const copied = copyAddress({ id: "addr_1", customer_id: "cus_1", first_name: "Ada", address_1: "1 Main St", address_2: null, city: "Nashville", country_code: "us", metadata: {} })
    expect(copied).toEqual({ first_name: "Ada", address_1: "1 Main St", city: "Nashville", country_code: "us" })
    expect(copyAddress(null)).toBeUndefined()
  })

  it("allows an order only when today's prices add up to the renewed amount, to the cent", () => {
    expect(renewalOrderMismatch(2000, 2000)).toBeNull()
    expect(renewalOrderMismatch(2000, 2001)).toBe("The renewal charged 2000 cents, but the first order's items now cost 2001: no renewal order was made")
    expect(renewalOrderMismatch(2000, 1999)).toContain("now cost 1999")
  })
})
