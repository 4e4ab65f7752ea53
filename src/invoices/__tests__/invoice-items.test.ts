import { InvoiceableCart, invoiceItemsFor } from "../invoice-items"
import { refusalOf as refusal } from "../../rules/__fixtures__/refusal"

type Line = InvoiceableCart["items"][number]
const line = (title: string, subtotal: number, discount_total = 0, quantity = 1): Line => ({ title, quantity, subtotal, discount_total })
const cart = (items: Line[], extra: Partial<InvoiceableCart> = {}): InvoiceableCart => ({ items, shipping_total: 0, tax_total: 0, gift_card_total: 0, ...extra })


describe("invoice items from a cart", () => {
  it.each<[string, InvoiceableCart, number, Array<[string, number]>]>([
    ["one line", cart([line("T-shirt", 2500)]), 2500, [["T-shirt", 2500]]],
    ["quantity in the name", cart([line("T-shirt", 5000, 0, 2)]), 5000, [["T-shirt x 2", 5000]]],
    ["shipping then tax, after the lines", cart([line("Mug", 1200), line("Cap", 800)], { shipping_total: 500, tax_total: 175 }), 2675, [["Mug", 1200], ["Cap", 800], ["Shipping", 500], ["Tax", 175]]],
    ["a line discount lowers its line", cart([line("T-shirt", 2500, 250)], { shipping_total: 500 }), 2750, [["T-shirt", 2250], ["Shipping", 500]]],
    ["free shipping and no tax are left out", cart([line("T-shirt", 2500)], { shipping_total: 0, tax_total: 0 }), 2500, [["T-shirt", 2500]]],
    ["a fully discounted line is left out", cart([line("Gift", 1000, 1000), line("T-shirt", 2500)]), 2500, [["T-shirt", 2500]]],
    ["an odd-cent discount split over lines", cart([line("A", 1001, 333), line("B", 1001, 334)], { tax_total: 1 }), 1336, [["A", 668], ["B", 667], ["Tax", 1]]],
    ["a blank title still gets a name", cart([line("  ", 150)]), 150, [["Item", 150]]],
  ])("%s", (_name, c, amount, expected) => {
    const items = invoiceItemsFor(c, amount)
    expect(items.map((i) => [i.name, i.price])).toEqual(expected)
    expect(items.reduce((n, i) => n + i.price, 0)).toBe(amount)
    expect(items.every((i) => Number.isInteger(i.price) && i.price > 0)).toBe(true)
  })

  it.each<[string, InvoiceableCart, number, string]>([
    ["a gift card", cart([line("T-shirt", 2500)], { gift_card_total: 1000 }), 1500, "gift_card: a gift card ($10.00) cannot be written"],
    ["a discount larger than its line", cart([line("T-shirt", 2500, 2600), line("Cap", 3000)]), 2900, 'items[0]: the discount on "T-shirt" ($26.00) is larger than the line ($25.00)'],
    ["a session amount one cent off (rounding)", cart([line("T-shirt", 2500)], { tax_total: 206 }), 2707, "amount: the invoice items add up to $27.06 but the payment is $27.07"],
    ["a session amount lower than the items", cart([line("T-shirt", 2500)], { shipping_total: 500 }), 2500, "add up to $30.00 but the payment is $25.00"],
    ["fractional cents from a total", cart([line("T-shirt", 2500.5)]), 2500, "items[0].subtotal: must be an integer number of cents"],
    ["negative shipping", cart([line("T-shirt", 2500)], { shipping_total: -100 }), 2400, "shipping_total: is negative"],
    ["negative tax", cart([line("T-shirt", 2500)], { tax_total: -1 }), 2499, "tax_total: is negative"],
  ])("refuses %s", (_name, c, amount, message) => {
    expect(refusal(() => invoiceItemsFor(c, amount))).toContain(message)
  })
})
