import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202010249 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "instantmerchant_subscription" drop constraint if exists "instantmerchant_subscription_gateway_subscription_id_unique";`);
    this.addSql(`create table if not exists "instantmerchant_subscription" ("id" text not null, "gateway_subscription_id" text not null, "customer_id" text null, "email" text not null, "order_id" text null, "cart_id" text null, "interval" text check ("interval" in ('weekly', 'monthly', 'quarterly', 'yearly')) not null, "amount" integer not null, "currency_code" text not null, "card_id" text not null, "card_last_4" text not null, "status" text check ("status" in ('active', 'past_due', 'canceled', 'expired')) not null, "current_period_start" timestamptz not null, "current_period_end" timestamptz not null, "next_renewal_at" timestamptz null, "failed_attempts" integer not null default 0, "error_attempts" integer not null default 0, "canceled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "instantmerchant_subscription_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_instantmerchant_subscription_gateway_subscription_id_unique" ON "instantmerchant_subscription" ("gateway_subscription_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instantmerchant_subscription_customer_id" ON "instantmerchant_subscription" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instantmerchant_subscription_status" ON "instantmerchant_subscription" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instantmerchant_subscription_deleted_at" ON "instantmerchant_subscription" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_imsub_next_renewal_at" ON "instantmerchant_subscription" ("next_renewal_at") WHERE next_renewal_at IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "instantmerchant_subscription_renewal" ("id" text not null, "subscription_id" text not null, "period_start" timestamptz not null, "period_end" timestamptz null, "attempt" integer not null, "status" text check ("status" in ('succeeded', 'failed', 'unknown')) not null, "trigger" text not null, "amount" integer not null, "charge_id" text null, "invoice_num" integer null, "failure_code" text null, "failure_message" text null, "order_id" text null, "attempted_at" timestamptz not null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "instantmerchant_subscription_renewal_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instantmerchant_subscription_renewal_subscription_id" ON "instantmerchant_subscription_renewal" ("subscription_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_instantmerchant_subscription_renewal_deleted_at" ON "instantmerchant_subscription_renewal" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_imren_attempt" ON "instantmerchant_subscription_renewal" ("subscription_id", "period_start", "attempt");`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_imren_one_success_per_period" ON "instantmerchant_subscription_renewal" ("subscription_id", "period_start") WHERE status = 'succeeded' AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "instantmerchant_subscription_renewal" add constraint "instantmerchant_subscription_renewal_subscription_id_foreign" foreign key ("subscription_id") references "instantmerchant_subscription" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "instantmerchant_subscription_renewal" drop constraint if exists "instantmerchant_subscription_renewal_subscription_id_foreign";`);

    this.addSql(`drop table if exists "instantmerchant_subscription" cascade;`);

    this.addSql(`drop table if exists "instantmerchant_subscription_renewal" cascade;`);
  }

}
