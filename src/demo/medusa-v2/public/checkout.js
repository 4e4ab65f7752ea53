// The 2.x checkout, as a storefront does it through the store REST API:
// cart, address, item, shipping, payment session (with the card), complete.
const form = document.getElementById("checkout")
const result = document.getElementById("result")

async function api(settings, path, body) {
  const res = await fetch(path, {
    method: body ? "POST" : "GET",
    headers: { "content-type": "application/json", "x-publishable-api-key": settings.publishableKey },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(json.message || `${path} answered ${res.status}`)
  return json
}

function show(text, ok) {
  result.hidden = false
  result.className = ok ? "ok" : "error"
  result.textContent = text
}

form.addEventListener("submit", async (event) => {
  event.preventDefault()
  const f = Object.fromEntries(new FormData(form))
  const settings = await (await fetch("/settings.json")).json()
  const address = { first_name: f.first_name, last_name: f.last_name, address_1: f.address_1, city: f.city, province: f.province, postal_code: f.postal_code, country_code: "us" }
  try {
    show("Paying…", true)
    const { cart } = await api(settings, "/store/carts", { region_id: settings.regionId, email: f.email })
    await api(settings, `/store/carts/${cart.id}`, { shipping_address: address, billing_address: address })
    await api(settings, `/store/carts/${cart.id}/line-items`, { variant_id: settings.variantId, quantity: 1 })
    await api(settings, `/store/carts/${cart.id}/shipping-methods`, { option_id: settings.shippingOptionId })
    const { payment_collection } = await api(settings, "/store/payment-collections", { cart_id: cart.id })
    const card = { cardholder_name: f.cardholder_name, card_number: f.card_number, exp_month: f.exp_month, exp_year: f.exp_year, cvc: f.cvc }
    await api(settings, `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
      provider_id: f.provider_id,
      data: { ...card, email: f.email, billing_address: address },
    })
    const done = await api(settings, `/store/carts/${cart.id}/complete`, {})
    if (done.type !== "order") throw new Error(done.error?.message || "The order was not placed")
    show(`Order ${done.order.display_id ?? done.order.id} placed: $${done.order.total.toFixed(2)}.\nSee it in the admin, under Orders.`, true)
  } catch (e) {
    show(e.message, false)
  }
})
