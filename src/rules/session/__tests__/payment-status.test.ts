import { paymentStatusOf } from "../payment-status"
import { refundableAmount, toSessionData } from "../session-data"
import { declineMessage } from "../../card/decline-message"

describe("paymentStatusOf", () => {
  it.each([
    ["no data", undefined, "pending"],
    ["no card yet", { amount: 1000, currency_code: "usd" }, "pending"],
    ["a card, no charge", { amount: 1000, currency_code: "usd", card_id: "card_1" }, "pending"],
    ["a charge", { amount: 1000, currency_code: "usd", card_id: "card_1", charge_id: "cha_1" }, "authorized"],
    ["a captured charge", { amount: 1000, currency_code: "usd", charge_id: "cha_1", captured: true }, "authorized"],
    ["a failed charge", { amount: 1000, currency_code: "usd", card_id: "card_1", charge_failed: true }, "error"],
    ["a released charge", { amount: 1000, currency_code: "usd", charge_id: "cha_1", released: true }, "canceled"],
  ] as const)("%s → %s", (_label, data, status) => {
    expect(paymentStatusOf(data as never)).toBe(status)
  })
})

describe("toSessionData keeps only the allowed fields", () => {
  it("drops card numbers, CVCs and anything unknown", () => {
    const data = toSessionData({
      amount: 1000,
      currency_code: "usd",
      card_id: "card_1",
      card_last_4: "4242",
      card_number: "4242424242424242",
      cvc: "123",
      cardholder_name: "Jim",
      api_secret: "s",
    })
    expect(data).toEqual({ amount: 1000, currency_code: "usd", card_id: "card_1", card_last_4: "4242" })
  })
})

describe("refundableAmount", () => {
  it.each([
    [{ amount: 1000, currency_code: "usd" }, 0],
    [{ amount: 1000, currency_code: "usd", charge_id: "cha_1" }, 0],
    [{ amount: 1000, currency_code: "usd", charge_id: "cha_1", captured: true }, 1000],
    [{ amount: 1000, currency_code: "usd", charge_id: "cha_1", captured: true, amount_refunded: 300 }, 700],
    [{ amount: 1000, currency_code: "usd", charge_id: "cha_1", captured: true, released: true }, 0],
  ] as const)("%j → %i", (data, left) => expect(refundableAmount(data as never)).toBe(left))
})

describe("declineMessage", () => {
  it.each([
    ["insufficient_funds", "Your card was declined: insufficient funds"],
    ["incorrect_cvc", "Your card was declined: the security code (CVC) is incorrect"],
    ["card_declined", "Your card was declined: the bank declined it"],
    [undefined, "Your card was declined: the bank declined it"],
    ["something_new", "Your card was declined: the bank declined it"],
  ])("%p → %s", (code, message) => expect(declineMessage(code)).toBe(message))
})
