import { MigrationInterface, QueryRunner } from "typeorm"

/** The plugin's invoice records (see src/models/instantmerchant-invoice.ts). */
export class InstantMerchantInvoice1767300000000 implements MigrationInterface {
  name = "InstantMerchantInvoice1767300000000"

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "instantmerchant_invoice" (
        "id" character varying NOT NULL,
        "invoice_num" integer NOT NULL,
        "customer_id" character varying,
        "order_id" character varying,
        "cart_id" character varying,
        "gateway_customer_id" integer NOT NULL,
        "description" text NOT NULL,
        "items" jsonb NOT NULL,
        "amount" integer NOT NULL,
        "currency" character varying NOT NULL DEFAULT 'usd',
        "status" character varying NOT NULL,
        "charge_id" character varying,
        "payment_mode" character varying NOT NULL,
        "card_last_4" character varying,
        "captured" boolean NOT NULL DEFAULT false,
        "released" boolean NOT NULL DEFAULT false,
        "amount_refunded" integer NOT NULL DEFAULT 0,
        "refunds" jsonb NOT NULL DEFAULT '[]',
        "sent_at" jsonb NOT NULL DEFAULT '[]',
        "date_due" character varying NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_instantmerchant_invoice_id" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_instantmerchant_invoice_status" CHECK ("status" IN ('open', 'paid', 'partially_refunded', 'refunded')),
        CONSTRAINT "CHK_instantmerchant_invoice_amounts" CHECK ("amount" > 0 AND "amount_refunded" >= 0 AND "amount_refunded" <= "amount")
      )`)
    await queryRunner.query(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_instantmerchant_invoice_invoice_num" ON "instantmerchant_invoice" ("invoice_num")`)
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_instantmerchant_invoice_customer_id" ON "instantmerchant_invoice" ("customer_id")`)
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_instantmerchant_invoice_order_id" ON "instantmerchant_invoice" ("order_id")`)
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_instantmerchant_invoice_cart_id" ON "instantmerchant_invoice" ("cart_id")`)
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_instantmerchant_invoice_status" ON "instantmerchant_invoice" ("status")`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "instantmerchant_invoice"`)
  }
}
