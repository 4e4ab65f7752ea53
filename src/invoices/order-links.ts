import type { EntityManager } from "typeorm"

/**
 * A checkout invoice learns its order once the cart is completed: the
 * processor only sees the cart. One statement links every such record.
 */
export async function linkInvoicesToOrders(manager: EntityManager): Promise<void> {
  await manager.query(
    `UPDATE "instantmerchant_invoice" i SET "order_id" = o."id", "updated_at" = now()
       FROM "order" o
      WHERE i."order_id" IS NULL AND i."cart_id" IS NOT NULL AND o."cart_id" = i."cart_id"`
  )
}
