// The demo checkout, on Medusa's store API (proxied by the demo server).
// It follows the storefront data contract in the README: the card goes to
// POST /store/carts/:id/payment-sessions/instantmerchant and nowhere else.
"use strict"

const $ = (id) => document.getElementById(id)
let settings
let cartId = null

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: { "content-type": "application/json", "x-publishable-api-key": settings.publishableKey },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(json.message || `The store answered ${res.status}`)
  return json
}

const money = (cents) => `$${(cents / 100).toFixed(2)}`
const status = (text) => ($("status").textContent = text)

function showError(message) {
  $("error").textContent = message
  $("error").hidden = false
}

async function addToCart() {
  $("error").hidden = true
  if (!cartId) cartId = (await api("POST", "/store/carts", { region_id: settings.regionId })).cart.id
  const { cart } = await api("POST", `/store/carts/${cartId}/line-items`, { variant_id: settings.variantId, quantity: 1 })
  $("cart-summary").textContent = `${cart.items.reduce((n, i) => n + i.quantity, 0)} item(s), subtotal ${money(cart.subtotal)}`
  $("pay").disabled = false
}

async function pay(event) {
  event.preventDefault()
  $("error").hidden = true
  $("pay").disabled = true
  try {
    const address = {
      first_name: $("first-name").value, last_name: $("last-name").value, address_1: $("address-1").value,
      city: $("city").value, province: $("province").value, postal_code: $("postal-code").value, country_code: "us",
    }
    status("Saving your address…")
    await api("POST", `/store/carts/${cartId}`, { email: $("email").value, shipping_address: address, billing_address: address })
    const { shipping_options } = await api("GET", `/store/shipping-options/${cartId}`)
    await api("POST", `/store/carts/${cartId}/shipping-methods`, { option_id: shipping_options[0].id })
    status("Preparing payment…")
    await api("POST", `/store/carts/${cartId}/payment-sessions`)
    await api("POST", `/store/carts/${cartId}/payment-session`, { provider_id: "instantmerchant" })
    status("Checking your card…")
    await api("POST", `/store/carts/${cartId}/payment-sessions/instantmerchant`, {
      data: {
        cardholder_name: $("cardholder-name").value,
        card_number: $("card-number").value,
        exp_month: $("exp-month").value,
        exp_year: $("exp-year").value,
        cvc: $("cvc").value,
      },
    })
    status("Paying…")
    const done = await api("POST", `/store/carts/${cartId}/complete`)
    if (done.type !== "order") throw new Error("The payment was not completed.")
    confirm(done.data)
  } catch (e) {
    status("")
    showError(e.message)
    $("pay").disabled = false
  }
}

function confirm(order) {
  const payment = order.payments[0]
  $("checkout").hidden = true
  status("")
  $("confirmation").innerHTML = ""
  const title = document.createElement("h2")
  title.textContent = `Thank you! Order #${order.display_id} is placed.`
  const line = document.createElement("p")
  line.id = "paid-with"
  line.textContent = `Paid ${money(payment.amount)} with the card ending ${payment.data.card_last_4} (charge ${payment.data.charge_id}).`
  $("confirmation").append(title, line)
  $("confirmation").hidden = false
  cartId = null
}

async function start() {
  settings = await (await fetch("/settings.json")).json()
  const { product } = await api("GET", `/store/products?handle=demo-t-shirt&region_id=${settings.regionId}`).then((r) => ({ product: r.products[0] }))
  if (product) {
    $("product-title").textContent = product.title
    const price = product.variants[0].prices.find((p) => p.currency_code === "usd")
    if (price) $("product-price").textContent = money(price.amount)
  }
  $("add-to-cart").addEventListener("click", () => addToCart().catch((e) => showError(e.message)))
  $("checkout").addEventListener("submit", pay)
  status("Ready.")
}

start().catch((e) => showError(`The store is not ready: ${e.message}`))
