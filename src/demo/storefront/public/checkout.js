// The demo checkout, on Medusa's store API (proxied by the demo server).
// It follows the storefront data contract in the README: the card goes to
// POST /store/carts/:id/payment-sessions/<provider> and nowhere else, and a
// saved card is sent as its card_id only.
"use strict"

const $ = (id) => document.getElementById(id)
let settings
let cartId = null
// The signed-in customer's bearer token, in memory only: a reload signs out.
let token = null

async function api(method, path, body) {
  const headers = { "content-type": "application/json", "x-publishable-api-key": settings.publishableKey }
  if (token) headers.authorization = `Bearer ${token}`
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const json = await res.json().catch(() => ({}))
  if (!res.ok) throw Object.assign(new Error(json.message || `The store answered ${res.status}`), { status: res.status })
  return json
}

const money = (cents) => `$${(cents / 100).toFixed(2)}`
const status = (text) => ($("status").textContent = text)
const provider = () => document.querySelector('input[name="provider"]:checked').value
const savedCardId = () => document.querySelector('input[name="saved-card"]:checked')?.value || null

function showError(message) {
  $("error").textContent = message
  $("error").hidden = false
}

function showCart(cart) {
  const count = cart ? cart.items.reduce((n, i) => n + i.quantity, 0) : 0
  $("cart-summary").textContent = count ? `${count} item(s): ${cart.items.map((i) => i.title).join(", ")}; subtotal ${money(cart.subtotal)}` : "Your cart is empty."
  $("empty-cart").hidden = !count
  $("pay").disabled = !count
}

async function add(variantId) {
  $("error").hidden = true
  if (!cartId) cartId = (await api("POST", "/store/carts", { region_id: settings.regionId })).cart.id
  const { cart } = await api("POST", `/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 1 })
  showCart(cart)
}

function emptyCart() {
  cartId = null
  $("error").hidden = true
  showCart(null)
}

// Signs in, or creates the account when there is none with that email.
async function signIn() {
  $("error").hidden = true
  const email = $("account-email").value
  const password = $("account-password").value
  try {
    token = (await api("POST", "/store/auth/token", { email, password })).access_token
  } catch (e) {
    if (e.status !== 401) throw e
    await api("POST", "/store/customers", { email, password, first_name: $("first-name").value, last_name: $("last-name").value })
    token = (await api("POST", "/store/auth/token", { email, password })).access_token
  }
  $("signed-in-email").textContent = email
  $("email").value = email
  $("signed-out").hidden = true
  $("signed-in").hidden = false
  $("save-card-choice").hidden = false
  await showSavedCards()
}

function signOut() {
  token = null
  // The cart belongs to the customer now; a guest starts a new one.
  emptyCart()
  $("signed-out").hidden = false
  $("signed-in").hidden = true
  $("save-card-choice").hidden = true
  $("save-card").checked = false
  $("saved-cards").hidden = true
  $("saved-cards").innerHTML = ""
  useNewCard(true)
}

// The customer's saved cards at the gateway, offered before a new card; the default one is chosen.
async function showSavedCards() {
  const { cards } = await api("GET", "/store/customers/me/instantmerchant/cards")
  const box = $("saved-cards")
  box.innerHTML = ""
  box.hidden = cards.length === 0
  if (!cards.length) return useNewCard(true)
  const chosen = cards.find((c) => c.is_default) || cards[cards.length - 1]
  for (const card of cards) box.append(choice("saved-card", card.card_id, `Saved card •••• ${card.last_4}, expires ${String(card.exp_month).padStart(2, "0")}/${card.exp_year}`, card === chosen))
  box.append(choice("saved-card", "", "A new card", false))
  useNewCard(false)
}

function choice(name, value, text, checked) {
  const label = document.createElement("label")
  label.className = "choice"
  const input = Object.assign(document.createElement("input"), { type: "radio", name, value, checked })
  input.dataset.testid = value ? "saved-card-option" : "new-card-option"
  input.addEventListener("change", () => useNewCard(!savedCardId()))
  const span = document.createElement("span")
  span.textContent = text
  label.append(input, span)
  return label
}

function useNewCard(yes) {
  $("new-card").hidden = !yes
  for (const input of $("new-card").querySelectorAll("input")) input.disabled = !yes
}

function cardData() {
  const saved = savedCardId()
  if (saved) return { card_id: saved }
  const data = {
    cardholder_name: $("cardholder-name").value,
    card_number: $("card-number").value,
    exp_month: $("exp-month").value,
    exp_year: $("exp-year").value,
    cvc: $("cvc").value,
  }
  if (token && $("save-card").checked) data.save_card = true
  return data
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
    await api("POST", `/store/carts/${cartId}/payment-session`, { provider_id: provider() })
    status("Checking your card…")
    const data = cardData()
    await api("POST", `/store/carts/${cartId}/payment-sessions/${provider()}`, { data })
    status("Paying…")
    const done = await api("POST", `/store/carts/${cartId}/complete`)
    if (done.type !== "order") throw new Error("The payment was not completed.")
    confirm(done.data, data.save_card === true)
  } catch (e) {
    status("")
    showError(e.message)
    $("pay").disabled = false
  }
}

function confirm(order, saved) {
  const payment = order.payments[0]
  const d = payment.data
  $("checkout").hidden = true
  status("")
  $("confirmation").innerHTML = ""
  const lines = [["paid-with", `Paid ${money(payment.amount)} with the card ending ${d.card_last_4} (charge ${d.charge_id}).`]]
  if (d.invoice_num !== undefined && d.invoice_num !== null) lines.push(["invoice", `InstantMerchant invoice #${d.invoice_num}, itemized: ${order.items.map((i) => i.title).join(", ")}, shipping.`])
  if (d.subscription_id) lines.push(["subscription", `Subscription ${d.subscription_id}: ${d.interval}, paid until ${new Date(d.expiry_date * 1000).toDateString()}; InstantMerchant renews it.`])
  if (saved) lines.push(["saved", `Card •••• ${d.card_last_4} is saved to your account.`])
  const title = document.createElement("h2")
  title.textContent = `Thank you! Order #${order.display_id} is placed.`
  $("confirmation").append(title)
  for (const [id, text] of lines) $("confirmation").append(Object.assign(document.createElement("p"), { id, textContent: text }))
  const again = Object.assign(document.createElement("button"), { type: "button", id: "shop-again", textContent: "Shop again" })
  again.addEventListener("click", shopAgain)
  $("confirmation").append(again)
  $("confirmation").hidden = false
  cartId = null
  showCart(null)
}

// A new cart on the same page: a signed-in shopper stays signed in and now sees the card just saved.
async function shopAgain() {
  $("confirmation").hidden = true
  $("checkout").hidden = false
  emptyCart()
  if (token) await showSavedCards()
}

async function showProduct(handle, titleId, priceId) {
  const { products } = await api("GET", `/store/products?handle=${handle}&region_id=${settings.regionId}`)
  const product = products[0]
  if (!product) return
  $(titleId).textContent = product.title
  const price = product.variants[0].prices.find((p) => p.currency_code === "usd")
  if (price) $(priceId).textContent = money(price.amount)
}

const guard = (fn) => () => fn().catch((e) => showError(e.message))

async function start() {
  settings = await (await fetch("/settings.json")).json()
  await showProduct("demo-t-shirt", "product-title", "product-price")
  await showProduct("coffee-subscription", "subscription-title", "subscription-price")
  $("add-to-cart").addEventListener("click", guard(() => add(settings.variantId)))
  $("subscribe").addEventListener("click", guard(() => add(settings.subscriptionVariantId)))
  $("empty-cart").addEventListener("click", emptyCart)
  $("sign-in").addEventListener("click", guard(signIn))
  $("sign-out").addEventListener("click", signOut)
  $("checkout").addEventListener("submit", pay)
  status("Ready.")
}

start().catch((e) => showError(`The store is not ready: ${e.message}`))
