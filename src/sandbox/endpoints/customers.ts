import { addCustomer } from "../domain/customer"
import type { Endpoint } from "./endpoint"

/** POST /customer. Reference: every field is required; "username … Unique username". */
export const createCustomerEndpoint: Endpoint = ({ env, fields, now }) => {
  const customer = addCustomer(
    env,
    {
      name: fields.string("name"),
      email: fields.email("email"),
      username: fields.string("username"),
      address: fields.string("address"),
      city: fields.string("city"),
      zip: fields.string("zip"),
      state: fields.twoLetterCode("state"),
      country: fields.twoLetterCode("country"),
    },
    now,
  )
  return { message: "Customer created successfully", data: { customer_id: customer.customer_id } }
}
