import type {
  CreateAccountHolderInput,
  Logger,
  CreateAccountHolderOutput,
  DeleteAccountHolderInput,
  DeleteAccountHolderOutput,
  ListPaymentMethodsInput,
  ListPaymentMethodsOutput,
  PaymentProviderContext,
  SavePaymentMethodInput,
  SavePaymentMethodOutput,
  UpdateAccountHolderInput,
  UpdateAccountHolderOutput,
} from "@medusajs/framework/types"
import { AbstractPaymentProvider, MedusaError } from "@medusajs/framework/utils"
import { InstantMerchantClient } from "../client"
import { parseCardInput } from "../rules/card/card-input"
import { InputError } from "../rules/input/input-error"
import { gatewayAddressFrom } from "../customers/gateway-address"
import { GatewayCustomers } from "../customers/gateway-customers"
import { AccountHolderData, gatewayCustomerOf, gatewayCustomersFor, paymentMethodData, shopCustomerOf } from "./gateway-customers"
import { toMedusaError } from "./medusa-error"
import { clientFor, resolveV2Options, ResolvedV2Options } from "./provider-options"

/**
 * Saved cards the 2.x way: an account holder is a gateway customer, a payment
 * method is one of its stored cards. Medusa creates the account holder when a
 * signed-in customer starts a payment session, and hands it back only on that
 * customer's requests.
 */
export abstract class SavedCardsProvider extends AbstractPaymentProvider<ResolvedV2Options> {
  /** Medusa calls this at start-up: a bad option stops the server with a message naming it. */
  static override validateOptions(options: Record<string, unknown>): void {
    resolveV2Options(options)
  }

  protected readonly options: ResolvedV2Options
  protected readonly client: InstantMerchantClient
  protected readonly customers: GatewayCustomers
  protected readonly logger: Pick<Logger, "info" | "warn" | "error">

  protected constructor(cradle: Record<string, unknown>, options: Record<string, unknown>) {
    super(cradle, resolveV2Options(options))
    this.options = resolveV2Options(options)
    this.client = clientFor(this.options)
    this.customers = gatewayCustomersFor(this.client)
    this.logger = (cradle.logger as Logger | undefined) ?? console
  }

  /**
   * Makes the customer's gateway customer, from their email and default
   * billing address (the gateway requires an address). A customer without
   * one gets no account holder yet, rather than a failed checkout: Medusa
   * skips an empty answer, and asks again at the next payment session.
   */
  async createAccountHolder({ context }: CreateAccountHolderInput): Promise<CreateAccountHolderOutput> {
    return this.run("account holder creation", async () => {
      const existing = gatewayCustomerOf(context.account_holder)
      if (existing !== undefined) return { id: String(existing), data: { instantmerchant_customer_id: existing } }
      const { customer } = context
      let address
      try {
        address = gatewayAddressFrom(customer.billing_address, "billing_address")
      } catch (e) {
        if (e instanceof InputError) return {} as CreateAccountHolderOutput
        throw e
      }
      const id = await this.customers.create(customer.id, { address, email: customer.email })
      const data: AccountHolderData = { instantmerchant_customer_id: id }
      return { id: String(id), data: { ...data } }
    })
  }

  /** The gateway has no customer update: each charge carries its own billing details, so nothing is lost. */
  async updateAccountHolder(_input: UpdateAccountHolderInput): Promise<UpdateAccountHolderOutput> {
    return {}
  }

  /** The gateway has no customer delete; Medusa drops the link, and the gateway customer's cards can no longer be reached from Medusa. */
  async deleteAccountHolder(_input: DeleteAccountHolderInput): Promise<DeleteAccountHolderOutput> {
    return {}
  }

  /** The account holder's stored cards (card get). */
  async listPaymentMethods({ context }: ListPaymentMethodsInput): Promise<ListPaymentMethodsOutput> {
    return this.run("listing saved cards", async () => {
      const cards = await this.customers.storedCards(shopCustomerOf(context?.customer?.id ?? "", context?.account_holder))
      return cards.map((card) => ({ id: card.card_id, data: paymentMethodData(card) }))
    })
  }

  /** Saves a card on the account holder (card create with save_card); only its id, last 4 and expiry come back. */
  async savePaymentMethod({ context, data }: SavePaymentMethodInput): Promise<SavePaymentMethodOutput> {
    return this.run("saving a card", async () => {
      const customer = gatewayCustomerOf(context?.account_holder)
      if (customer === undefined) throw new InputError("account_holder", "saving a card needs the signed-in customer's account holder")
      const card = parseCardInput(data)
      if (card.kind !== "new") throw new InputError("card_id", "send the card's details to save it, not a card_id")
      const key = context?.idempotency_key ? `im_card_${context.idempotency_key}` : undefined
      const stored = await this.customers.storeCard(customer, card, { save_card: true, is_default: card.is_default }, key)
      return { id: stored.card_id, data: { card_id: stored.card_id, last_4: stored.last_4, exp_month: stored.exp_month, exp_year: stored.exp_year } }
    })
  }

  /** Runs one operation; a failure is logged for the admin (never with card data: errors hold none) and thrown as a MedusaError. */
  protected async run<T>(operation: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (e) {
      const error = toMedusaError(e, operation)
      const requestId = e instanceof Error && "requestId" in e && e.requestId ? ` (request ${String(e.requestId)})` : ""
      const line = `InstantMerchant ${operation} failed: ${error.code ?? error.type}: ${error.message}${requestId}`
      if (error.type === MedusaError.Types.UNEXPECTED_STATE) this.logger.error(line)
      else this.logger.warn(line)
      throw error
    }
  }

  /** The gateway customer of the account holder in a request's context, if any. */
  protected gatewayCustomerOf(context: PaymentProviderContext | undefined): number | undefined {
    return gatewayCustomerOf(context?.account_holder)
  }
}
