import type Medusa from "@medusajs/js-sdk"
import { Browser, BrowserContext, Page } from "playwright-core"
import { confirmPrompt, launchChromium, PAGE_MS, screenshot, waitForShown } from "../e2e/support/admin-browser"
import { dashboardUrl, signInV2, waitForText } from "./support/admin-browser"
import { cardData, cartReadyToPay, contactData, payWith, placeOrder } from "./support/checkout"
import { TEST_CARDS } from "../../src/sandbox"
import { eventually } from "../e2e/support/eventually"
import { adminSdk, customerSdk, sdkClient, US_ADDRESS } from "./support/medusa-sdk"
import { v2 } from "./support/v2-env"

/**
 * The shop admin's view on Medusa 2.x in a real browser: the store's own
 * dashboard at /app (development mode) with the plugin's admin extensions,
 * loaded from the installed tarball's `./admin` export, driven through
 * Debian's Chromium. The tests run in order and share one signed-in
 * browser context. Screenshots go to test-artifacts/admin-v2-*.png.
 */
let browser: Browser
let context: BrowserContext
let page: Page
let admin: Medusa

beforeAll(async () => {
  admin = await adminSdk()
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1440, height: 1200 } })
  context.setDefaultTimeout(PAGE_MS)
  context.setDefaultNavigationTimeout(PAGE_MS)
})
afterAll(() => browser?.close())

const text = (selector: string) => page.locator(selector).first().innerText()

it("an admin signs in and sees the Subscriptions and Invoices pages in the sidebar", async () => {
  page = await signInV2(context)
  await page.getByRole("link", { name: "Subscriptions" }).first().waitFor()
  await page.getByRole("link", { name: "Invoices" }).first().waitFor()
  await screenshot(page, "admin-v2-signed-in")
})

describe("an order paid with a test card", () => {
  it("shows the widget with the charge, the card's last 4 and the authorization's countdown", async () => {
    const shopper = sdkClient()
    const email = `admin-v2-${Date.now()}@example.com`
    const cart = await cartReadyToPay(shopper, email)
    await payWith(shopper, cart, { ...cardData(), ...contactData(email) })
    const order = await placeOrder(shopper, cart.id)
    const { order: placed } = await admin.admin.order.retrieve(order.id, { fields: "*payment_collections.payments" })
    const data = (placed as any).payment_collections[0].payments[0].data
    await page.goto(dashboardUrl(`/orders/${order.id}`))
    await waitForShown(page, '[data-testid="instantmerchant-order-widget"]')
    expect(await text('[data-testid="charge-id"]')).toBe(data.charge_id)
    expect(await text('[data-testid="card"]')).toMatch(/^•••• 4242, expires 12\/2031$/)
    expect(await text('[data-testid="payment-mode"]')).toBe("authorized")
    expect(await text('[data-testid="authorization-expiry"]')).toMatch(/^expires in 6 days/)
    expect(await text('[data-testid="captured-amount"]')).toBe("$0.00")
    await screenshot(page, "admin-v2-order-authorized", '[data-testid="instantmerchant-order-widget"]')
  })

  it("follows the dashboard's own Capture payment button", async () => {
    await page.getByRole("button", { name: "Capture payment" }).click()
    await confirmPrompt(page, "Confirm")
    await waitForText(page, '[data-testid="payment-mode"]', "captured")
    expect(await text('[data-testid="captured-amount"]')).toBe("$42.02")
    expect(await text('[data-testid="remaining-amount"]')).toBe("$42.02")
    expect(await page.locator('[data-testid="authorization-expiry"]').count()).toBe(0)
    await screenshot(page, "admin-v2-order-captured", '[data-testid="instantmerchant-order-widget"]')
  })
})

it("the Subscriptions page lists the shop's subscriptions as the admin route counts them", async () => {
  const { count } = await admin.client.fetch<{ count: number }>("/admin/instantmerchant/subscriptions")
  await page.getByRole("link", { name: "Subscriptions" }).first().click()
  await waitForShown(page, '[data-testid="subscriptions-page"]')
  await waitForText(page, '[data-testid="pagination"]', new RegExp(`of ${count}$`))
  await screenshot(page, "admin-v2-subscriptions")
})

it("an invoice is created and sent on the Invoices page, and once authorized, captured and refunded there, each after confirmation", async () => {
  const email = `admin-v2-invoice-${Date.now()}@example.com`
  const { customerId } = await customerSdk(email)
  await page.getByRole("link", { name: "Invoices" }).first().click()
  await waitForShown(page, '[data-testid="invoices-page"]')
  await page.getByRole("button", { name: "Create invoice" }).first().click()
  const form = page.locator('[data-testid="create-invoice-form"]')
  await form.locator("#invoice-customer").fill(email)
  await form.locator('[data-testid="customer-option"]', { hasText: email }).click()
  await form.locator("#invoice-description").fill("Consulting, May")
  await form.getByLabel("Item 1 name").fill("Consulting (2 h)")
  await form.getByLabel("Item 1 price").fill("150")
  await form.getByRole("button", { name: "Add item" }).click()
  await form.getByLabel("Item 2 name").fill("Travel")
  await form.getByLabel("Item 2 price").fill("25.50")
  await screenshot(page, "admin-v2-invoice-form")
  await form.getByRole("button", { name: "Create invoice" }).click()
  await waitForShown(page, '[data-testid="invoice-detail"], [data-testid="create-invoice-form"] [data-testid="instantmerchant-error"]')
  expect(await page.locator('[data-testid="instantmerchant-error"]').allInnerTexts()).toEqual([])
  const num = Number(/\/app\/invoices\/(\d+)/.exec(page.url())?.[1])
  expect(await text('[data-testid="invoice-status"]')).toBe("open")
  await waitForText(page, '[data-testid="invoice-sent"]', /^1×/)
  expect((await admin.client.fetch<any>(`/admin/instantmerchant/invoices/${num}`)).invoice).toMatchObject({ amount: 17550, customer_id: customerId, status: "open" })

  await page.getByRole("button", { name: "Send invoice" }).click()
  await waitForText(page, '[data-testid="invoice-sent"]', /^2×/)

  // Authorized through the route (a card typed by the customer, as on the emailed invoice's page), then captured here.
  await admin.client.fetch(`/admin/instantmerchant/invoices/${num}/charge`, { method: "POST", body: { ...cardData(), payment_mode: "auth_only" } })
  await page.reload()
  await waitForShown(page, '[data-testid="invoice-detail"]')
  await page.getByRole("button", { name: "Capture", exact: true }).click()
  await confirmPrompt(page, "Capture")
  await waitForText(page, '[data-testid="refund-panel"]', "$175.50 left")
  expect(await text('[data-testid="invoice-charge"]')).toMatch(/^cha_/)
  expect((await admin.client.fetch<any>(`/admin/instantmerchant/invoices/${num}`)).invoice).toMatchObject({ status: "paid", captured: true, card_last_4: "4242" })
  await screenshot(page, "admin-v2-invoice-captured")

  // A refund over what is left shows the route's own message and changes nothing; a valid one is recorded.
  const refundPanel = page.locator('[data-testid="refund-panel"]')
  await refundPanel.getByLabel("Refund amount").fill("200")
  await refundPanel.getByRole("button", { name: "Refund" }).click()
  await confirmPrompt(page, "Refund")
  await waitForText(page, '[data-testid="refund-panel"]', "amount: $200.00 is more than the $175.50 left to refund")
  expect((await admin.client.fetch<any>(`/admin/instantmerchant/invoices/${num}`)).invoice.amount_refunded).toBe(0)
  await refundPanel.getByLabel("Refund amount").fill("25.50")
  await refundPanel.getByRole("button", { name: "Refund" }).click()
  await confirmPrompt(page, "Refund")
  await waitForText(page, '[data-testid="invoice-status"]', "partially refunded")
  await waitForText(page, '[data-testid="refund-panel"]', "$150.00 left")
  await screenshot(page, "admin-v2-invoice-refunded")
  expect((await admin.client.fetch<any>(`/admin/instantmerchant/invoices/${num}`)).invoice).toMatchObject({ amount_refunded: 2550, status: "partially_refunded" })

  // The list shows it under its status filter.
  await page.getByRole("link", { name: "Invoices" }).first().click()
  await page.click('[data-testid="filter-partially_refunded"]')
  await page.locator('[data-testid="invoice-row"]', { hasText: `#${num}` }).waitFor()
})

describe("a subscriber's subscription", () => {
  let customerId: string
  let subscriptionId: string

  beforeAll(async () => {
    const email = `admin-v2-sub-${Date.now()}@example.com`
    const customer = await customerSdk(email)
    customerId = customer.customerId
    const { cart } = await customer.sdk.store.cart.create({ region_id: v2.seeded.usd_region_id, email })
    await customer.sdk.store.cart.update(cart.id, { shipping_address: US_ADDRESS, billing_address: US_ADDRESS })
    await customer.sdk.store.cart.createLineItem(cart.id, { variant_id: v2.seeded.subscription_variant_id, quantity: 1 })
    const { cart: shipped } = await customer.sdk.store.cart.addShippingMethod(cart.id, { option_id: v2.seeded.shipping_option_id })
    await payWith(customer.sdk, shipped, { ...cardData(TEST_CARDS.mastercard, { save_card: true }), ...contactData(email) })
    await placeOrder(customer.sdk, cart.id)
    // The order.placed subscriber records it a moment after the order.
    subscriptionId = await eventually(async () => {
      const { subscriptions } = await admin.client.fetch<any>("/admin/instantmerchant/subscriptions", { query: { customer_id: customerId } })
      expect(subscriptions).toHaveLength(1)
      return subscriptions[0].id as string
    })
  })

  it("is on the customer's page", async () => {
    await page.goto(dashboardUrl(`/customers/${customerId}`))
    await waitForShown(page, '[data-testid="instantmerchant-customer-widget"]')
    await waitForText(page, '[data-testid="instantmerchant-customer-widget"]', subscriptionId)
    await screenshot(page, "admin-v2-customer", '[data-testid="instantmerchant-customer-widget"]')
  })

  it("is listed on the Subscriptions page, renewed now and canceled there, each after confirmation", async () => {
    await page.getByRole("link", { name: "Subscriptions" }).first().click()
    await waitForShown(page, '[data-testid="subscriptions-page"]')
    await page.click('[data-testid="filter-active"]')
    const row = page.locator('[data-testid="subscription-row"]', { hasText: subscriptionId })
    await row.waitFor()
    await screenshot(page, "admin-v2-subscriptions-active")
    await row.click()
    await waitForShown(page, '[data-testid="subscription-detail"]')

    await page.getByRole("button", { name: "Renew now" }).click()
    await confirmPrompt(page, "Renew and charge")
    await waitForText(page, '[data-testid="renewals"]', /admin #1[\s\S]*succeeded/)
    const renewed = await admin.client.fetch<any>(`/admin/instantmerchant/subscriptions/${subscriptionId}`)
    expect(renewed.subscription.renewals).toEqual([expect.objectContaining({ status: "succeeded", trigger: "admin" })])

    await page.getByRole("button", { name: "Cancel subscription" }).click()
    await confirmPrompt(page, "Cancel subscription")
    await waitForText(page, '[data-testid="subscription-status"]', "canceled")
    await screenshot(page, "admin-v2-subscription-canceled")
    const { subscription } = await admin.client.fetch<any>(`/admin/instantmerchant/subscriptions/${subscriptionId}`)
    expect(subscription.status).toBe("canceled")
  })
})
