import { InstantMerchantClient } from "../../client"
import { NewCardInput } from "../../rules/card/card-input"
import { InputError } from "../../rules/input/input-error"
import { GatewayAddress } from "../gateway-address"
import { startSandbox, Sandbox } from "../../sandbox"
import { GATEWAY_CUSTOMER_METADATA_KEY, GatewayCustomerLinks, linkedGatewayCustomer, ShopCustomer } from "../customer-link"
import { GatewayCustomers } from "../gateway-customers"
import { parseValidThru, savedCardOf } from "../saved-card"

/**
 * The gateway-customers module against the real sandbox over HTTP. The host
 * side (where a shop keeps the link) is a map here: the module reaches its
 * host only through GatewayCustomerLinks.
 */

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: "pk_test", apiSecret: "sk_test_secret" })
})
afterAll(async () => {
  await sandbox?.close()
})
beforeEach(() => sandbox.controls.reset())

class MapLinks implements GatewayCustomerLinks {
  readonly links = new Map<string, number>()
  async rememberGatewayCustomer(customerId: string, gatewayCustomerId: number): Promise<void> {
    this.links.set(customerId, gatewayCustomerId)
  }
}

const ADDRESS: GatewayAddress = { name: "Jim Doe", address: "1 Main St", city: "Nashville", zip: "37251", state: "TN", country: "US" }
const DETAILS = { address: ADDRESS, email: "jim@example.com" }

function setup() {
  const client = new InstantMerchantClient({ apiKey: "pk_test", apiSecret: "sk_test_secret", baseUrl: sandbox.apiBaseUrl, maxRetries: 1, timeoutMs: 2000 })
  const links = new MapLinks()
  return { client, links, customers: new GatewayCustomers(client, links) }
}

function newCard(number = "4242424242424242", extra: Partial<NewCardInput> = {}): NewCardInput {
  return { kind: "new", cardholder_name: "Jim Doe", card_number: number, exp_month: 12, exp_year: new Date().getUTCFullYear() + 3, cvc: "987", save_card: true, is_default: false, ...extra }
}

const gatewayCustomers = () => sandbox.controls.list("customers")

describe("linkedGatewayCustomer", () => {
  it.each<[string, ShopCustomer | null | undefined, number | undefined]>([
    ["a linked customer", { id: "cus_1", metadata: { [GATEWAY_CUSTOMER_METADATA_KEY]: 7 } }, 7],
    ["no metadata", { id: "cus_1", metadata: null }, undefined],
    ["other plugins' metadata only", { id: "cus_1", metadata: { other: 1 } }, undefined],
    ["a string id (never written by the plugin)", { id: "cus_1", metadata: { [GATEWAY_CUSTOMER_METADATA_KEY]: "7" } }, undefined],
    ["a fraction", { id: "cus_1", metadata: { [GATEWAY_CUSTOMER_METADATA_KEY]: 7.5 } }, undefined],
    ["no customer", null, undefined],
  ])("%s", (_name, customer, expected) => {
    expect(linkedGatewayCustomer(customer)).toBe(expected)
  })
})

describe("parseValidThru and savedCardOf", () => {
  it.each([
    ["3/2031", { month: 3, year: 2031 }],
    ["12/2030", { month: 12, year: 2030 }],
    ["03/2029", { month: 3, year: 2029 }],
  ])("%s", (validThru, expected) => {
    expect(parseValidThru(validThru)).toEqual(expected)
  })

  it.each([
    ["1", true],
    ["0", false],
  ])("is_default %s", (flag, expected) => {
    const card = savedCardOf({ card_id: "card_1", is_default: flag, card_type: "Visa", cc_last_4: "4242", cc_valid_thru: "3/2031" })
    expect(card).toEqual({ card_id: "card_1", last_4: "4242", exp_month: 3, exp_year: 2031, is_default: expected })
  })
})

describe("create", () => {
  it("the same owner and details replay the first creation; new details make a new customer", async () => {
    const { customers } = setup()
    const first = await customers.create("ps_1", DETAILS)
    expect(await customers.create("ps_1", DETAILS)).toBe(first)
    const corrected = await customers.create("ps_1", { ...DETAILS, email: "jim.doe@example.com" })
    expect(corrected).not.toBe(first)
    expect(gatewayCustomers()).toHaveLength(2)
  })

  it("another owner with the same details is another customer", async () => {
    const { customers } = setup()
    expect(await customers.create("ps_1", DETAILS)).not.toBe(await customers.create("ps_2", DETAILS))
  })
})

describe("ofAccount", () => {
  it("an account already linked keeps its customer: nothing is made, details are not even read", async () => {
    const { customers, links } = setup()
    const id = await customers.ofAccount({ id: "cus_1", metadata: { [GATEWAY_CUSTOMER_METADATA_KEY]: 41 } }, () => {
      throw new Error("details read for a linked account")
    })
    expect(id).toBe(41)
    expect(gatewayCustomers()).toHaveLength(0)
    expect(links.links.size).toBe(0)
  })

  it("an account without a link gets a customer made from its details, and the link is remembered", async () => {
    const { customers, links } = setup()
    const id = await customers.ofAccount({ id: "cus_1", metadata: {} }, () => DETAILS)
    expect(links.links.get("cus_1")).toBe(id)
    expect(gatewayCustomers()).toEqual([expect.objectContaining({ customer_id: id, email: "jim@example.com" })])
  })

  it("a failure to build the details (no address, say) makes nothing and links nothing", async () => {
    const { customers, links } = setup()
    const refusal = new InputError("address", "is required")
    await expect(customers.ofAccount({ id: "cus_1", metadata: null }, () => { throw refusal })).rejects.toBe(refusal)
    expect(gatewayCustomers()).toHaveLength(0)
    expect(links.links.size).toBe(0)
  })
})

describe("storeCard, savedCards and ownedCard", () => {
  it("a stored card comes back as a reference only, and is listed among the account's saved cards", async () => {
    const { customers } = setup()
    const gatewayCustomer = await customers.create("cus_1", DETAILS)
    const stored = await customers.storeCard(gatewayCustomer, newCard("4000056655665556"), { save_card: true, is_default: true })
    expect(stored).toEqual({ card_id: expect.stringMatching(/^card_/), last_4: "5556", exp_month: 12, exp_year: new Date().getUTCFullYear() + 3 })
    const listed = await customers.savedCards({ id: "cus_1", metadata: { [GATEWAY_CUSTOMER_METADATA_KEY]: gatewayCustomer } })
    expect(listed).toEqual([{ ...stored, is_default: true }])
    expect(JSON.stringify(listed)).not.toContain("4000056655665556")
  })

  it("an account that never saved a card has none, without asking the gateway", async () => {
    const { customers } = setup()
    const before = sandbox.controls.list("requests").length
    expect(await customers.savedCards({ id: "cus_1", metadata: null })).toEqual([])
    expect(sandbox.controls.list("requests").length).toBe(before)
  })

  type Case = [string, (own: string, other: string) => string]
  it.each<Case>([
    ["another customer's card", (_own, other) => other],
    ["a made-up card id", () => "card_0000000000"],
  ])("%s is refused as not owned, naming card_id", async (_name, pick) => {
    const { customers } = setup()
    const alice = await customers.create("cus_alice", DETAILS)
    const bob = await customers.create("cus_bob", { ...DETAILS, email: "bob@example.com" })
    const own = await customers.storeCard(alice, newCard(), { save_card: true, is_default: false })
    const other = await customers.storeCard(bob, newCard("5555555555554444"), { save_card: true, is_default: false })
    const refused = customers.ownedCard(alice, pick(own.card_id, other.card_id), "is not one of your saved cards")
    await expect(refused).rejects.toThrow(InputError)
    await expect(refused).rejects.toMatchObject({ field: "card_id", message: "card_id: is not one of your saved cards" })
  })

  it("the customer's own card is answered with its last 4 and expiry", async () => {
    const { customers } = setup()
    const alice = await customers.create("cus_alice", DETAILS)
    const own = await customers.storeCard(alice, newCard(), { save_card: true, is_default: false })
    expect(await customers.ownedCard(alice, own.card_id, "not yours")).toEqual({ ...own, is_default: true })
  })

  it.each<[string, boolean | undefined]>([
    ["a guest (no account customer)", undefined],
    ["another account's card", false],
    ["the account's own card", true],
  ])("paymentCard: %s", async (_name, own) => {
    const { customers } = setup()
    const alice = await customers.create("cus_alice", DETAILS)
    const bob = await customers.create("cus_bob", { ...DETAILS, email: "bob@example.com" })
    const card = await customers.storeCard(bob, newCard(), { save_card: true, is_default: false })
    const paying = customers.paymentCard(own === undefined ? undefined : own ? bob : alice, card.card_id)
    if (own) return expect(await paying).toMatchObject({ card_id: card.card_id, last_4: "4242" })
    await expect(paying).rejects.toMatchObject({ field: "card_id", message: expect.stringMatching(own === undefined ? /only for signed-in customers/ : /not one of your saved cards/) })
  })

  it("a stored card carries the host's idempotency key: the same key replays the same card", async () => {
    const { customers } = setup()
    const alice = await customers.create("cus_alice", DETAILS)
    const first = await customers.storeCard(alice, newCard(), { save_card: false, is_default: false }, "im_card_ps_1")
    expect(await customers.storeCard(alice, newCard(), { save_card: false, is_default: false }, "im_card_ps_1")).toEqual(first)
    expect(sandbox.controls.list("cards").length).toBe(1)
  })
})
