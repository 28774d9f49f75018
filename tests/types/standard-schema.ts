// Compile-time test (never run): the package's schemas are what
// `@standard-schema/spec` (a devDependency here, not a dependency of the
// package, which writes the shape out) calls a Standard Schema, with the
// request type as input and output.

import type { StandardSchemaV1 } from "@standard-schema/spec";
import { createSchemas, schemas, type SendMessageRequest } from "whatsjet";

const sendMessage: StandardSchemaV1<SendMessageRequest> = schemas.sendMessage;
const createContact: StandardSchemaV1 = createSchemas({ defaultCountryCode: "91" }).createContact;
type Output = StandardSchemaV1.InferOutput<typeof schemas.sendMessage>;
const output: Output = { phone_number: "919876543210", message_body: "Hi" };
// @ts-expect-error the output is the request type
const wrong: Output = { phone_number: 1 };
export const uses = [sendMessage, createContact, output, wrong];
