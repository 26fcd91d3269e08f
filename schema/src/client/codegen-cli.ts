/** `pnpm codegen`: writes the typed operations (see codegen.ts). */
import { generate } from "@graphql-codegen/cli";
import { codegenConfig } from "./codegen.js";

const files = await generate(codegenConfig, true);
process.stdout.write(`wrote ${files.length} file(s) to schema/src/client/generated/\n`);
