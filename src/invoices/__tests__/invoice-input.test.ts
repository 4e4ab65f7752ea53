import { parseChargeInvoiceInput, parseCreateInvoiceInput, parseEmptyBody, parseInvoiceNum, parseListInvoicesQuery, parseRefundInvoiceInput } from "../invoice-input"
import { refusalOf as refusal } from "../../rules/__fixtures__/refusal"

const NOW = new Date("2026-06-10T12:00:00Z")
const valid = { customer_id: "cus_1", description: "Consulting, May", items: [{ name: "Consulting", price: 15000 }], date_due: "2026-06-30" }


describe("POST /admin/instantmerchant/invoices body", () => {
  it("reads a valid body, converting the due date to the gateway's mm/dd/yyyy", () => {
    expect(parseCreateInvoiceInput({ ...valid, send_now: true, send_invoice_to: " ap@acme.test " }, NOW)).toEqual({
      ...valid,
      date_due: "06/30/2026",
      send_now: true,
      send_invoice_to: "ap@acme.test",
    })
    expect(parseCreateInvoiceInput({ ...valid, date_due: "7/4/2026" }, NOW).date_due).toBe("07/04/2026")
  })

  it.each<[string, unknown, string]>([
    ["no body", undefined, "customer_id: is required"],
    ["an array", [valid], "body: must be a JSON object"],
    ["no description", { ...valid, description: " " }, "description: is required"],
    ["no items", { ...valid, items: [] }, "items: is required"],
    ["items not a list", { ...valid, items: "Consulting" }, "items: is required"],
    ["a decimal price", { ...valid, items: [{ name: "A", price: 150.5 }] }, "items[0].price: must be a positive integer number of cents, got 150.5"],
    ["a string price", { ...valid, items: [{ name: "A", price: "150" }] }, "items[0].price: must be a positive integer"],
    ["a zero price", { ...valid, items: [{ name: "A", price: 100 }, { name: "B", price: 0 }] }, "items[1].price"],
    ["an unnamed item", { ...valid, items: [{ price: 500 }] }, "items[0].name: is required"],
    ["an unknown item field", { ...valid, items: [{ name: "A", price: 500, qty: 2 }] }, "items[0].qty: is not a field"],
    ["below the $1 minimum", { ...valid, items: [{ name: "A", price: 99 }] }, "items: must total at least $1.00"],
    ["no due date", { ...valid, date_due: undefined }, "date_due: is required"],
    ["an impossible date", { ...valid, date_due: "2026-02-30" }, "date_due: must be a real date"],
    ["a past date", { ...valid, date_due: "2026-01-01" }, "date_due: must be today or later"],
    ["send_now as a string", { ...valid, send_now: "yes" }, "send_now: must be true or false"],
    ["a bad email", { ...valid, send_invoice_to: "nobody" }, "send_invoice_to: must be an email address"],
    ["a typo", { ...valid, descripton: "x" }, "descripton: is not a field of this request"],
    ["an unknown address field", { ...valid, address: { street: "1 Main" } }, "address.street: is not an address field"],
  ])("%s → %s", (_n, body, message) => {
    expect(refusal(() => parseCreateInvoiceInput(body, NOW))).toContain(message)
  })
})

describe("charge, refund and empty bodies", () => {
  it("reads a saved card or card details, auth_and_capture by default", () => {
    expect(parseChargeInvoiceInput({ card_id: "card_abc123" })).toMatchObject({ card: { kind: "saved", card_id: "card_abc123" }, payment_mode: "auth_and_capture", send_email: false })
    expect(
      parseChargeInvoiceInput({ cardholder_name: "Jim", card_number: "4242 4242 4242 4242", exp_month: 12, exp_year: 2099, cvc: "123", payment_mode: "auth_only" })
    ).toMatchObject({ card: { kind: "new", card_number: "4242424242424242" }, payment_mode: "auth_only" })
  })

  it.each<[string, () => unknown, string]>([
    ["no card", () => parseChargeInvoiceInput({}), "card_number: is required"],
    ["a bad Luhn", () => parseChargeInvoiceInput({ cardholder_name: "J", card_number: "4242424242424241", exp_month: 1, exp_year: 2099, cvc: "123" }), "card_number: is not a valid card number"],
    ["card_id and details", () => parseChargeInvoiceInput({ card_id: "card_a", card_number: "4242424242424242" }), "card_id: send either"],
    ["a bad payment_mode", () => parseChargeInvoiceInput({ card_id: "card_a", payment_mode: "pay_later" }), "payment_mode: must be auth_and_capture or auth_only"],
    ["an unknown field", () => parseChargeInvoiceInput({ card_id: "card_a", amount: 5 }), "amount: is not a field"],
    ["no refund amount", () => parseRefundInvoiceInput({}), "amount: is required"],
    ["a decimal refund", () => parseRefundInvoiceInput({ amount: 10.5 }), "amount: must be a positive integer number of cents, got 10.5"],
    ["a string refund", () => parseRefundInvoiceInput({ amount: "1000" }), "amount: must be a positive integer"],
    ["a body on send", () => parseEmptyBody({ to: "x@y.z" }), "to: is not a field of this request, which takes none"],
    ["invoice_num not a number", () => parseInvoiceNum("abc"), "invoice_num: must be a positive whole number"],
    ["invoice_num zero", () => parseInvoiceNum("0"), "invoice_num: must be a positive whole number"],
  ])("%s → %s", (_n, fn, message) => {
    expect(refusal(fn)).toContain(message)
  })

  it("never quotes the card number or CVC in an error", () => {
    const message = refusal(() => parseChargeInvoiceInput({ cardholder_name: "J", card_number: "4242424242424241", exp_month: 1, exp_year: 2099, cvc: "987" }))
    expect(message).not.toContain("4242424242424241")
    expect(message).not.toContain("987")
  })
})

describe("GET /admin/instantmerchant/invoices query", () => {
  it.each<[unknown, unknown]>([
    [{}, { offset: 0, limit: 20 }],
    [{ offset: "40", limit: "10", status: "paid", customer_id: "cus_1" }, { offset: 40, limit: 10, status: "paid", customer_id: "cus_1" }],
  ])("%j → %j", (query, expected) => {
    expect(parseListInvoicesQuery(query)).toEqual(expected)
  })

  it.each<[unknown, string]>([
    [{ limit: "0" }, "limit: must be a whole number from 1 to 100"],
    [{ limit: "500" }, "limit: must be a whole number from 1 to 100"],
    [{ offset: "-1" }, "offset: must be a whole number"],
    [{ status: "void" }, "status: must be one of open, paid, partially_refunded, refunded"],
    [{ sort: "amount" }, "sort: is not a field"],
  ])("%j → %s", (query, message) => {
    expect(refusal(() => parseListInvoicesQuery(query))).toContain(message)
  })
})
