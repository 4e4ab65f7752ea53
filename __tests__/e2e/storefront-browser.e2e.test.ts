import path from "node:path"
import { Browser, Page } from "playwright-core"
import { admin } from "./support/admin"
import { ARTIFACTS, launchChromium } from "./support/admin-browser"
import { e2e } from "./support/e2e-env"
import { eventually } from "./support/eventually"
import { gateway } from "./support/sandbox-inspector"

/**
 * The demo's checkout page in a real browser: Debian's Chromium driven by
 * playwright-core (no browser download). It shows what the plugin does: a
 * one-time product and a subscription, card or pay by invoice, and a
 * signed-in shopper's saved card. Screenshots go to test-artifacts/.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

// A loaded 2-core machine answers a checkout's eight requests in seconds, not milliseconds.
const CHECKOUT_MS = 90_000

async function openStore(): Promise<Page> {
  const page = await browser.newPage()
  // Playwright's own default, 30 s for every click, wait and navigation, was sized to an idle machine.
  page.setDefaultTimeout(CHECKOUT_MS)
  page.setDefaultNavigationTimeout(CHECKOUT_MS)
  await page.goto(e2e.storefrontUrl)
  await page.waitForSelector("#status:has-text('Ready.')", { timeout: CHECKOUT_MS })
  return page
}

/** Adds what `buttons` name, fills the card unless a saved one is used, pays, and waits for the outcome. */
async function checkout(page: Page, options: { buttons?: string[]; cardNumber?: string; invoice?: boolean; saveCard?: boolean; savedCard?: boolean } = {}): Promise<void> {
  for (const button of options.buttons ?? ["#add-to-cart"]) {
    const before = await page.textContent("#cart-summary")
    await page.click(button)
    await page.waitForFunction(`document.getElementById("cart-summary").textContent !== ${JSON.stringify(before)}`, undefined, { timeout: CHECKOUT_MS })
  }
  await page.waitForSelector("#pay:not([disabled])")
  if (options.invoice) await page.check("#provider-invoice")
  if (!options.savedCard) {
    await page.fill("#card-number", options.cardNumber ?? "4242424242424242")
    await page.fill("#exp-year", String(new Date().getUTCFullYear() + 2))
    if (options.saveCard) await page.check("#save-card")
  }
  await page.click("#pay")
  await page.waitForSelector("#confirmation:not([hidden]), #error:not([hidden])", { timeout: CHECKOUT_MS })
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
const chargeIn = (text: string | null) => /charge (cha_\w+)/.exec(text ?? "")?.[1]

it("a shopper pays with a test card and sees the order with the card's last 4", async () => {
  const page = await openStore()
  await checkout(page)
  await shot(page, "storefront-paid")
  const confirmation = await page.textContent("#confirmation")
  expect(confirmation).toMatch(/Order #\d+ is placed/)
  expect(confirmation).toContain("card ending 4242")
  expect(await gateway.charge(chargeIn(confirmation)!)).toMatchObject({ amount: 3000, status: "authorized" })
  await page.close()
})

it("a declined card shows the decline message, and no order", async () => {
  const page = await openStore()
  const before = (await gateway.list("charges")).length
  await checkout(page, { cardNumber: "4000000000000002" })
  await shot(page, "storefront-declined")
  expect(await page.isVisible("#confirmation")).toBe(false)
  expect(await page.textContent("#error")).toContain("Your card was declined: the bank declined it")
  expect((await gateway.list("charges")).length).toBe(before)
  await page.close()
})

it("the subscription is bought on its own, opens a monthly subscription at the gateway, and is recorded", async () => {
  const page = await openStore()
  await checkout(page, { buttons: ["#subscribe"] })
  await shot(page, "storefront-subscription")
  const subscriptionLine = await page.textContent("#subscription")
  const gatewayId = /Subscription (sub_\w+): monthly/.exec(subscriptionLine ?? "")?.[1]
  expect(gatewayId).toBeDefined()
  const [atGateway] = (await gateway.list("subscriptions")).filter((s) => s.subscription_id === gatewayId)
  expect(atGateway).toMatchObject({ interval: "monthly", amount: 2000, status: "active" })
  // The plugin's subscriber records it once the order is placed.
  await eventually(async () => {
    const { subscriptions } = await admin().must("GET", "/admin/instantmerchant/subscriptions?limit=100")
    expect(subscriptions.filter((s: { gateway_subscription_id: string }) => s.gateway_subscription_id === gatewayId)).toHaveLength(1)
  })
  await page.close()
})

it("a cart mixing the subscription with the T-shirt is refused with the plugin's message, and nothing is charged", async () => {
  const page = await openStore()
  const before = (await gateway.list("charges")).length
  await checkout(page, { buttons: ["#add-to-cart", "#subscribe"] })
  await shot(page, "storefront-mixed-cart")
  expect(await page.isVisible("#confirmation")).toBe(false)
  expect(await page.textContent("#error")).toContain("mixes a monthly subscription with one-time items (Demo T-Shirt)")
  expect((await gateway.list("charges")).length).toBe(before)
  await page.close()
})

it("pay by invoice makes an itemized invoice at the gateway, paid with the card", async () => {
  const page = await openStore()
  await checkout(page, { invoice: true })
  await shot(page, "storefront-invoice")
  const invoiceLine = await page.textContent("#invoice")
  const num = Number(/invoice #(\d+)/.exec(invoiceLine ?? "")?.[1])
  expect(num).toBeGreaterThan(0)
  const [invoice] = (await gateway.list("invoices")).filter((i) => i.invoice_num === num)
  expect(invoice).toMatchObject({ amount: 3000 })
  expect(JSON.stringify(invoice)).toContain("Demo T-Shirt")
  expect(await gateway.charge(chargeIn(await page.textContent("#paid-with"))!)).toMatchObject({ amount: 3000, status: "authorized" })
  await page.close()
})

it("a signed-in shopper saves a card, then pays with it next time without typing it", async () => {
  const page = await openStore()
  await page.fill("#account-email", `browser-${Date.now()}@example.com`)
  await page.click("#sign-in")
  await page.waitForSelector("#signed-in:not([hidden])", { timeout: CHECKOUT_MS })
  await checkout(page, { cardNumber: "5555555555554444", saveCard: true })
  expect(await page.textContent("#saved")).toContain("•••• 4444 is saved to your account")
  const first = await gateway.charge(chargeIn(await page.textContent("#paid-with"))!)

  await page.click("#shop-again")
  const saved = page.locator('[data-testid="saved-card-option"]')
  await saved.waitFor({ timeout: CHECKOUT_MS })
  expect(await saved.isChecked()).toBe(true)
  expect(await page.textContent("#saved-cards")).toMatch(/Saved card •••• 4444, expires \d{2}\/\d{4}/)
  expect(await page.isVisible("#card-number")).toBe(false)
  await checkout(page, { savedCard: true })
  await shot(page, "storefront-saved-card")
  const confirmation = await page.textContent("#confirmation")
  expect(confirmation).toContain("card ending 4444")
  const second = await gateway.charge(chargeIn(confirmation)!)
  expect(second.charge_id).not.toBe(first.charge_id)
  expect(second.card_id).toBe(first.card_id)
  await page.close()
})
