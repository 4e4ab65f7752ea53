import { TEST_CARDS } from "../cards/test-cards"
import { cardDetails, createCard, createCustomer, expectError, post, useSandbox, type FormParams } from "./http-kit"

const sandbox = useSandbox()

function invoiceParams(customer: number, extra: FormParams = {}): FormParams {
  return { customer, description: "test description", date_due: "08/12/2030", items: ["apple", "orange"], items_price: [2000, 1800], ...extra }
}

describe("POST /invoice", () => {
  it("pay_later (the default) creates an open invoice: amount = sum of items, integer invoice_num from 1", async () => {
    const customer = await createCustomer(sandbox())
    const reply = await post(sandbox(), "invoice", invoiceParams(customer))
    expect(reply.body).toEqual({ status: true, message: "invoice created successfully", invoice_num: 1 })
    expect(sandbox().controls.list("invoices")[0]).toMatchObject({
      invoice_num: 1, customer_id: customer, amount: 3800, status: "open", charge_id: null, date_due: "08/12/2030",
      items: [{ name: "apple", price: 2000 }, { name: "orange", price: 1800 }],
    })
    expect((await post(sandbox(), "invoice", invoiceParams(customer))).body.invoice_num).toBe(2)
  })

  it("auth_and_capture with card details charges at once and answers the reference example's fields", async () => {
    const customer = await createCustomer(sandbox())
    const reply = await post(
      sandbox(),
      "invoice",
      invoiceParams(customer, { payment_mode: "auth_and_capture", payment_type: "recurring", interval: "quarterly", save_card: true, send_now: 1, send_invoice_to: "billing@example.com", ...cardDetails() }),
    )
    expect(Object.keys(reply.body)).toEqual(["status", "message", "card_id", "card_last_4", "subscription_id", "expiry_date", "charge_id", "invoice_num"])
    expect(reply.body).toMatchObject({ card_last_4: "4242", invoice_num: 1 })
    expect(sandbox().controls.list("invoices")[0]).toMatchObject({ status: "paid", charge_id: reply.body.charge_id, subscription_id: reply.body.subscription_id })
    expect(sandbox().controls.list("charges")[0]).toMatchObject({ amount: 3800, status: "captured", invoice_num: 1 })
    expect(sandbox().controls.list("outbox")).toEqual([expect.objectContaining({ to: "billing@example.com", kind: "invoice", invoice_num: 1 })])
  })

  it("create_customer=true builds the customer from the invoice (and answers customer_id)", async () => {
    const reply = await post(sandbox(), "invoice", {
      create_customer: "true", description: "d", date_due: "1/5/2031", items: ["x"], items_price: [500],
      address: "1 Main", city: "Nashville", state: "tn", zip: "37251", send_invoice_to: "new@example.com", cardholder_name: "Ann",
    })
    expect(reply.status).toBe(200)
    expect(reply.body.customer_id).toBe(1)
    expect(sandbox().controls.list("customers")[0]).toMatchObject({ name: "Ann", email: "new@example.com", state: "TN", country: "US" })
    expect(sandbox().controls.list("invoices")[0].date_due).toBe("01/05/2031")
  })

  it.each([
    [{ date_due: "13/01/2030" }, "date_due"],
    [{ date_due: "02/30/2030" }, "date_due"],
    [{ date_due: "2030-08-12" }, "date_due"],
    [{ items_price: [2000] }, "items_price"],
    [{ items_price: [2000, "18.00"] }, "items_price"],
    [{ items_price: [50, 40] }, "items_price"],
    [{ items: ["apple", ""] }, "items"],
    [{ country: "CA" }, "country"],
    [{ currency: "eur" }, "currency"],
    [{ payment_mode: "later" }, "payment_mode"],
    [{ card_id: "card_x" }, "payment_mode"],
    [{ payment_type: "recurring", interval: "biweekly" }, "interval"],
    [{ description: undefined }, "description"],
  ])("%o is a 400 naming %s", async (extra, param) => {
    const customer = await createCustomer(sandbox())
    const reply = await post(sandbox(), "invoice", invoiceParams(customer, extra))
    expect(reply.status).toBe(400)
    expect(reply.body.param).toBe(param)
    expect(sandbox().controls.list("invoices")).toEqual([])
  })

  it("an unknown customer is a 404; create_customer without send_invoice_to is a 400", async () => {
    expectError(await post(sandbox(), "invoice", invoiceParams(42)), 404, "resource_missing", "customer")
    const { customer, ...rest } = invoiceParams(0)
    expectError(await post(sandbox(), "invoice", { ...rest, create_customer: 1, address: "a", city: "c", state: "TN", zip: "1" }), 400, "parameter_missing", "send_invoice_to")
  })

  it("a declined invoice charge creates no invoice, charge or subscription", async () => {
    const customer = await createCustomer(sandbox())
    const reply = await post(sandbox(), "invoice", invoiceParams(customer, { payment_mode: "auth_and_capture", payment_type: "recurring", interval: "monthly", ...cardDetails(TEST_CARDS.declined) }))
    expect(reply.status).toBe(402)
    for (const kind of ["invoices", "charges", "subscriptions", "cards"] as const) expect(sandbox().controls.list(kind)).toEqual([])
    expect((await post(sandbox(), "invoice", invoiceParams(customer))).body.invoice_num).toBe(1)
  })
})

describe("POST /invoice/charge, /invoice/send", () => {
  it("pays an open invoice with a saved card; a second charge is 409 invoice_already_paid", async () => {
    const customer = await createCustomer(sandbox())
    const cardId = await createCard(sandbox(), customer)
    const { body } = await post(sandbox(), "invoice", invoiceParams(customer, { payment_type: "recurring", interval: "monthly" }))
    const reply = await post(sandbox(), "invoice/charge", { invoice_num: body.invoice_num, card_id: cardId, send_email: 1 })
    expect(reply.body).toMatchObject({ status: true, message: "payment processed successfully", card_id: cardId, card_last_4: "4242", invoice_num: body.invoice_num })
    expect(reply.body.charge_id).toMatch(/^cha_/)
    expect(reply.body.subscription_id).toMatch(/^sub_/)
    expect(sandbox().controls.list("invoices")[0].status).toBe("paid")
    expect(sandbox().controls.list("outbox")).toHaveLength(1)
    expectError(await post(sandbox(), "invoice/charge", { invoice_num: body.invoice_num, card_id: cardId }), 409, "invoice_already_paid")
  })

  it("a card of another customer cannot pay the invoice; unknown invoice_num is a 404", async () => {
    const alice = await createCustomer(sandbox())
    const bob = await createCustomer(sandbox())
    const bobsCard = await createCard(sandbox(), bob)
    const { body } = await post(sandbox(), "invoice", invoiceParams(alice))
    expectError(await post(sandbox(), "invoice/charge", { invoice_num: body.invoice_num, card_id: bobsCard }), 400, "parameter_invalid", "card_id")
    expectError(await post(sandbox(), "invoice/charge", { invoice_num: 99, ...cardDetails() }), 404, "resource_missing", "invoice_num")
  })

  it("invoice/send records an email to send_invoice_to or the customer's email", async () => {
    const customer = await createCustomer(sandbox(), { email: "cust@example.com" })
    const plain = (await post(sandbox(), "invoice", invoiceParams(customer))).body.invoice_num
    const routed = (await post(sandbox(), "invoice", invoiceParams(customer, { send_invoice_to: "ap@example.com" }))).body.invoice_num
    expect((await post(sandbox(), "invoice/send", { invoice_num: plain })).body).toEqual({ status: true, message: "Invoice notification sent successfully" })
    await post(sandbox(), "invoice/send", { invoice_num: routed })
    expect(sandbox().controls.list("outbox").map((e) => [e.invoice_num, e.to])).toEqual([[plain, "cust@example.com"], [routed, "ap@example.com"]])
    expectError(await post(sandbox(), "invoice/send", { invoice_num: 77 }), 404, "resource_missing", "invoice_num")
  })
})

describe("POST /invoice/capture, /invoice/refund", () => {
  async function authorizedInvoice(): Promise<{ invoice_num: number; charge_id: string }> {
    const customer = await createCustomer(sandbox())
    const reply = await post(sandbox(), "invoice", invoiceParams(customer, { payment_mode: "auth_only", ...cardDetails() }))
    return reply.body
  }

  it("captures an invoice's authorization and answers invoice_num as an integer", async () => {
    const { invoice_num, charge_id } = await authorizedInvoice()
    const reply = await post(sandbox(), "invoice/capture", { charge_id })
    expect(reply.body).toEqual({ status: true, message: "payment captured successfully", charge_id, invoice_num })
    expectError(await post(sandbox(), "invoice/capture", { charge_id }), 409, "charge_already_captured")
  })

  it("refunds move the invoice to partially_refunded then refunded", async () => {
    const { charge_id } = await authorizedInvoice()
    await post(sandbox(), "invoice/capture", { charge_id })
    const partial = await post(sandbox(), "invoice/refund", { charge_id, amount: 800 })
    expect(partial.body.refund_id).toMatch(/^ref_/)
    expect(sandbox().controls.list("invoices")[0].status).toBe("partially_refunded")
    await post(sandbox(), "invoice/refund", { charge_id })
    expect(sandbox().controls.list("invoices")[0].status).toBe("refunded")
    expectError(await post(sandbox(), "invoice/refund", { charge_id }), 409, "charge_already_refunded")
  })

  it("a charge that is not an invoice's is refused by the invoice routes", async () => {
    const customer = await createCustomer(sandbox())
    const cardId = await createCard(sandbox(), customer)
    const charge = await post(sandbox(), "charge", { name: "J", email: "j@example.com", description: "d", amount: 500, address: "a", city: "c", zip: "1", state: "TN", country: "US", card_id: cardId, payment_mode: "auth_only" })
    expectError(await post(sandbox(), "invoice/capture", { charge_id: charge.body.charge_id }), 400, "parameter_invalid", "charge_id")
    expectError(await post(sandbox(), "invoice/refund", { charge_id: charge.body.charge_id }), 400, "parameter_invalid", "charge_id")
  })

  it("an invoice authorization expires after 7 days like any other", async () => {
    const { charge_id } = await authorizedInvoice()
    sandbox().controls.advanceClock(7 * 86400)
    expectError(await post(sandbox(), "invoice/capture", { charge_id }), 409, "authorization_expired")
    expect(sandbox().controls.list("invoices")[0].status).toBe("refunded")
  })
})
