import { InputError } from "../rules/input/input-error"
import { formatUsd } from "../rules/money/amount"

/** One line of a gateway invoice: `items[]` and `items_price[]` at the same position. */
export interface InvoiceItem {
  name: string
  /** Integer cents, at least 1: the gateway takes only positive integer prices. */
  price: number
}

/** The parts of a Medusa cart the invoice is built from; structurally typed to stay Medusa-free. */
export interface InvoiceableCart {
  items: Array<{ title: string; quantity: number; subtotal: number; discount_total: number }>
  shipping_total: number
  tax_total: number
  gift_card_total: number
}

/**
 * Turns a cart into invoice items: each line item at its discounted total
 * (before tax), then shipping, then tax, each its own item. Lines of zero
 * (a free item, free shipping, no tax) are left out.
 *
 * The items must add up to exactly `amount`, the amount Medusa authorizes
 * for the payment session; anything that cannot be written as positive
 * integer items (a gift card, a discount larger than its line, a total that
 * does not match) is refused with an {@link InputError}. It never charges a
 * different amount, and never spreads a difference over the items.
 */
export function invoiceItemsFor(cart: InvoiceableCart, amount: number): InvoiceItem[] {
  if (cart.gift_card_total !== 0) {
    throw new InputError(
      "gift_card",
      `a gift card (${formatUsd(cart.gift_card_total)}) cannot be written on an InstantMerchant invoice, whose items must all be positive: pay this cart by card instead`
    )
  }
  const items: InvoiceItem[] = []
  cart.items.forEach((line, i) => {
    const price = cents(line.subtotal, `items[${i}].subtotal`) - cents(line.discount_total, `items[${i}].discount_total`)
    if (price < 0) {
      throw new InputError(
        `items[${i}]`,
        `the discount on "${line.title}" (${formatUsd(line.discount_total)}) is larger than the line (${formatUsd(line.subtotal)}), which an invoice cannot express`
      )
    }
    if (price > 0) items.push({ name: lineName(line.title, line.quantity), price })
  })
  const shipping = cents(cart.shipping_total, "shipping_total")
  if (shipping < 0) throw new InputError("shipping_total", `is negative (${formatUsd(shipping)}), which an invoice cannot express`)
  if (shipping > 0) items.push({ name: "Shipping", price: shipping })
  const tax = cents(cart.tax_total, "tax_total")
  if (tax < 0) throw new InputError("tax_total", `is negative (${formatUsd(tax)}), which an invoice cannot express`)
  if (tax > 0) items.push({ name: "Tax", price: tax })

  const sum = items.reduce((n, item) => n + item.price, 0)
  if (sum !== amount) {
    throw new InputError(
      "amount",
      `the invoice items add up to ${formatUsd(sum)} but the payment is ${formatUsd(amount)}; refusing rather than charging a different amount`
    )
  }
  return items
}

function cents(value: number, field: string): number {
  if (!Number.isSafeInteger(value)) throw new InputError(field, `must be an integer number of cents, got ${String(value)}`)
  return value
}

/** "Demo T-Shirt x 2": the gateway's invoice has no quantity column (plain ASCII, as gateways print it). */
function lineName(title: string, quantity: number): string {
  const name = title.trim() || "Item"
  return quantity > 1 ? `${name} x ${quantity}` : name
}
