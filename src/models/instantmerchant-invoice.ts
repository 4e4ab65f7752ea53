import { BaseEntity, generateEntityId } from "@medusajs/medusa"
import { BeforeInsert, Column, Entity, Index } from "typeorm"
import type { InvoiceRecordData, InvoiceStatus } from "../invoices/invoice-record"

/* Only the entity is exported here: Medusa registers every exported function of a models file as an entity. */

/**
 * An invoice this plugin created at InstantMerchant: at checkout (the
 * `instantmerchant-invoice` provider) or from the admin routes. The gateway
 * has no invoice lookup, so this is the shop's record of it.
 */
@Entity("instantmerchant_invoice")
export class InstantMerchantInvoice extends BaseEntity implements InvoiceRecordData {
  /** The gateway's invoice number. */
  @Index({ unique: true })
  @Column({ type: "integer" })
  invoice_num!: number

  /** The Medusa customer billed. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  customer_id!: string | null

  /** The order it pays (checkout invoices), once the order exists. */
  @Index()
  @Column({ type: "varchar", nullable: true })
  order_id!: string | null

  /** The cart it was created for (checkout invoices). */
  @Index()
  @Column({ type: "varchar", nullable: true })
  cart_id!: string | null

  /** The gateway customer the invoice is made out to. */
  @Column({ type: "integer" })
  gateway_customer_id!: number

  @Column({ type: "text" })
  description!: string

  /** `[{ name, price }]`, prices in cents: the gateway's `items[]`/`items_price[]`. */
  @Column({ type: "jsonb" })
  items!: Array<{ name: string; price: number }>

  /** The sum of the items, in cents. */
  @Column({ type: "integer" })
  amount!: number

  @Column({ type: "varchar", default: "usd" })
  currency!: string

  /** `open`, `paid`, `partially_refunded` or `refunded`, derived from the charge and its refunds. */
  @Index()
  @Column({ type: "varchar" })
  status!: InvoiceStatus

  @Column({ type: "varchar", nullable: true })
  charge_id!: string | null

  /** `pay_later` until charged; then `auth_only` or `auth_and_capture`. */
  @Column({ type: "varchar" })
  payment_mode!: InvoiceRecordData["payment_mode"]

  @Column({ type: "varchar", nullable: true })
  card_last_4!: string | null

  @Column({ type: "boolean", default: false })
  captured!: boolean

  /** An uncaptured authorization that was released (cancel), counted as refunded. */
  @Column({ type: "boolean", default: false })
  released!: boolean

  @Column({ type: "integer", default: 0 })
  amount_refunded!: number

  /** `[{ refund_id, amount, created_at }]`. */
  @Column({ type: "jsonb", default: () => "'[]'" })
  refunds!: Array<{ refund_id: string; amount: number; created_at: string }>

  /** ISO times the gateway was asked to email the invoice. */
  @Column({ type: "jsonb", default: () => "'[]'" })
  sent_at!: string[]

  /** mm/dd/yyyy, as the gateway keeps it. */
  @Column({ type: "varchar" })
  date_due!: string

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "iminv")
  }
}
