import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Renewal errors that are not declines back off instead of blocking the job
 * (`error_attempts`), and the job pages through due subscriptions by
 * (`next_renewal_at`, `id`), which this index serves.
 */
export class InstantMerchantRenewalErrors1767400000000 implements MigrationInterface {
  name = "InstantMerchantRenewalErrors1767400000000"

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "instantmerchant_subscription" ADD COLUMN IF NOT EXISTS "error_attempts" integer NOT NULL DEFAULT 0`)
    await q.query(
      `CREATE INDEX IF NOT EXISTS "IDX_imsub_due" ON "instantmerchant_subscription" ("next_renewal_at", "id") WHERE "status" IN ('active', 'past_due') AND "next_renewal_at" IS NOT NULL`
    )
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "IDX_imsub_due"`)
    await q.query(`ALTER TABLE "instantmerchant_subscription" DROP COLUMN IF EXISTS "error_attempts"`)
  }
}
