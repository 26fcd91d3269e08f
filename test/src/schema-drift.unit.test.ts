import { readFileSync } from "node:fs";
import { buildSchema, isEnumType, isInputObjectType, isObjectType, isInterfaceType } from "graphql";
import { describe, expect, it } from "vitest";
import { generate } from "@graphql-codegen/cli";
import { API_SCHEMA_FILE, PLUGIN_GUIDE_FILE, README_FILE, SUPERGRAPH_FILE, codegenConfig, composeCore, subgraphSdlFile, withGeneratedBlocks } from "@bdp/schema";

const composition = await composeCore();

describe("committed schema", () => {
  it("composes", () => {
    expect(composition.ok ? [] : composition.errors).toEqual([]);
  });

  it.each(composition.subgraphs.map((s) => [s.name, s] as const))("subgraphs/%s.graphql matches the code (run `pnpm compose`)", (name, subgraph) => {
    expect(readFileSync(subgraphSdlFile(name), "utf8")).toBe(`${subgraph.sdl.trim()}\n`);
  });

  it("supergraph.graphql and api-schema.graphql match the code (run `pnpm compose`)", () => {
    if (!composition.ok) throw new Error("composition failed");
    expect(readFileSync(SUPERGRAPH_FILE, "utf8")).toBe(`${composition.supergraphSdl.trim()}\n`);
    expect(readFileSync(API_SCHEMA_FILE, "utf8")).toBe(`${composition.apiSchemaSdl.trim()}\n`);
  });

  it.each([README_FILE, PLUGIN_GUIDE_FILE])("the error tables of %s are the registry's (run `pnpm compose`)", (file) => {
    expect(readFileSync(file, "utf8")).toBe(withGeneratedBlocks(file));
  });

  it("the typed client operations and their trusted-documents manifest match the schema and the operations (run `pnpm codegen`)", async () => {
    const files = (await generate(codegenConfig, false)) as { filename: string; content: string }[];
    expect(files.map((f) => f.filename.split("/").pop())).toContain("persisted-documents.json");
    for (const file of files) expect(readFileSync(file.filename, "utf8"), file.filename).toBe(file.content);
  }, 60_000);

  it("every type, field, argument and enum value of the public API has a description", () => {
    const schema = buildSchema(readFileSync(API_SCHEMA_FILE, "utf8"));
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__")) continue;
      // root operation types are documented by their fields
      if (!type.description && type !== schema.getQueryType() && type !== schema.getMutationType()) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
