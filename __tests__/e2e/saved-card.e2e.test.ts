import { gateway } from "./support/sandbox-inspector"
import { Shopper, VALID_CARD } from "./support/shopper"

describe("a signed-in customer's saved card", () => {
  it("the first checkout saves the card; the second pays with its card_id", async () => {
    const shopper = new Shopper()
    const email = `saver-${Date.now()}@example.com`
    const customerId = await shopper.signUp(email)

    const first = await shopper.buy({ ...VALID_CARD, card_number: "5555555555554444", save_card: true }, { email })
    const firstData = first.payments[0].data
    expect(firstData).toMatchObject({ card_last_4: "4444", instantmerchant_customer_id: expect.any(Number) })
    const { customer } = await shopper.api.must("GET", "/store/customers/me")
    expect(customer.id).toBe(customerId)
    expect(customer.metadata.instantmerchant_customer_id).toBe(firstData.instantmerchant_customer_id)

    const second = await shopper.buy({ card_id: firstData.card_id }, { email })
    const secondData = second.payments[0].data
    expect(secondData).toMatchObject({ card_id: firstData.card_id, card_last_4: "4444", instantmerchant_customer_id: firstData.instantmerchant_customer_id })
    for (const order of [first, second]) {
      const charges = await gateway.chargesFor(order.cart_id)
      expect(charges).toHaveLength(1)
      expect(charges[0]).toMatchObject({ card_id: firstData.card_id, amount: order.payments[0].amount })
    }
  })

  it("another customer cannot pay with it", async () => {
    const owner = new Shopper()
    const ownerEmail = `owner-${Date.now()}@example.com`
    await owner.signUp(ownerEmail)
    const order = await owner.buy({ ...VALID_CARD, save_card: true }, { email: ownerEmail })

    const thief = new Shopper()
    const thiefEmail = `thief-${Date.now()}@example.com`
    await thief.signUp(thiefEmail)
    await thief.buy({ ...VALID_CARD, save_card: true }, { email: thiefEmail })
    await thief.fillCart({ email: thiefEmail })
    await thief.selectInstantMerchant()
    const stolen = await thief.enterCard({ card_id: order.payments[0].data.card_id })
    expect(stolen.status).toBe(400)
    expect(stolen.body.message).toContain("card_id: is not one of your saved cards")
    expect(await gateway.chargesFor(thief.cartId)).toHaveLength(0)
  })
})
