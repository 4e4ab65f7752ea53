import { TEST_CARDS } from "../cards/test-cards"
import { chargeParams, control, createCard, createCustomer, expectError, post, useSandbox } from "./http-kit"

const sandbox = useSandbox()

describe("POST /charge", () => {
  it("answers exactly the reference's fields, with its prefixes and types", async () => {
    const reply = await post(sandbox(), "charge", chargeParams({ card_number: TEST_CARDS.visaAlternate }))
    expect(reply.status).toBe(200)
    expect(Object.keys(reply.body)).toEqual(["status", "message", "card_id", "card_last_4", "charge_id"])
    expect(reply.body.status).toBe(true)
    expect(reply.body.message).toBe("payment processed successfully")
    expect(reply.body.card_id).toMatch(/^card_[0-9a-f]+$/)
    expect(reply.body.card_last_4).toBe("1111")
    expect(reply.body.charge_id).toMatch(/^cha_[0-9a-f]+$/)
    expect(reply.headers.get("x-request-id")).toMatch(/^req_[0-9a-f]+$/)
  })

  it("with create_customer, save_card and recurring answers every field of the reference example", async () => {
    const reply = await post(
      sandbox(),
      "charge",
      chargeParams({ create_customer: "true", save_card: "true", is_default: "true", payment_type: "recurring", interval: "quarterly", send_email: 1 }),
    )
    expect(reply.status).toBe(200)
    expect(Object.keys(reply.body)).toEqual(["status", "message", "card_id", "card_last_4", "subscription_id", "expiry_date", "customer_id", "charge_id"])
    expect(reply.body.subscription_id).toMatch(/^sub_[0-9a-f]+$/)
    expect(Number.isInteger(reply.body.expiry_date)).toBe(true)
    expect(reply.body.expiry_date).toBeGreaterThan(sandbox().controls.now() + 88 * 86400)
    expect(reply.body.customer_id).toBe(1)
    const cards = await post(sandbox(), "card/get", { customer: reply.body.customer_id })
    expect(cards.body.data).toEqual([expect.objectContaining({ card_id: reply.body.card_id, is_default: "1" })])
    expect(sandbox().controls.list("outbox")).toEqual([expect.objectContaining({ to: "jim@example.com", kind: "payment_receipt", charge_id: reply.body.charge_id })])
    const second = await post(sandbox(), "charge", chargeParams({ create_customer: true }))
    expect(second.body.customer_id).toBe(2)
    expect(new Set(sandbox().controls.list("customers").map((c) => c.username)).size).toBe(2)
  })

  it("charges a saved card by card_id, on that card's customer", async () => {
    const customer = await createCustomer(sandbox())
    const cardId = await createCard(sandbox(), customer, TEST_CARDS.mastercard)
    const { card_number, exp_month, exp_year, cvc, ...withoutCard } = chargeParams()
    const reply = await post(sandbox(), "charge", { ...withoutCard, card_id: cardId })
    expect(reply.body).toMatchObject({ status: true, card_id: cardId, card_last_4: "4444", customer_id: customer })
    expect(sandbox().controls.list("charges")[0]).toMatchObject({ customer_id: customer, card_id: cardId, status: "captured" })
  })

  it("refuses card_id together with card details, and an unknown card_id is a 404", async () => {
    const customer = await createCustomer(sandbox())
    const cardId = await createCard(sandbox(), customer)
    expectError(await post(sandbox(), "charge", chargeParams({ card_id: cardId })), 400, "parameter_invalid", "card_id")
    const { card_number, ...rest } = chargeParams()
    expectError(await post(sandbox(), "charge", { ...rest, card_id: "card_nope", cvc: undefined, exp_month: undefined, exp_year: undefined }), 404, "resource_missing", "card_id")
  })

  it("save_card without a customer is a 400 naming save_card", async () => {
    expectError(await post(sandbox(), "charge", chargeParams({ save_card: true })), 400, "parameter_invalid", "save_card")
  })

  it.each([
    ["20.00", "parameter_invalid"],
    ["20.5", "parameter_invalid"],
    ["-100", "parameter_invalid"],
    ["99", "parameter_invalid"],
    ["abc", "parameter_invalid"],
  ])("amount %s is a 400 naming amount (never rounded)", async (amount, code) => {
    expectError(await post(sandbox(), "charge", chargeParams({ amount })), 400, code, "amount")
    expect(sandbox().controls.list("charges")).toEqual([])
  })

  it("a JSON decimal amount is a 400 too, a JSON integer is fine", async () => {
    expectError(await post(sandbox(), "charge", { ...chargeParams(), amount: 20.5 }, { json: true }), 400, "parameter_invalid", "amount")
    const ok = await post(sandbox(), "charge", { ...chargeParams(), amount: 100 }, { json: true })
    expect(ok.status).toBe(200)
  })

  it.each([
    ["name", "parameter_missing"],
    ["email", "parameter_missing"],
    ["description", "parameter_missing"],
    ["amount", "parameter_missing"],
    ["address", "parameter_missing"],
    ["city", "parameter_missing"],
    ["zip", "parameter_missing"],
    ["state", "parameter_missing"],
    ["country", "parameter_missing"],
  ])("missing %s is a 400 %s", async (field, code) => {
    expectError(await post(sandbox(), "charge", chargeParams({ [field]: undefined })), 400, code, field)
  })

  it.each([
    [{ currency: "eur" }, "currency"],
    [{ state: "Tennessee" }, "state"],
    [{ country: "USA" }, "country"],
    [{ email: "not-an-email" }, "email"],
    [{ payment_mode: "pay_later" }, "payment_mode"],
    [{ payment_type: "sometimes" }, "payment_type"],
    [{ payment_type: "recurring" }, "interval"],
    [{ payment_type: "recurring", interval: "daily" }, "interval"],
    [{ create_customer: "yes" }, "create_customer"],
    [{ card_number: "4242 4242 4242 4242" }, "card_number"],
    [{ card_number: "4242424242424241" }, "card_number"],
    [{ card_number: "42424242424" }, "card_number"],
    [{ exp_month: "13" }, "exp_month"],
    [{ exp_year: "202" }, "exp_year"],
    [{ exp_year: "2001" }, "exp_year"],
    [{ cvc: "12" }, "cvc"],
    [{ cardholder_name: "" }, "cardholder_name"],
  ])("%o is a 400 naming %s", async (extra, param) => {
    const reply = await post(sandbox(), "charge", chargeParams(extra))
    expect(reply.status).toBe(400)
    expect(reply.body.param).toBe(param)
    expect(reply.body.message.startsWith(`${param}:`)).toBe(true)
  })

  it("accepts USD in any case, exp_month '03' and a two-digit exp_year", async () => {
    const yy = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, "0")
    const reply = await post(sandbox(), "charge", chargeParams({ currency: "USD", exp_month: "03", exp_year: yy }))
    expect(reply.status).toBe(200)
  })

  it("a card is valid through the end of its expiry month", async () => {
    const now = new Date(sandbox().controls.now() * 1000)
    const thisMonth = { exp_month: String(now.getUTCMonth() + 1), exp_year: String(now.getUTCFullYear()) }
    expect((await post(sandbox(), "charge", chargeParams(thisMonth))).status).toBe(200)
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0))
    const lastMonth = { exp_month: String(last.getUTCMonth() + 1), exp_year: String(last.getUTCFullYear()) }
    expectError(await post(sandbox(), "charge", chargeParams(lastMonth)), 400, "parameter_invalid", "exp_year")
  })

  it.each([
    [TEST_CARDS.declined, "card_declined"],
    [TEST_CARDS.insufficientFunds, "insufficient_funds"],
    [TEST_CARDS.expiredCard, "expired_card"],
    [TEST_CARDS.incorrectCvc, "incorrect_cvc"],
    [TEST_CARDS.processingError, "processing_error"],
    [TEST_CARDS.declineAfterAttaching, "card_declined"],
  ])("raw card %s declines 402 %s and changes nothing", async (number, code) => {
    const reply = await post(sandbox(), "charge", chargeParams({ card_number: number, create_customer: true, payment_type: "recurring", interval: "monthly" }))
    expect(reply.status).toBe(402)
    expect(reply.body).toMatchObject({ status: false, code, decline_code: code })
    expect(reply.raw).not.toContain(number)
    for (const kind of ["charges", "customers", "cards", "subscriptions", "invoices"] as const) expect(sandbox().controls.list(kind)).toEqual([])
  })

  it("never echoes the card number or CVC, even in validation errors", async () => {
    const reply = await post(sandbox(), "charge", chargeParams({ card_number: "4242424242424241", cvc: "9876" }))
    expect(reply.raw).not.toContain("4242424242424241")
    const ok = await post(sandbox(), "charge", chargeParams({ cvc: "9876" }))
    expect(ok.raw).not.toContain(TEST_CARDS.visa)
    expect(ok.raw).not.toContain("9876")
    expect(JSON.stringify(sandbox().controls.list("cards"))).not.toContain(TEST_CARDS.visa)
  })
})

describe("capture and the 7-day authorization", () => {
  async function authorize(): Promise<string> {
    const reply = await post(sandbox(), "charge", chargeParams({ payment_mode: "auth_only" }))
    expect(reply.status).toBe(200)
    return reply.body.charge_id
  }

  it("captures an authorization once; the second capture is 409 charge_already_captured", async () => {
    const chargeId = await authorize()
    expect(sandbox().controls.list("charges")[0]).toMatchObject({ status: "authorized", captured: false, amount_captured: 0 })
    const reply = await post(sandbox(), "capture", { charge_id: chargeId })
    expect(reply.body).toEqual({ status: true, message: "payment captured successfully", charge_id: chargeId })
    expect(sandbox().controls.list("charges")[0]).toMatchObject({ status: "captured", captured: true, amount_captured: 1000 })
    expectError(await post(sandbox(), "capture", { charge_id: chargeId }), 409, "charge_already_captured")
  })

  it("an unknown charge_id is a 404 naming charge_id", async () => {
    expectError(await post(sandbox(), "capture", { charge_id: "cha_nope" }), 404, "resource_missing", "charge_id")
  })

  it("capture still works just before 7 days, and is 409 authorization_expired after", async () => {
    const early = await authorize()
    const late = await authorize()
    sandbox().controls.advanceClock(7 * 86400 - 60)
    expect((await post(sandbox(), "capture", { charge_id: early })).status).toBe(200)
    sandbox().controls.advanceClock(60)
    expectError(await post(sandbox(), "capture", { charge_id: late }), 409, "authorization_expired")
    const expired = sandbox().controls.list("charges").find((c) => c.charge_id === late)
    expect(expired).toMatchObject({ status: "expired", amount_refunded: 1000, captured: false })
    expectError(await post(sandbox(), "refund", { charge_id: late }), 409, "authorization_expired")
  })
})

describe("POST /refund", () => {
  async function capturedCharge(amount = 1000): Promise<string> {
    return (await post(sandbox(), "charge", chargeParams({ amount }))).body.charge_id
  }

  it("refunds in parts up to the remainder, then 409 charge_already_refunded", async () => {
    const chargeId = await capturedCharge()
    const first = await post(sandbox(), "refund", { charge_id: chargeId, amount: 300 })
    expect(first.body).toEqual({ status: true, message: "Refund has been initiated successfully", refund_id: expect.stringMatching(/^ref_[0-9a-f]+$/) })
    expect(sandbox().controls.list("charges")[0]).toMatchObject({ status: "partially_refunded", amount_refunded: 300 })
    expectError(await post(sandbox(), "refund", { charge_id: chargeId, amount: 701 }), 400, "amount_too_large", "amount")
    const rest = await post(sandbox(), "refund", { charge_id: chargeId })
    expect(rest.status).toBe(200)
    expect(sandbox().controls.list("refunds").map((r) => r.amount)).toEqual([300, 700])
    expect(sandbox().controls.list("charges")[0]).toMatchObject({ status: "refunded", amount_refunded: 1000 })
    expectError(await post(sandbox(), "refund", { charge_id: chargeId, amount: 1 }), 409, "charge_already_refunded")
  })

  it.each(["0", "1.5", "-3"])("refund amount %s is a 400 naming amount", async (amount) => {
    const chargeId = await capturedCharge()
    expectError(await post(sandbox(), "refund", { charge_id: chargeId, amount }), 400, "parameter_invalid", "amount")
  })

  it("a refund of 1 cent is allowed (refunds have no $1 minimum)", async () => {
    const chargeId = await capturedCharge()
    expect((await post(sandbox(), "refund", { charge_id: chargeId, amount: 1 })).status).toBe(200)
  })

  it("releases an uncaptured authorization whole; a partial release is a 400", async () => {
    const chargeId = (await post(sandbox(), "charge", chargeParams({ payment_mode: "auth_only" }))).body.charge_id
    expectError(await post(sandbox(), "refund", { charge_id: chargeId, amount: 500 }), 400, "parameter_invalid", "amount")
    expect((await post(sandbox(), "refund", { charge_id: chargeId, amount: 1000 })).status).toBe(200)
    expect(sandbox().controls.list("charges")[0]).toMatchObject({ status: "released", amount_refunded: 1000 })
    expectError(await post(sandbox(), "capture", { charge_id: chargeId }), 409, "charge_already_refunded")
    expectError(await post(sandbox(), "refund", { charge_id: chargeId }), 409, "charge_already_refunded")
  })
})

describe("control lists", () => {
  it("lists a charge with every documented column", async () => {
    await post(sandbox(), "charge", chargeParams({ payment_mode: "auth_only" }))
    const { body } = await control(sandbox(), "GET", "charges")
    expect(Object.keys(body.data[0])).toEqual(
      expect.arrayContaining([
        "charge_id", "amount", "currency", "status", "captured", "amount_captured", "amount_refunded", "payment_mode",
        "card_id", "customer_id", "invoice_num", "subscription_id", "description", "created_at", "authorization_expires_at",
      ]),
    )
    expect(body.data[0].authorization_expires_at - body.data[0].created_at).toBe(7 * 86400)
  })

  it("card details for a one-off charge are not listed by card/get", async () => {
    const reply = await post(sandbox(), "charge", chargeParams({ create_customer: true }))
    const cards = await post(sandbox(), "card/get", { customer: reply.body.customer_id })
    expect(cards.body.data).toEqual([])
    expect(sandbox().controls.list("cards")).toEqual([expect.objectContaining({ saved: false, last4: "4242" })])
  })
})
