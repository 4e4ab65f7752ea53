import { admin } from "./support/admin"
import { e2e } from "./support/e2e-env"
import { gateway } from "./support/sandbox-inspector"
import { Shopper, VALID_CARD } from "./support/shopper"

/** Shoppers who cannot pay get Medusa's usual 4xx with a message they understand, and no order. */
describe("declines and bad input", () => {
  async function expectNoOrder(shopper: Shopper) {
    const { cart } = await shopper.api.must("GET", `/store/carts/${shopper.cartId}`)
    expect(cart.completed_at).toBeNull()
    expect(await gateway.chargesFor(shopper.cartId)).toHaveLength(0)
  }

  it("a card declined when entered", async () => {
    const shopper = new Shopper()
    await shopper.fillCart()
    await shopper.selectInstantMerchant()
    const entered = await shopper.enterCard({ ...VALID_CARD, card_number: "4000000000000002" })
    expect(entered.status).toBe(400)
    expect(entered.body.message).toContain("Your card was declined: the bank declined it")
    expect(entered.body.code).toBe("card_declined")
    expect((await shopper.complete()).status).toBeGreaterThanOrEqual(400)
    await expectNoOrder(shopper)
  })

  it("a card declined at payment (insufficient funds)", async () => {
    const shopper = new Shopper()
    await shopper.fillCart()
    await shopper.selectInstantMerchant()
    expect((await shopper.enterCard({ ...VALID_CARD, card_number: "4000000000009995" })).status).toBe(200)
    const done = await shopper.complete()
    expect(done.status).toBe(400)
    expect(done.body.message).toContain("Your card was declined: insufficient funds")
    expect(done.body.code).toBe("insufficient_funds")
    await expectNoOrder(shopper)

    // The shopper tries another card, and the same cart becomes an order.
    expect((await shopper.enterCard(VALID_CARD)).status).toBe(200)
    const paid = await shopper.complete()
    expect(paid.body.type).toBe("order")
    expect(await gateway.chargesFor(shopper.cartId)).toHaveLength(1)
  })

  it.each([
    [{ ...VALID_CARD, card_number: "4242424242424241" }, "card_number: is not a valid card number"],
    [{ ...VALID_CARD, exp_year: 2001 }, "exp_year: the card expired"],
    [{ ...VALID_CARD, cvc: "1" }, "cvc: must be 3 or 4 digits"],
    [{ card_id: "card_0a1b2c3d4e5f" }, "card_id: saved cards are only for signed-in customers"],
  ])("malformed card data %j is a 400 naming the field", async (card, message) => {
    const shopper = new Shopper()
    await shopper.fillCart()
    await shopper.selectInstantMerchant()
    const before = (await gateway.list("requests")).length
    const entered = await shopper.enterCard(card)
    expect(entered.status).toBe(400)
    expect(entered.body.message).toContain(message)
    expect((await gateway.list("requests")).length).toBe(before)
    const { cart } = await shopper.api.must("GET", `/store/carts/${shopper.cartId}`)
    expect(cart.payment_session.data.card_id).toBeUndefined()
  })

  it("a region in another currency cannot use InstantMerchant, and says why", async () => {
    const api = admin()
    const { regions } = await api.must("GET", "/admin/regions?limit=100")
    let region = regions.find((r: { name: string }) => r.name === "Europe (e2e)")
    if (!region) {
      // Medusa refuses a region whose currency the store does not have.
      await api.must("POST", "/admin/store/currencies/eur")
      region = (
        await api.must("POST", "/admin/regions", {
          name: "Europe (e2e)", currency_code: "eur", tax_rate: 0, payment_providers: ["instantmerchant"], fulfillment_providers: ["manual"], countries: ["de"],
        })
      ).region
      const { shipping_profiles } = await api.must("GET", "/admin/shipping-profiles")
      await api.must("POST", "/admin/shipping-options", {
        name: "EU Shipping", region_id: region.id, provider_id: "manual", profile_id: shipping_profiles.find((p: { type: string }) => p.type === "default").id,
        data: {}, price_type: "flat_rate", amount: 500, is_return: false,
      })
      const { store } = await api.must("GET", "/admin/store")
      await api.must("POST", "/admin/products", {
        title: "EU Mug", handle: "eu-mug-e2e", status: "published", sales_channels: [{ id: store.default_sales_channel_id }],
        options: [{ title: "Size" }],
        variants: [{ title: "One size", manage_inventory: false, prices: [{ currency_code: "eur", amount: 2300 }], options: [{ value: "One size" }] }],
      })
    }
    const shopper = new Shopper()
    const { cart } = await shopper.api.must("POST", "/store/carts", { region_id: region.id })
    shopper.cartId = cart.id
    const { products } = await admin().must("GET", "/admin/products?handle=eu-mug-e2e")
    await shopper.api.must("POST", `/store/carts/${cart.id}/line-items`, { variant_id: products[0].variants[0].id, quantity: 1 })
    const sessions = await shopper.api.post(`/store/carts/${cart.id}/payment-sessions`)
    expect(sessions.status).toBe(400)
    expect(sessions.body.message).toContain("InstantMerchant only accepts USD, and this region's currency is EUR")
    await expectNoOrder(shopper)
  })
})
