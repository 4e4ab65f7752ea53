import type Medusa from "@medusajs/js-sdk"
import { Browser, BrowserContext, Page } from "playwright-core"
import { launchChromium, PAGE_MS, screenshot, waitForShown } from "../e2e/support/admin-browser"
import { dashboardUrl, signInV2, waitForText } from "./support/admin-browser"
import { cardData, cartReadyToPay, contactData, payWith, placeOrder } from "./support/checkout"
import { adminSdk, sdkClient } from "./support/medusa-sdk"

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

it("an order paid with a test card shows the widget with the charge, the card's last 4 and the authorization's countdown", async () => {
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

it("the Subscriptions page lists the shop's subscriptions as the admin route counts them", async () => {
  const { count } = await admin.client.fetch<{ count: number }>("/admin/instantmerchant/subscriptions")
  await page.getByRole("link", { name: "Subscriptions" }).first().click()
  await waitForShown(page, '[data-testid="subscriptions-page"]')
  await waitForText(page, '[data-testid="pagination"]', new RegExp(`of ${count}$`))
  await screenshot(page, "admin-v2-subscriptions")
})
