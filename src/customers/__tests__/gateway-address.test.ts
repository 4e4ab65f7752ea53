import { gatewayAddressFrom } from "../gateway-address"
import { InputError } from "../../rules/input/input-error"

const address = {
  first_name: "Jim",
  last_name: "Doe",
  address_1: "1 Main St",
  address_2: "Apt 2",
  city: "Nashville",
  postal_code: "37251",
  province: "TN",
  country_code: "us",
}

describe("gatewayAddressFrom", () => {
  it("maps a Medusa address", () => {
    expect(gatewayAddressFrom(address)).toEqual({
      name: "Jim Doe",
      address: "1 Main St, Apt 2",
      city: "Nashville",
      zip: "37251",
      state: "TN",
      country: "US",
    })
  })

  it.each([
    ["Tennessee", "TN"],
    ["new york", "NY"],
    ["ca", "CA"],
  ])("shortens the state %p to %p", (province, code) => {
    expect(gatewayAddressFrom({ ...address, province }).state).toBe(code)
  })

  it.each([
    [null, "billing_address"],
    [{ ...address, first_name: "", last_name: null }, "billing_address.first_name"],
    [{ ...address, address_1: " " }, "billing_address.address_1"],
    [{ ...address, city: null }, "billing_address.city"],
    [{ ...address, postal_code: "" }, "billing_address.postal_code"],
    [{ ...address, province: "" }, "billing_address.province"],
    [{ ...address, province: "Bavaria" }, "billing_address.province"],
    [{ ...address, country_code: "usa" }, "billing_address.country_code"],
  ])("refuses %j, naming %s", (input, field) => {
    try {
      gatewayAddressFrom(input)
      throw new Error("expected a refusal")
    } catch (e) {
      expect(e).toBeInstanceOf(InputError)
      expect((e as InputError).field).toBe(field)
    }
  })
})
