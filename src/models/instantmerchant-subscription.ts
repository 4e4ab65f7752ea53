import { BaseEntity, generateEntityId } from "@medusajs/medusa"
import { BeforeInsert, Column, Entity, Index, OneToMany } from "typeorm"
import type { BillingInterval } from "../rules/subscription/billing-interval"
import { InstantMerchantSubscriptionRenewal } from "./instantmerchant-subscription-renewal"

export type SubscriptionStatus = "active" | "past_due" | "canceled" | "expired"

/** A subscription the gateway renews each interval, as this plugin records it. */
@Entity({ name: "instantmerchant_subscription" })
export class InstantMerchantSubscription extends BaseEntity {
  /** The gateway's `sub_…` id. */
  @Index({ unique: true })
  @Column({ type: "varchar" })
  gateway_subscription_id!: string

  @Index()
  @Column({ type: "varchar", nullable: true })
  customer_id!: string | null

  @Column({ type: "varchar" })
  email!: string

  /** The order that bought it, and its cart. */
  @Column({ type: "varchar", nullable: true })
  order_id!: string | null

  @Column({ type: "varchar", nullable: true })
  cart_id!: string | null

  @Column({ type: "varchar" })
  interval!: BillingInterval

  /** Charged each period, in cents: the whole first charge. */
  @Column({ type: "integer" })
  amount!: number

  @Column({ type: "varchar" })
  currency_code!: string

  @Column({ type: "varchar" })
  card_id!: string

  @Column({ type: "varchar" })
  card_last_4!: string

  @Index()
  @Column({ type: "varchar" })
  status!: SubscriptionStatus

  @Column({ type: "timestamptz" })
  current_period_start!: Date

  /** End of the paid period: the gateway's `expiry_date`. */
  @Column({ type: "timestamptz" })
  current_period_end!: Date

  /** When the renewal job next tries this subscription; null once canceled or expired. */
  @Index()
  @Column({ type: "timestamptz", nullable: true })
  next_renewal_at!: Date | null

  /** Declined attempts to renew the current period. */
  @Column({ type: "integer", default: 0 })
  failed_attempts!: number

  /**
   * Renewal attempts in a row that failed with an error that is not a decline
   * (refused by the gateway, or never sent): nothing was charged, and the job
   * backs off (see src/subscriptions/error-backoff.ts). Reset by any answer.
   */
  @Column({ type: "integer", default: 0 })
  error_attempts!: number

  @Column({ type: "timestamptz", nullable: true })
  canceled_at!: Date | null

  @OneToMany(() => InstantMerchantSubscriptionRenewal, (renewal) => renewal.subscription)
  renewals?: InstantMerchantSubscriptionRenewal[]

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "imsub")
  }
}
