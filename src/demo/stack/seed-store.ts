import { execFile } from "node:child_process"
import { medusaCli } from "./medusa-server"
import { MedusaRest } from "./medusa-rest"

export const DEFAULT_ADMIN_EMAIL = "admin@example.com"
export const DEFAULT_ADMIN_PASSWORD = "supersecret"

export interface SeededStore {
  adminToken: string
  regionId: string
  shippingOptionId: string
  productId: string
  variantId: string
  /** The monthly subscription product's variant. */
  subscriptionVariantId: string
  publishableKey: string
}

export interface SeedOptions {
  medusaUrl: string
  appDir: string
  env: NodeJS.ProcessEnv
  adminEmail: string
  adminPassword: string
  log?: (line: string) => void
}

/**
 * Seeds the demo store through the admin REST API, idempotently: everything
 * is looked up first, so a second run creates nothing.
 */
export async function seedStore(options: SeedOptions): Promise<SeededStore> {
  const log = options.log ?? (() => undefined)
  const api = new MedusaRest(options.medusaUrl)
  const adminToken = await adminToken_(api, options)
  api.headers.authorization = `Bearer ${adminToken}`

  const { store } = await api.must("GET", "/admin/store")
  const salesChannelId: string = store.default_sales_channel_id

  const regionBody = {
    name: "United States",
    currency_code: "usd",
    tax_rate: 0,
    payment_providers: ["instantmerchant", "instantmerchant-invoice"],
    fulfillment_providers: ["manual"],
    countries: ["us"],
  }
  const { regions } = await api.must("GET", "/admin/regions?limit=100")
  let region = regions.find((r: { name: string }) => r.name === regionBody.name)
  if (!region) {
    region = (await api.must("POST", "/admin/regions", regionBody)).region
    log(`created region ${region.id}`)
  } else {
    region = (await api.must("POST", `/admin/regions/${region.id}`, { payment_providers: regionBody.payment_providers })).region
  }

  const { shipping_options } = await api.must("GET", `/admin/shipping-options?region_id=${region.id}`)
  let shipping = shipping_options.find((s: { name: string; is_return: boolean }) => s.name === "Standard Shipping" && !s.is_return)
  if (!shipping) {
    const { shipping_profiles } = await api.must("GET", "/admin/shipping-profiles")
    const profile = shipping_profiles.find((p: { type: string }) => p.type === "default")
    shipping = (
      await api.must("POST", "/admin/shipping-options", {
        name: "Standard Shipping",
        region_id: region.id,
        provider_id: "manual",
        profile_id: profile.id,
        data: {},
        price_type: "flat_rate",
        amount: 500,
        is_return: false,
      })
    ).shipping_option
    log(`created shipping option ${shipping.id}`)
  }

  const handle = "demo-t-shirt"
  let [product] = (await api.must("GET", `/admin/products?handle=${handle}`)).products
  if (!product) {
    product = (
      await api.must("POST", "/admin/products", {
        title: "Demo T-Shirt",
        handle,
        status: "published",
        sales_channels: [{ id: salesChannelId }],
        options: [{ title: "Size" }],
        variants: [{ title: "One size", manage_inventory: false, prices: [{ currency_code: "usd", amount: 2500 }], options: [{ value: "One size" }] }],
      })
    ).product
    log(`created product ${product.id}`)
  }

  await ensureSubscriptionProduct(api, salesChannelId, log)

  const { publishable_api_keys } = await api.must("GET", "/admin/publishable-api-keys?limit=100")
  let key = publishable_api_keys.find((k: { title: string; revoked_at: string | null }) => k.title === "demo storefront" && !k.revoked_at)
  if (!key) {
    key = (await api.must("POST", "/admin/publishable-api-keys", { title: "demo storefront" })).publishable_api_key
    await api.must("POST", `/admin/publishable-api-keys/${key.id}/sales-channels/batch`, { sales_channel_ids: [{ id: salesChannelId }] })
    log(`created publishable API key ${key.id}`)
  }

  const [subscription] = (await api.must("GET", "/admin/products?handle=coffee-subscription")).products
  return {
    adminToken,
    regionId: region.id,
    shippingOptionId: shipping.id,
    productId: product.id,
    variantId: product.variants[0].id,
    subscriptionVariantId: subscription.variants[0].id,
    publishableKey: key.id,
  }
}

/** A monthly subscription product: its variant carries `instantmerchant_interval`. */
async function ensureSubscriptionProduct(api: MedusaRest, salesChannelId: string, log: (line: string) => void): Promise<void> {
  const handle = "coffee-subscription"
  const [existing] = (await api.must("GET", `/admin/products?handle=${handle}`)).products
  if (existing) return
  const { product } = await api.must("POST", "/admin/products", {
    title: "Coffee Subscription",
    description: "A bag of coffee every month, charged monthly through InstantMerchant.",
    handle,
    status: "published",
    sales_channels: [{ id: salesChannelId }],
    options: [{ title: "Plan" }],
    variants: [
      {
        title: "Monthly",
        manage_inventory: false,
        prices: [{ currency_code: "usd", amount: 1500 }],
        options: [{ value: "Monthly" }],
        metadata: { instantmerchant_interval: "monthly" },
      },
    ],
  })
  log(`created product ${product.id} (monthly subscription)`)
}

/** Logs in; creates the admin user with Medusa's CLI only when the login fails. */
async function adminToken_(api: MedusaRest, options: SeedOptions): Promise<string> {
  const login = () => api.post("/admin/auth/token", { email: options.adminEmail, password: options.adminPassword })
  let answer = await login()
  if (answer.status !== 200) {
    // Not spawnSync: blocking this process for the seconds the CLI takes lets
    // Medusa close the login's keep-alive socket unnoticed, and the next fetch
    // fails on it ("other side closed"); it would also stall a sandbox
    // running in this process.
    const created = await runCli(process.execPath, [medusaCli(), "user", "-e", options.adminEmail, "-p", options.adminPassword], { cwd: options.appDir, env: options.env })
    const out = `${created.stdout}${created.stderr}`
    if (created.status !== 0 && !out.includes("already exists")) throw new Error(`could not create the admin user: ${out.split("\n").filter((l) => l && !l.startsWith("query")).slice(-3).join(" ")}`)
    answer = await login()
    if (answer.status !== 200) {
      throw new Error(`the admin ${options.adminEmail} exists with another password: set DEMO_ADMIN_PASSWORD to it, or start with DEMO_FRESH=1`)
    }
  }
  return answer.body.access_token
}

/** Runs a CLI to its end without blocking the event loop; never rejects. */
function runCli(file: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { ...options, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof (error as { code?: unknown }).code === "number" ? ((error as { code: number }).code) : 1) : 0
      resolve({ status, stdout: String(stdout), stderr: String(stderr) })
    })
  })
}
