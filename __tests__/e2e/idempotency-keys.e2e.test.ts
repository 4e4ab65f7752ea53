import { gateway } from "./support/sandbox-inspector"
import { ADDRESS, Shopper, VALID_CARD } from "./support/shopper"

/** A key changes exactly when the request's meaning changes: fixing a detail after a decline is a new request, not a reused key. */
describe("idempotency keys follow the request's meaning", () => {
  it("after a declined card, the shopper fixes the billing address and pays", async () => {
    const shopper = new Shopper()
    await shopper.fillCart()
    expect((await shopper.selectInstantMerchant()).status).toBe(200)
    const declined = await shopper.enterCard({ ...VALID_CARD, card_number: "4000000000000002" })
    expect(declined.status).toBe(400)
    expect(declined.body.code).toBe("card_declined")

    const fixed = { ...ADDRESS, address_1: "2 Main St", postal_code: "37252" }
    expect((await shopper.api.post(`/store/carts/${shopper.cartId}`, { billing_address: fixed })).status).toBe(200)
    const entered = await shopper.enterCard(VALID_CARD)
    expect(entered.status).toBe(200)
    const done = await shopper.complete()
    expect(done.body.type).toBe("order")

    const charges = await gateway.chargesFor(shopper.cartId)
    expect(charges).toHaveLength(1)
    expect(charges[0].amount).toBe(done.body.data.payments[0].amount)
    const owner = (await gateway.list("customers")).find((c) => c.customer_id === done.body.data.payments[0].data.instantmerchant_customer_id)
    expect(owner).toMatchObject({ zip: "37252" })
  })
})
