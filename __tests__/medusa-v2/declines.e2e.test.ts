import { TEST_CARDS } from "../../src/sandbox"
import { refusal, sdkClient } from "./support/medusa-sdk"
import { CARD_PROVIDER, cardData, cartReadyToPay, contactData, payWith, placeOrder } from "./support/checkout"
import { gateway } from "./support/gateway"
import { v2 } from "./support/v2-env"

/** What a 2.x shopper sees when the card or the data is refused; nothing moves at the gateway. */
describe("refusals on Medusa 2.x", () => {
  const shopper = sdkClient()

  it("a card declined at card entry is a 422 with the decline's reason, and no session or charge is left", async () => {
    const cart = await cartReadyToPay(shopper, "declined-entry@example.com")
    const charges = (await gateway.list("charges")).length
    const refused = await refusal(payWith(shopper, cart, { ...cardData(TEST_CARDS.declined), ...contactData("declined-entry@example.com") }))
    expect(refused).toEqual({ status: 422, message: "Your card was declined: the bank declined it" })
    const { cart: after } = await shopper.store.cart.retrieve(cart.id, { fields: "*payment_collection.payment_sessions" })
    expect((after as any).payment_collection?.payment_sessions ?? []).toEqual([])
    expect((await gateway.list("charges")).length).toBe(charges)
  })

  it("a card declined at payment leaves the cart open with the decline's reason, and no order", async () => {
    const cart = await cartReadyToPay(shopper, "declined-payment@example.com")
    const session = await payWith(shopper, cart, { ...cardData(TEST_CARDS.insufficientFunds), ...contactData("declined-payment@example.com") })
    expect(session.data).toMatchObject({ card_last_4: "9995", card_number: null, cvc: null })
    const result: any = await shopper.store.cart.complete(cart.id)
    expect(result.type).toBe("cart")
    expect(result.error.message).toBe("Your card was declined: insufficient funds")
    expect(await gateway.chargesOfSession(session.id)).toEqual([])

    // The shopper tries another card: a new session, and this time an order.
    await payWith(shopper, cart, { ...cardData(TEST_CARDS.visa), ...contactData("declined-payment@example.com") })
    const order = await placeOrder(shopper, cart.id)
    expect(order.id).toMatch(/^order_/)
  })

  it.each([
    [{ ...cardData("4242424242424241") }, "card_number: is not a valid card number (it fails the Luhn check)"],
    [{ ...cardData(TEST_CARDS.visa, { cvc: "12" }) }, "cvc: must be 3 or 4 digits"],
    [{ ...cardData(TEST_CARDS.visa, { exp_year: 2020 }) }, "exp_year: the card expired in 12/2020"],
    [{ ...cardData(TEST_CARDS.visa, { number: "4242424242424242" }) }, "number: is not a field of the InstantMerchant payment data"],
    [{ ...cardData(TEST_CARDS.visa, { billing_address: undefined }), email: "malformed@example.com" }, "billing_address: is required"],
    [{ ...cardData(TEST_CARDS.visa, { save_card: true }) }, "save_card: saved cards are only for signed-in customers"],
    [{ card_id: "card_0123456789" }, "card_id: saved cards are only for signed-in customers"],
  ])("malformed or unauthorized card data %# is a 400 naming the field", async (data, message) => {
    const cart = await cartReadyToPay(shopper, "malformed@example.com")
    const body = { ...contactData("malformed@example.com"), ...data }
    const refused = await refusal(payWith(shopper, cart, body))
    expect(refused.status).toBe(400)
    expect(refused.message).toContain(message)
    expect(refused.message).not.toContain("4242424242424242")
  })

  it("a region in another currency than USD is refused when the payment session starts", async () => {
    const cart = await cartReadyToPay(shopper, "euro@example.com", v2.seeded.eur_region_id)
    const customers = (await gateway.list("customers")).length
    const refused = await refusal(shopper.store.payment.initiatePaymentSession(cart, { provider_id: CARD_PROVIDER, data: { ...cardData(), ...contactData("euro@example.com") } }))
    expect(refused).toEqual({ status: 400, message: "currency_code: InstantMerchant only accepts USD, and this region's currency is EUR" })
    expect((await gateway.list("customers")).length).toBe(customers)
  })
})
