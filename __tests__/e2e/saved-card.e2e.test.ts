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

describe("a cart whose customer_id was set to someone else's (Medusa v1 lets anyone do it)", () => {
  async function victimWithSavedCard(): Promise<{ customerId: string; cardId: string; gatewayCustomer: number }> {
    const victim = new Shopper()
    const email = `victim-${Date.now()}-${Math.random().toString(16).slice(2, 6)}@example.com`
    const customerId = await victim.signUp(email)
    const order = await victim.buy({ ...VALID_CARD, save_card: true }, { email })
    return { customerId, cardId: order.payments[0].data.card_id, gatewayCustomer: order.payments[0].data.instantmerchant_customer_id }
  }

  async function cartPosingAs(attacker: Shopper, customerId: string): Promise<void> {
    await attacker.fillCart()
    const set = await attacker.api.post(`/store/carts/${attacker.cartId}`, { customer_id: customerId })
    expect(set.status).toBe(200)
    expect(set.body.cart.customer_id).toBe(customerId)
    expect((await attacker.selectInstantMerchant()).status).toBe(200)
  }

  const victimCards = async (gatewayCustomer: number) => (await gateway.list("cards")).filter((c) => c.customer_id === gatewayCustomer)

  it.each([
    ["a guest", false],
    ["another signed-in customer", true],
  ])("%s cannot pay with the victim's saved card, nor save a card onto the victim", async (_who, signedIn) => {
    const victim = await victimWithSavedCard()
    const cardsBefore = await victimCards(victim.gatewayCustomer)
    const attacker = new Shopper()
    await cartPosingAs(attacker, victim.customerId)
    // A signed-in customer's cart updates take their own id, so this attacker signs in after posing.
    if (signedIn) await attacker.signUp(`attacker-${Date.now()}@example.com`)

    const stolen = await attacker.enterCard({ card_id: victim.cardId })
    expect(stolen.status).toBe(400)
    expect(stolen.body.message).toMatch(/^card_id: /)
    const planted = await attacker.enterCard({ ...VALID_CARD, card_number: "5555555555554444", save_card: true })
    expect(planted.status).toBe(400)
    expect(planted.body.message).toMatch(/^save_card: /)
    const asDefault = await attacker.enterCard({ ...VALID_CARD, is_default: true })
    expect(asDefault.status).toBe(400)
    expect(asDefault.body.message).toMatch(/^is_default: /)

    const completed = await attacker.complete()
    expect(completed.body.type).not.toBe("order")
    expect(await gateway.chargesFor(attacker.cartId)).toHaveLength(0)
    expect(await victimCards(victim.gatewayCustomer)).toEqual(cardsBefore)
  })
})
