import { admin } from "./support/admin"
import { gateway } from "./support/sandbox-inspector"
import { Shopper, VALID_CARD } from "./support/shopper"

/**
 * Medusa authorizes a cart's payment before it reserves stock; when the stock
 * is gone by then, it cancels the payment (the plugin releases the charge) and
 * answers 409, but the payment session keeps the charge. The next attempt must
 * charge anew, and the order must rest on a live charge.
 */
describe("a cart whose completion failed after its authorization (stock ran out)", () => {
  async function productWithStock(quantity: number): Promise<{ productId: string; variantId: string }> {
    const api = admin()
    const { store } = await api.must("GET", "/admin/store")
    const handle = `last-one-${Date.now()}`
    const { product } = await api.must("POST", "/admin/products", {
      title: "The last one",
      handle,
      status: "published",
      sales_channels: [{ id: store.default_sales_channel_id }],
      options: [{ title: "Size" }],
      variants: [{ title: "One size", manage_inventory: true, allow_backorder: false, inventory_quantity: quantity, prices: [{ currency_code: "usd", amount: 1900 }], options: [{ value: "One size" }] }],
    })
    return { productId: product.id, variantId: product.variants[0].id }
  }

  const setStock = (productId: string, variantId: string, quantity: number) =>
    admin().must("POST", `/admin/products/${productId}/variants/${variantId}`, { inventory_quantity: quantity })

  it("is released at the gateway; the retry charges anew and the order rests on the new charge", async () => {
    const { productId, variantId } = await productWithStock(1)
    const shopper = new Shopper()
    await shopper.fillCart({ variantId })
    expect((await shopper.selectInstantMerchant()).status).toBe(200)
    expect((await shopper.enterCard(VALID_CARD)).status).toBe(200)

    // Someone else bought the last one meanwhile.
    await setStock(productId, variantId, 0)
    const failed = await shopper.complete()
    expect(failed.status).toBe(409)
    const [first] = await gateway.chargesFor(shopper.cartId)
    expect(first).toMatchObject({ amount: 1900 + 500, amount_refunded: 1900 + 500 })

    // A cart edit is not refused as "already authorized" for the dead charge.
    const edited = await shopper.api.post(`/store/carts/${shopper.cartId}`, { email: `again-${Date.now()}@example.com` })
    expect(edited.status).toBe(200)

    await setStock(productId, variantId, 1)
    const done = await shopper.complete()
    expect(done.status).toBe(200)
    expect(done.body.type).toBe("order")
    const payment = done.body.data.payments[0]
    expect(payment.data.charge_id).not.toBe(first.charge_id)

    const charges = await gateway.chargesFor(shopper.cartId)
    expect(charges).toHaveLength(2)
    const live = charges.find((c) => c.charge_id === payment.data.charge_id)
    expect(live).toMatchObject({ amount: payment.amount, amount_refunded: 0, status: "authorized" })

    // And the admin can capture it: the order's charge is alive.
    const captured = await admin().post(`/admin/orders/${done.body.data.id}/capture`)
    expect(captured.status).toBe(200)
    expect(await gateway.charge(payment.data.charge_id)).toMatchObject({ captured: true })
  })
})
