/**
 * The payment providers' ids as the plugin's store and routes see them
 * (`pp_<identifier>_<id>`, with the id `instantmerchant` the README registers).
 */
export const CARD_PROVIDER = "pp_instantmerchant_instantmerchant"
export const INVOICE_PROVIDER = "pp_instantmerchant-invoice_instantmerchant"
