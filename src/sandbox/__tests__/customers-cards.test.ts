import { TEST_CARDS } from "../cards/test-cards"
import { cardDetails, chargeParams, createCard, createCustomer, customerParams, expectError, post, useSandbox } from "./http-kit"

const sandbox = useSandbox()

describe("POST /customer", () => {
  it("answers the reference's fields with integer ids counting from 1", async () => {
    const first = await post(sandbox(), "customer", customerParams())
    expect(first.body).toEqual({ status: true, message: "Customer created successfully", customer_id: 1 })
    const second = await post(sandbox(), "customer", customerParams())
    expect(second.body.customer_id).toBe(2)
  })

  it("usernames are unique (case-insensitively): a duplicate is a 400 naming username", async () => {
    await post(sandbox(), "customer", customerParams({ username: "jim123" }))
    expectError(await post(sandbox(), "customer", customerParams({ username: "JIM123" })), 400, "parameter_invalid", "username")
    expect(sandbox().controls.list("customers")).toHaveLength(1)
  })

  it.each(["name", "email", "username", "address", "city", "zip", "state", "country"])("%s is required", async (field) => {
    expectError(await post(sandbox(), "customer", customerParams({ [field]: undefined })), 400, "parameter_missing", field)
  })
})

describe("POST /card", () => {
  it("stores a card: the reference's answer, and the first card is the default", async () => {
    const customer = await createCustomer(sandbox())
    const reply = await post(sandbox(), "card", { customer, description: "newcard", ...cardDetails(TEST_CARDS.visaAlternate), exp_month: "03", currency: "usd" })
    expect(reply.body).toEqual({ status: true, message: "Card created successfully", card_id: expect.stringMatching(/^card_[0-9a-f]+$/), card_last_4: "1111" })
    const listed = await post(sandbox(), "card/get", { customer })
    expect(listed.body.data[0].is_default).toBe("1")
  })

  it("an unknown customer is a 404 naming customer", async () => {
    expectError(await post(sandbox(), "card", { customer: 99, ...cardDetails() }), 404, "resource_missing", "customer")
  })

  it("is_default=true moves the default; only one card is ever default", async () => {
    const customer = await createCustomer(sandbox())
    const first = await createCard(sandbox(), customer)
    const second = await createCard(sandbox(), customer, TEST_CARDS.mastercard)
    const third = await createCard(sandbox(), customer, TEST_CARDS.visaAlternate, { is_default: "TRUE" })
    const { body } = await post(sandbox(), "card/get", { customer })
    const defaults = Object.fromEntries(body.data.map((c: any) => [c.card_id, c.is_default]))
    expect(defaults).toEqual({ [first]: "0", [second]: "0", [third]: "1" })
  })

  it.each([
    [TEST_CARDS.declined, "card_declined"],
    [TEST_CARDS.expiredCard, "expired_card"],
    [TEST_CARDS.incorrectCvc, "incorrect_cvc"],
    [TEST_CARDS.processingError, "processing_error"],
  ])("storing %s verifies it: 402 %s, nothing stored", async (number, code) => {
    const customer = await createCustomer(sandbox())
    const reply = await post(sandbox(), "card", { customer, ...cardDetails(number) })
    expect(reply.status).toBe(402)
    expect(reply.body).toMatchObject({ code, decline_code: code })
    expect(sandbox().controls.list("cards")).toEqual([])
  })

  it.each([
    [TEST_CARDS.insufficientFunds, "insufficient_funds"],
    [TEST_CARDS.declineAfterAttaching, "card_declined"],
  ])("%s stores fine and declines %s on every charge", async (number, code) => {
    const customer = await createCustomer(sandbox())
    const cardId = await createCard(sandbox(), customer, number)
    const { card_number, exp_month, exp_year, cvc, cardholder_name, ...rest } = chargeParams()
    for (let i = 0; i < 2; i++) {
      const reply = await post(sandbox(), "charge", { ...rest, card_id: cardId })
      expect(reply.status).toBe(402)
      expect(reply.body).toMatchObject({ code, decline_code: code })
    }
    expect(sandbox().controls.list("charges")).toEqual([])
  })
})

describe("POST /card/get", () => {
  it("answers the reference example's shape: strings only, cc_valid_thru M/YYYY, card_type by brand", async () => {
    const customer = await createCustomer(sandbox())
    const visa = await createCard(sandbox(), customer, TEST_CARDS.visa, { exp_month: "03", exp_year: "2031" })
    const master = await createCard(sandbox(), customer, TEST_CARDS.mastercard, { exp_month: "11", exp_year: "2032" })
    const reply = await post(sandbox(), "card/get", { customer })
    expect(reply.body.message).toBe("Credit card details retrieved successfully")
    expect(reply.body.data).toEqual([
      { card_id: visa, is_default: "1", card_type: "visa", cc_last_4: "4242", cc_valid_thru: "3/2031" },
      { card_id: master, is_default: "0", card_type: "mastercard", cc_last_4: "4444", cc_valid_thru: "11/2032" },
    ])
    const one = await post(sandbox(), "card/get", { customer, card_id: master })
    expect(one.body.data).toHaveLength(1)
    expect(one.body.data[0].card_id).toBe(master)
  })

  it("another customer's card, or an unknown one, is a 404 naming card_id; an unknown customer names customer", async () => {
    const alice = await createCustomer(sandbox())
    const bob = await createCustomer(sandbox())
    const bobsCard = await createCard(sandbox(), bob)
    expectError(await post(sandbox(), "card/get", { customer: alice, card_id: bobsCard }), 404, "resource_missing", "card_id")
    expectError(await post(sandbox(), "card/get", { customer: alice, card_id: "card_nope" }), 404, "resource_missing", "card_id")
    expectError(await post(sandbox(), "card/get", { customer: 404 }), 404, "resource_missing", "customer")
  })
})
