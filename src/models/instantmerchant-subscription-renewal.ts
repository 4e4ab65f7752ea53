import { BaseEntity, generateEntityId } from "@medusajs/medusa"
import { BeforeInsert, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm"
import { InstantMerchantSubscription } from "./instantmerchant-subscription"

/** `succeeded` and `failed` are final; `unknown` means the gateway did not answer, and the next attempt replays it. */
export type RenewalStatus = "succeeded" | "failed" | "unknown"

/**
 * One attempt to renew one period of a subscription. The database allows one
 * row per (subscription, period, attempt) and one success per (subscription,
 * period): a period can never be renewed twice, whatever runs at once.
 */
@Entity({ name: "instantmerchant_subscription_renewal" })
@Index(["subscription_id", "period_start", "attempt"], { unique: true })
export class InstantMerchantSubscriptionRenewal extends BaseEntity {
  @Index()
  @Column({ type: "varchar" })
  subscription_id!: string

  @ManyToOne(() => InstantMerchantSubscription, (s) => s.renewals, { onDelete: "CASCADE" })
  @JoinColumn({ name: "subscription_id" })
  subscription?: InstantMerchantSubscription

  /** The period this attempt pays for. */
  @Column({ type: "timestamptz" })
  period_start!: Date

  @Column({ type: "timestamptz", nullable: true })
  period_end!: Date | null

  @Column({ type: "integer" })
  attempt!: number

  @Column({ type: "varchar" })
  status!: RenewalStatus

  /** `job` or `admin`. */
  @Column({ type: "varchar" })
  trigger!: string

  @Column({ type: "integer" })
  amount!: number

  @Column({ type: "varchar", nullable: true })
  charge_id!: string | null

  @Column({ type: "integer", nullable: true })
  invoice_num!: number | null

  @Column({ type: "varchar", nullable: true })
  failure_code!: string | null

  @Column({ type: "varchar", nullable: true })
  failure_message!: string | null

  /** The Medusa order made for this renewal, when the shop turned that on. */
  @Column({ type: "varchar", nullable: true })
  order_id!: string | null

  @Column({ type: "timestamptz" })
  attempted_at!: Date

  @Column({ type: "timestamptz", nullable: true })
  finished_at!: Date | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "imren")
  }
}
