/* Generated from models/instantmerchant-invoice.ts by MikroORM's migrator, as `medusa plugin:db:generate` runs it (defineMikroOrmCliConfig, createMigration). */
import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202013333 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "instantmerchant_invoice" drop constraint if exists "instantmerchant_invoice_invoice_num_unique";`);
    this.addSql(`create table if not exists "instantmerchant_invoice" ("id" text not null, "invoice_num" integer not null, "customer_id" text null, "order_id" text null, "cart_id" text null, "gateway_customer_id" integer not null, "description" text not null, "items" jsonb not null, "amount" integer not null, "currency" text not null default 'usd', "status" text check ("status" in ('open', 'paid', 'partially_refunded', 'refunded')) not null, "charge_id" text null, "payment_mode" text check ("payment_mode" in ('pay_later', 'auth_only', 'auth_and_capture')) not null, "card_last_4" text null, "captured" boolean not null default false, "released" boolean not null default false, "amount_refunded" integer not null default 0, "refunds" jsonb not null, "sent_at" jsonb not null, "date_due" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "instantmerchant_invoice_pkey" primary key ("id"), constraint instantmerchant_invoice_amounts_check check (amount > 0 AND amount_refunded >= 0 AND amount_refunded <= amount));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_instantmerchant_invoice_invoice_num_unique" ON "instantmerchant_invoice" ("invoice_num") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instantmerchant_invoice_deleted_at" ON "instantmerchant_invoice" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instantmerchant_invoice_customer_id" ON "instantmerchant_invoice" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instantmerchant_invoice_order_id" ON "instantmerchant_invoice" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instantmerchant_invoice_cart_id" ON "instantmerchant_invoice" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instantmerchant_invoice_status" ON "instantmerchant_invoice" ("status") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "instantmerchant_invoice" cascade;`);
  }

}
