import "reflect-metadata";
import { ArgsType, Directive, Field, Int, ObjectType, registerEnumType, type ClassType } from "type-graphql";
import type { EntityManager, FilterQuery, QueryOrderMap } from "@mikro-orm/postgresql";
import { HubError } from "./errors.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "Order of a sorted list.",
  valuesConfig: { ASC: { description: "Smallest or earliest first." }, DESC: { description: "Largest or latest first." } },
});

@Directive("@shareable")
@ObjectType({ description: "Where a page sits in its list (Relay cursor connections)." })
export class PageInfo {
  @Field({ description: "True when a page follows this one." })
  hasNextPage!: boolean;

  @Field({ description: "True when a page precedes this one." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first record on this page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last record on this page; pass it as `after` for the next page." })
  endCursor!: string | null;
}

export interface Connection<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /**
   * Counted only when a client asks for it (a getter the field's resolver
   * reads): counting is the one part of a page whose cost grows with the
   * table (issue #6), so a page alone stays flat.
   */
  readonly totalCount: number | Promise<number>;
}

/**
 * A `<Name>Connection` and `<Name>Edge` type for a node type: `nodes` for
 * simple clients, `edges` with cursors for Relay, `pageInfo`, `totalCount`.
 */
export function ConnectionType<T extends object>(
  nodeType: ClassType<T>,
  name: string,
  plural: string,
  /** For a type several subgraphs define alike (the audit trail): mark it @shareable. */
  options: { shareable?: boolean } = {},
): ClassType<Connection<T>> {
  const shareable = options.shareable ? Directive("@shareable") : () => {};

  @shareable
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field({ description: "Opaque cursor of this record; pass it as `after` to continue after it." })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @shareable
  @ObjectType(`${name}Connection`, { description: `A page of ${plural}, in the order asked for.` })
  class ConnectionClass {
    @Field(() => [nodeType], { description: `The ${plural} on this page.` })
    nodes!: T[];

    @Field(() => [Edge], { description: `The ${plural} on this page, each with its cursor.` })
    edges!: Edge[];

    @Field(() => PageInfo, { description: "Cursors and whether more pages exist." })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${plural} match the filter, over all pages.` })
    totalCount!: number;
  }
  return ConnectionClass as ClassType<Connection<T>>;
}

/** Validated page arguments. */
export function checkPage(first: number | undefined | null, after: string | undefined | null): { first: number; after?: string } {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw HubError.badInput("first", `page size must be between 1 and ${MAX_PAGE_SIZE}, got ${size}`, { min: 1, max: MAX_PAGE_SIZE });
  }
  if (after != null && (after.length > 512 || !/^[A-Za-z0-9_-]+$/.test(after))) {
    throw HubError.badInput("after", "not a cursor returned by this list");
  }
  return { first: size, after: after ?? undefined };
}

/** A cursor is base64url JSON of the sort key values: anything else is refused before SQL. */
function checkCursor(after: string, keys: number): void {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(after, "base64url").toString("utf8"));
  } catch {
    values = undefined;
  }
  if (!Array.isArray(values) || values.length !== keys || values.some((v) => v !== null && typeof v === "object")) {
    throw HubError.badInput("after", "not a cursor returned by this list with this sort order");
  }
}

/**
 * Keyset pagination (MikroORM `findByCursor`): the cost of a page does not
 * grow with its offset. `orderBy` must end with a unique key, which this
 * helper appends (`id`) so the order is total.
 */
export async function paginate<E extends object>(
  em: EntityManager,
  entity: ClassType<E>,
  where: FilterQuery<E>,
  orderBy: QueryOrderMap<E>,
  page: { first?: number | null; after?: string | null },
): Promise<Connection<E>> {
  const { first, after } = checkPage(page.first, page.after);
  const order = { ...orderBy, id: (orderBy as Record<string, string>).id ?? "asc" } as QueryOrderMap<E>;
  if (after !== undefined) checkCursor(after, Object.keys(order).length);
  const cursor = await em.findByCursor(entity, where, { first, after, orderBy: order, includeCount: false });
  const nodes = cursor.items;
  const edges = nodes.map((node) => ({ cursor: cursor.from(node), node }));
  let count: Promise<number> | undefined;
  return {
    nodes,
    edges,
    get totalCount() {
      return (count ??= em.count(entity, where));
    },
    pageInfo: {
      hasNextPage: cursor.hasNextPage ?? false,
      hasPreviousPage: cursor.hasPrevPage ?? false,
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
  };
}

/** `first`/`after` arguments of every paginated list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first?: number;

  @Field(() => String, { nullable: true, description: "Return records after this cursor (`pageInfo.endCursor` of the previous page)." })
  after?: string;
}
