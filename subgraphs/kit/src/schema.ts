import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type ClassType, type NonEmptyArray } from "type-graphql";
import { DateScalar, DateTimeScalar, MoneyScalar } from "./scalars.js";
import { hubAuthChecker } from "./auth/authorize.js";

/** The Federation 2 spec version and the directives our SDL may use. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@override"])';

export interface FederatedSchemaOptions {
  /** Resolver classes. */
  resolvers: NonEmptyArray<ClassType>;
  /** Types no resolver returns that the schema must still print (an entity a plugin only extends). */
  orphanedTypes?: ClassType[];
  /** `__resolveReference` per entity type this subgraph can resolve. */
  referenceResolvers?: Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL as composition sees it (with `@link` and `@key`). */
  sdl: string;
}

/**
 * type-graphql builds the types; its own printer drops `@key`, so the SDL is
 * printed with directives and handed to `buildSubgraphSchema` with the
 * resolvers type-graphql made (type-graphql's examples/apollo-federation-2).
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<FederatedSchema> {
  const built = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    scalarsMap: [
      { type: Date, scalar: DateTimeScalar },
    ],
    validate: false,
    emitSchemaFile: false,
    authChecker: hubAuthChecker,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(built)}`;
  const resolvers = createResolversMap(built) as Record<string, Record<string, unknown>>;
  for (const [type, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[type] = { ...resolvers[type], ...reference };
  }
  const schema = buildSubgraphSchema({
    typeDefs: parse(sdl),
    // type-graphql#1768: its resolver map type and Apollo's differ only in typing
    resolvers: resolvers as never,
  });
  return { schema, sdl };
}

export { DateScalar, MoneyScalar, DateTimeScalar };
