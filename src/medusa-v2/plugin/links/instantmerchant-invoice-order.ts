import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import InvoicesModule from "../modules/instantmerchant-invoices"

/**
 * A checkout invoice's order, through its `order_id` column: a read-only
 * link (no link table, no migration), since the record keeps the id itself,
 * as v1's does. `query.graph({ entity: "instantmerchant_invoice", fields: ["order.*"] })`.
 */
export default defineLink({ linkable: InvoicesModule.linkable.instantmerchantInvoice, field: "order_id" }, OrderModule.linkable.order, { readOnly: true })
