import { MigrationInterface, QueryRunner } from "typeorm"

/** The subscription records and their renewal attempts. */
export class InstantMerchantSubscriptions1763800000000 implements MigrationInterface {
  name = "InstantMerchantSubscriptions1763800000000"

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "instantmerchant_subscription" (
        "id" character varying NOT NULL,
        "gateway_subscription_id" character varying NOT NULL,
        "customer_id" character varying,
        "email" character varying NOT NULL,
        "order_id" character varying,
        "cart_id" character varying,
        "interval" character varying NOT NULL,
        "amount" integer NOT NULL CHECK ("amount" > 0),
        "currency_code" character varying NOT NULL,
        "card_id" character varying NOT NULL,
        "card_last_4" character varying NOT NULL,
        "status" character varying NOT NULL CHECK ("status" IN ('active', 'past_due', 'canceled', 'expired')),
        "current_period_start" TIMESTAMP WITH TIME ZONE NOT NULL,
        "current_period_end" TIMESTAMP WITH TIME ZONE NOT NULL,
        "next_renewal_at" TIMESTAMP WITH TIME ZONE,
        "failed_attempts" integer NOT NULL DEFAULT 0,
        "canceled_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_instantmerchant_subscription" PRIMARY KEY ("id")
      )`)
    await q.query(`CREATE UNIQUE INDEX "IDX_imsub_gateway_subscription_id" ON "instantmerchant_subscription" ("gateway_subscription_id")`)
    await q.query(`CREATE INDEX "IDX_imsub_customer_id" ON "instantmerchant_subscription" ("customer_id")`)
    await q.query(`CREATE INDEX "IDX_imsub_status" ON "instantmerchant_subscription" ("status")`)
    await q.query(`CREATE INDEX "IDX_imsub_next_renewal_at" ON "instantmerchant_subscription" ("next_renewal_at") WHERE "next_renewal_at" IS NOT NULL`)

    await q.query(`
      CREATE TABLE "instantmerchant_subscription_renewal" (
        "id" character varying NOT NULL,
        "subscription_id" character varying NOT NULL,
        "period_start" TIMESTAMP WITH TIME ZONE NOT NULL,
        "period_end" TIMESTAMP WITH TIME ZONE,
        "attempt" integer NOT NULL,
        "status" character varying NOT NULL CHECK ("status" IN ('succeeded', 'failed', 'unknown')),
        "trigger" character varying NOT NULL,
        "amount" integer NOT NULL,
        "charge_id" character varying,
        "invoice_num" integer,
        "failure_code" character varying,
        "failure_message" character varying,
        "order_id" character varying,
        "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_instantmerchant_subscription_renewal" PRIMARY KEY ("id"),
        CONSTRAINT "FK_imren_subscription" FOREIGN KEY ("subscription_id") REFERENCES "instantmerchant_subscription"("id") ON DELETE CASCADE
      )`)
    await q.query(`CREATE INDEX "IDX_imren_subscription_id" ON "instantmerchant_subscription_renewal" ("subscription_id")`)
    await q.query(`CREATE UNIQUE INDEX "IDX_imren_attempt" ON "instantmerchant_subscription_renewal" ("subscription_id", "period_start", "attempt")`)
    // The guard that matters: one successful renewal per period, whatever runs at once.
    await q.query(`CREATE UNIQUE INDEX "IDX_imren_one_success_per_period" ON "instantmerchant_subscription_renewal" ("subscription_id", "period_start") WHERE "status" = 'succeeded'`)
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "instantmerchant_subscription_renewal"`)
    await q.query(`DROP TABLE "instantmerchant_subscription"`)
  }
}
