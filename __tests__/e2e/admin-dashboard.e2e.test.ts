import { Browser, BrowserContext, Page } from "playwright-core"
import { admin } from "./support/admin"
import { adminUrl, confirmPrompt, launchChromium, PAGE_MS, screenshot, signIn, waitForShown } from "./support/admin-browser"
import { e2e } from "./support/e2e-env"
import { eventually } from "./support/eventually"
import { Shopper, VALID_CARD } from "./support/shopper"

/**
 * The shop admin's view in a real browser: Medusa's admin dashboard at /app
 * with this plugin's widgets and pages, driven through Debian's Chromium.
 * The tests run in order and share one signed-in browser context.
 * Screenshots go to test-artifacts/admin-*.png.
 */
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1440, height: 1200 } })
  // Playwright's own default, 30 s for every click, wait and navigation, was sized to an idle machine.
  context.setDefaultTimeout(PAGE_MS)
  context.setDefaultNavigationTimeout(PAGE_MS)
})
afterAll(() => browser?.close())

const text = (selector: string) => page.locator(selector).first().innerText()
async function waitForText(selector: string, expected: string | RegExp, timeout = PAGE_MS): Promise<void> {
  const deadline = Date.now() + timeout
  let last = ""
  while (Date.now() < deadline) {
    last = (await page.locator(selector).first().innerText().catch(() => "")) ?? ""
    if (typeof expected === "string" ? last.includes(expected) : expected.test(last)) return
    await page.waitForTimeout(250)
  }
  throw new Error(`${selector} shows ${JSON.stringify(last)}, not ${expected}`)
}

it("an admin signs in and sees the Subscriptions and Invoices pages in the sidebar", async () => {
  page = await signIn(context)
  await page.getByRole("link", { name: "Subscriptions" }).first().waitFor()
  await page.getByRole("link", { name: "Invoices" }).first().waitFor()
  await screenshot(page, "admin-signed-in")
})

describe("an order paid with a test card", () => {
  let order: any

  it("shows the widget with the charge, the card's last 4 and the authorization's countdown", async () => {
    order = await new Shopper().buy()
    const data = order.payments[0].data
    await page.goto(`${adminUrl()}/a/orders/${order.id}`)
    await waitForShown(page, '[data-testid="instantmerchant-order-widget"]')
    expect(await text('[data-testid="charge-id"]')).toBe(data.charge_id)
    expect(await text('[data-testid="card"]')).toMatch(/•••• 4242, expires 12\/\d{4}/)
    expect(await text('[data-testid="payment-mode"]')).toBe("authorized")
    expect(await text('[data-testid="authorization-expiry"]')).toMatch(/^expires in 6 days/)
    expect(await text('[data-testid="captured-amount"]')).toBe("$0.00")
    await screenshot(page, "admin-order-authorized", '[data-testid="instantmerchant-order-widget"]')
  })

  it("follows Medusa's own Capture payment button", async () => {
    await page.getByRole("button", { name: "Capture payment" }).click()
    await waitForText('[data-testid="payment-mode"]', "captured")
    expect(await text('[data-testid="captured-amount"]')).toBe("$30.00")
    expect(await text('[data-testid="remaining-amount"]')).toBe("$30.00")
    expect(await page.locator('[data-testid="authorization-expiry"]').count()).toBe(0)
    await screenshot(page, "admin-order-captured", '[data-testid="instantmerchant-order-widget"]')
  })

  it("shows a partial refund made with Medusa's Refund button in the refund history", async () => {
    await page.getByRole("button", { name: "Refund", exact: true }).click()
    const modal = page.locator("form", { hasText: "Create a refund" })
    await modal.waitFor()
    await modal.locator('input[placeholder="0.00"]').fill("10.00")
    await modal.getByRole("button", { name: "Complete" }).click()
    await waitForText('[data-testid="refunded-amount"]', "$10.00")
    expect(await text('[data-testid="remaining-amount"]')).toBe("$20.00")
    const history = await text('[data-testid="refund-history"]')
    expect(history).toMatch(/ref_\w+/)
    expect(history).toContain("$10.00")
    await screenshot(page, "admin-order-refunded", '[data-testid="instantmerchant-order-widget"]')
    const { order: after } = await admin().must("GET", `/admin/orders/${order.id}`)
    expect(after.payments[0].data.refunds).toHaveLength(1)
  })
})

describe("a subscriber's card and subscription", () => {
  const email = `admin-ui-${Date.now()}@example.com`
  let customerId: string
  let subscriptionId: string

  beforeAll(async () => {
    const shopper = new Shopper()
    customerId = await shopper.signUp(email)
    await shopper.buy({ ...VALID_CARD, card_number: "5555555555554444", save_card: true }, { email, variantId: e2e.seed.subscriptionVariantId })
    // A subscriber records it once the order is placed.
    subscriptionId = await eventually(async () => {
      const { subscriptions } = await admin().must("GET", `/admin/instantmerchant/subscriptions?customer_id=${customerId}`)
      expect(subscriptions).toHaveLength(1)
      return subscriptions[0].id as string
    })
  })

  it("are on the customer's page", async () => {
    await page.goto(`${adminUrl()}/a/customers/${customerId}`)
    await waitForShown(page, '[data-testid="instantmerchant-customer-widget"]')
    await waitForText('[data-testid="saved-card"]', /•••• 4444, expires 12\/\d{4}/)
    await waitForText('[data-testid="instantmerchant-customer-widget"]', subscriptionId)
    await screenshot(page, "admin-customer", '[data-testid="instantmerchant-customer-widget"]')
  })

  it("is listed on the Subscriptions page, renewed now and canceled there, each after confirmation", async () => {
    await page.getByRole("link", { name: "Subscriptions" }).first().click()
    await waitForShown(page, '[data-testid="subscriptions-page"]')
    await page.click('[data-testid="filter-active"]')
    const row = page.locator('[data-testid="subscription-row"]', { hasText: subscriptionId })
    await row.waitFor()
    await screenshot(page, "admin-subscriptions")
    await row.click()
    await waitForShown(page, '[data-testid="subscription-detail"]')

    await page.getByRole("button", { name: "Renew now" }).click()
    await confirmPrompt(page, "Renew and charge")
    await waitForText('[data-testid="renewals"]', /admin #1[\s\S]*succeeded/)
    await screenshot(page, "admin-subscription-renewed", '[data-testid="renewals"]')
    const renewed = await admin().must("GET", `/admin/instantmerchant/subscriptions/${subscriptionId}`)
    expect(renewed.subscription.renewals).toEqual([expect.objectContaining({ status: "succeeded", trigger: "admin" })])

    await page.getByRole("button", { name: "Cancel subscription" }).click()
    await confirmPrompt(page, "Cancel subscription")
    await waitForText('[data-testid="subscription-status"]', "canceled")
    await screenshot(page, "admin-subscription-canceled")
    const { subscription } = await admin().must("GET", `/admin/instantmerchant/subscriptions/${subscriptionId}`)
    expect(subscription.status).toBe("canceled")
  })

  it("an invoice is created, sent and charged with the saved card on the Invoices page", async () => {
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
    await screenshot(page, "admin-invoice-form")
    await form.getByRole("button", { name: "Create invoice" }).click()
    await waitForShown(page, '[data-testid="invoice-detail"]')
    const num = Number(/\/a\/invoices\/(\d+)/.exec(page.url())?.[1])
    expect(await text('[data-testid="invoice-status"]')).toBe("open")
    await waitForText('[data-testid="invoice-sent"]', /^1×/)

    await page.getByRole("button", { name: "Send invoice" }).click()
    await waitForText('[data-testid="invoice-sent"]', /^2×/)

    await page.locator('[data-testid="charge-panel"]').getByRole("button", { name: "Charge $175.50" }).click()
    await confirmPrompt(page, "Charge")
    await waitForText('[data-testid="invoice-status"]', "paid")
    expect(await text('[data-testid="invoice-charge"]')).toMatch(/^cha_/)
    await screenshot(page, "admin-invoice-charged")
    const { invoice } = await admin().must("GET", `/admin/instantmerchant/invoices/${num}`)
    expect(invoice).toMatchObject({ status: "paid", amount: 17550, customer_id: customerId, captured: true, card_last_4: "4444" })
    expect(invoice.sent_at).toHaveLength(2)

    // A refund over what is left shows the route's own message and changes nothing; a valid one is recorded.
    const refundPanel = page.locator('[data-testid="refund-panel"]')
    await refundPanel.getByLabel("Refund amount").fill("200")
    await refundPanel.getByRole("button", { name: "Refund" }).click()
    await confirmPrompt(page, "Refund")
    await waitForText('[data-testid="refund-panel"]', "amount: $200.00 is more than the $175.50 left to refund")
    await screenshot(page, "admin-invoice-refund-refused", '[data-testid="refund-panel"]')
    expect((await admin().must("GET", `/admin/instantmerchant/invoices/${num}`)).invoice.amount_refunded).toBe(0)

    await refundPanel.getByLabel("Refund amount").fill("25.50")
    await refundPanel.getByRole("button", { name: "Refund" }).click()
    await confirmPrompt(page, "Refund")
    await waitForText('[data-testid="invoice-status"]', "partially refunded")
    await waitForText('[data-testid="refund-panel"]', "$150.00 left")
    const refunded = (await admin().must("GET", `/admin/instantmerchant/invoices/${num}`)).invoice
    expect(refunded).toMatchObject({ amount_refunded: 2550, status: "partially_refunded", refunds: [expect.objectContaining({ amount: 2550 })] })
  })
})
