import fs from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

/**
 * Seeds the store the 2.x end-to-end suite and demo use: a USD region with
 * both InstantMerchant providers, a EUR region that offers the card provider
 * too (so the suite can see it refused), a product priced $37.02 (a price
 * that floating-point "× 100" gets wrong), a $15 monthly subscription (the
 * Coffee Club, for the plugin's subscriptions), a $5 shipping option and a
 * publishable API key. Writes the ids to $SEED_OUTPUT as JSON. Run once, on
 * an empty database: `medusa exec ./src/scripts/seed-instantmerchant.ts`.
 */
export default async function seed({ container }: ExecArgs) {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const storeModule = container.resolve(Modules.STORE)
  const providers = ["pp_instantmerchant_instantmerchant", "pp_instantmerchant-invoice_instantmerchant"]

  const {
    result: [channel],
  } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Webshop" }] } })
  const [store] = await storeModule.listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        supported_currencies: [{ currency_code: "usd", is_default: true }, { currency_code: "eur" }],
        default_sales_channel_id: channel.id,
      },
    },
  })

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        { name: "United States", currency_code: "usd", countries: ["us"], payment_providers: providers },
        { name: "Europe", currency_code: "eur", countries: ["de"], payment_providers: [providers[0]] },
      ],
    },
  })
  const [usd, eur] = regions

  const {
    result: [profile],
  } = await createShippingProfilesWorkflow(container).run({ input: { data: [{ name: "Default", type: "default" }] } })
  const fulfillmentSet = await fulfillment.createFulfillmentSets({
    name: "Warehouse delivery",
    type: "shipping",
    service_zones: [{ name: "US and DE", geo_zones: [{ type: "country", country_code: "us" }, { type: "country", country_code: "de" }] }],
  })
  const {
    result: [location],
  } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Warehouse", address: { city: "Nashville", country_code: "US", address_1: "1 Depot Rd" } }] },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [channel.id] } })
  await link.create([
    { [Modules.STOCK_LOCATION]: { stock_location_id: location.id }, [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id } },
    { [Modules.STOCK_LOCATION]: { stock_location_id: location.id }, [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" } },
  ])
  const {
    result: [shipping],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: profile.id,
        type: { label: "Standard", description: "3-5 days", code: "standard" },
        prices: [
          { currency_code: "usd", amount: 5 },
          { currency_code: "eur", amount: 5 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })

  const {
    result: [product, subscriptionProduct],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "InstantMerchant Mug",
          handle: "instantmerchant-mug",
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: profile.id,
          options: [{ title: "Size", values: ["Standard"] }],
          variants: [
            {
              title: "Standard",
              sku: "IM-MUG",
              options: { Size: "Standard" },
              manage_inventory: false,
              prices: [
                { amount: 37.02, currency_code: "usd" },
                { amount: 30, currency_code: "eur" },
              ],
            },
          ],
          sales_channels: [{ id: channel.id }],
        },
        {
          // A monthly subscription: the plugin reads `instantmerchant_interval` from the variant (or product) metadata.
          title: "InstantMerchant Coffee Club",
          handle: "instantmerchant-coffee-club",
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: profile.id,
          options: [{ title: "Plan", values: ["Monthly"] }],
          variants: [
            {
              title: "Monthly",
              sku: "IM-COFFEE-MONTHLY",
              options: { Plan: "Monthly" },
              manage_inventory: false,
              metadata: { instantmerchant_interval: "monthly" },
              prices: [{ amount: 15, currency_code: "usd" }],
            },
          ],
          sales_channels: [{ id: channel.id }],
        },
      ],
    },
  })

  const {
    result: [key],
  } = await createApiKeysWorkflow(container).run({ input: { api_keys: [{ title: "Webshop", type: "publishable", created_by: "" }] } })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channel.id] } })

  const seeded = {
    publishable_key: key.token,
    usd_region_id: usd.id,
    eur_region_id: eur.id,
    variant_id: product.variants[0].id,
    subscription_variant_id: subscriptionProduct.variants[0].id,
    shipping_option_id: shipping.id,
    sales_channel_id: channel.id,
  }
  if (process.env.SEED_OUTPUT) fs.writeFileSync(process.env.SEED_OUTPUT, JSON.stringify(seeded, null, 2))
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`InstantMerchant store seeded: ${JSON.stringify(seeded)}`)
}
