import { TEST_CARDS } from "../../src/sandbox"
import { adminSdk, customerSdk, refusal, sdkClient } from "./support/medusa-sdk"
import { CARD_PROVIDER, cardData, cartReadyToPay, contactData, orderPayment, payWith, placeOrder } from "./support/checkout"
import { gateway } from "./support/gateway"

/**
 * Saved cards the 2.x way: the signed-in customer's account holder is a
 * gateway customer, and a saved card is one of its stored cards. Who may use
 * it follows the request's authentication, never the data.
 */
describe("saved cards through account holders on Medusa 2.x", () => {
  it("a signed-in customer saves a card at checkout, sees it among their payment methods, pays with it again; another customer and a guest cannot", async () => {
    const admin = await adminSdk()
    const ada = await customerSdk(`ada-${Date.now()}@example.com`)
    const email = (await ada.sdk.store.customer.retrieve()).customer.email

    // First order: a new card, saved. Medusa made the account holder when the session started.
    const first = await cartReadyToPay(ada.sdk, email)
    const session = await payWith(ada.sdk, first, { ...cardData(TEST_CARDS.mastercard, { save_card: true }) })
    expect(session.data).toMatchObject({ card_saved: true, card_last_4: "4444", card_number: null, cvc: null })
    const accountCustomer = session.data.instantmerchant_customer_id
    await placeOrder(ada.sdk, first.id)

    const listed: any = await ada.sdk.client.fetch("/store/customers/me/payment-methods", { query: { provider_id: CARD_PROVIDER } })
    expect(listed.payment_methods).toEqual([
      expect.objectContaining({ id: session.data.card_id, provider_id: CARD_PROVIDER, data: expect.objectContaining({ last_4: "4444", exp_month: 12, exp_year: 2031 }) }),
    ])
    const gatewayCards = (await gateway.list("cards")).filter((c) => c.customer_id === accountCustomer)
    expect(gatewayCards.map((c) => c.card_id)).toEqual([session.data.card_id])

    // Second order: the saved card by its id alone, with the account's default billing address.
    const second = await cartReadyToPay(ada.sdk, email)
    const again = await payWith(ada.sdk, second, { card_id: session.data.card_id })
    expect(again.data).toMatchObject({ card_saved: true, card_id: session.data.card_id, instantmerchant_customer_id: accountCustomer })
    const order = await placeOrder(ada.sdk, second.id)
    const payment = await orderPayment(admin, order.id)
    expect(await gateway.charge(payment.data.charge_id)).toMatchObject({ amount: 4202, card_id: session.data.card_id, customer_id: accountCustomer, status: "authorized" })

    // Another signed-in customer, who knows the card's id, is refused; so is a guest.
    const grace = await customerSdk(`grace-${Date.now()}@example.com`)
    const graceCart = await cartReadyToPay(grace.sdk, "grace@example.com")
    const charges = (await gateway.list("charges")).length
    expect(await refusal(payWith(grace.sdk, graceCart, { card_id: session.data.card_id }))).toEqual({ status: 400, message: "card_id: is not one of your saved cards" })
    const guest = sdkClient()
    const guestCart = await cartReadyToPay(guest, "guest-with-card-id@example.com")
    expect(await refusal(payWith(guest, guestCart, { card_id: session.data.card_id, ...contactData("guest-with-card-id@example.com") }))).toMatchObject({
      status: 400,
      message: expect.stringContaining("card_id: saved cards are only for signed-in customers"),
    })
    const graceListed: any = await grace.sdk.client.fetch("/store/customers/me/payment-methods", { query: { provider_id: CARD_PROVIDER } })
    expect(graceListed.payment_methods).toEqual([])
    expect((await gateway.list("charges")).length).toBe(charges)
  })

  it("a card not saved goes on a gateway customer of its own session, and never shows among the account's cards", async () => {
    const ada = await customerSdk(`ada-once-${Date.now()}@example.com`)
    const email = (await ada.sdk.store.customer.retrieve()).customer.email
    const cart = await cartReadyToPay(ada.sdk, email)
    const session = await payWith(ada.sdk, cart, { ...cardData(TEST_CARDS.visa) })
    expect(session.data.card_saved).toBe(false)
    await placeOrder(ada.sdk, cart.id)
    const listed: any = await ada.sdk.client.fetch("/store/customers/me/payment-methods", { query: { provider_id: CARD_PROVIDER } })
    expect(listed.payment_methods).toEqual([])
  })
})
