import {
  getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isUnionType, print, astFromValue,
  type GraphQLArgument, type GraphQLField, type GraphQLInputField, type GraphQLNamedType, type GraphQLSchema,
} from "graphql";
import { violation, type Violation } from "./codes.js";
import { namespaceOf } from "./plugin.js";

/**
 * The backstop behind the SDL rules (issue #11): the public API schema after
 * admitting a plugin must be the one before, plus types and fields under
 * the plugin's namespace, and nothing else. Every type, field, argument,
 * enum value, input field, union member, interface, directive and
 * description of the API before must be there after, unchanged. This holds
 * whatever trick the SDL plays (input objects and enums compose by
 * intersection, descriptions and @inaccessible by union), because it looks
 * at the result, not at the plugin.
 */
export function apiChanges(before: GraphQLSchema, after: GraphQLSchema, slug: string): Violation[] {
  const ns = namespaceOf(slug);
  const changes: string[] = [];
  const change = (what: string) => changes.push(what);

  const argText = (a: GraphQLArgument | GraphQLInputField) => `${a.name}: ${String(a.type)}${a.defaultValue !== undefined ? ` = ${printDefault(a)}` : ""}`;
  const sameInput = (where: string, a: GraphQLArgument | GraphQLInputField, b: GraphQLArgument | GraphQLInputField | undefined) => {
    if (!b) return change(`${where} was removed`);
    if (argText(a) !== argText(b)) change(`${where} changed from "${argText(a)}" to "${argText(b)}"`);
    if ((a.description ?? "") !== (b.description ?? "")) change(`${where}: its description changed`);
    if ((a.deprecationReason ?? "") !== (b.deprecationReason ?? "")) change(`${where}: its deprecation changed`);
  };
  const sameField = (where: string, a: GraphQLField<unknown, unknown>, b: GraphQLField<unknown, unknown> | undefined) => {
    if (!b) return change(`${where} was removed`);
    if (String(a.type) !== String(b.type)) change(`${where} changed type from ${String(a.type)} to ${String(b.type)}`);
    if ((a.description ?? "") !== (b.description ?? "")) change(`${where}: its description changed`);
    if ((a.deprecationReason ?? "") !== (b.deprecationReason ?? "")) change(`${where}: its deprecation changed`);
    for (const arg of a.args) sameInput(`${where}(${arg.name})`, arg, b.args.find((x) => x.name === arg.name));
    for (const arg of b.args) if (!a.args.some((x) => x.name === arg.name)) change(`${where} gained argument ${arg.name}`);
  };

  for (const [name, was] of Object.entries(before.getTypeMap())) {
    if (name.startsWith("__")) continue;
    const now = after.getType(name);
    if (!now) {
      change(`type ${name} was removed`);
      continue;
    }
    if (kindOf(was) !== kindOf(now)) {
      change(`type ${name} changed from ${kindOf(was)} to ${kindOf(now)}`);
      continue;
    }
    if ((was.description ?? "") !== (now.description ?? "")) change(`type ${name}: its description changed`);
    if ((isObjectType(was) && isObjectType(now)) || (isInterfaceType(was) && isInterfaceType(now))) {
      const [a, b] = [was.getInterfaces().map((i) => i.name).sort(), now.getInterfaces().map((i) => i.name).sort()];
      if (a.join() !== b.join()) change(`type ${name} now implements ${b.join(", ") || "nothing"} instead of ${a.join(", ") || "nothing"}`);
      const [fa, fb] = [was.getFields(), now.getFields()];
      for (const field of Object.values(fa)) sameField(`${name}.${field.name}`, field, fb[field.name]);
      for (const field of Object.keys(fb)) if (!fa[field] && !field.startsWith(ns.field)) change(`${name}.${field} was added outside the namespace "${ns.field}"`);
    } else if (isInputObjectType(was) && isInputObjectType(now)) {
      const [fa, fb] = [was.getFields(), now.getFields()];
      for (const field of Object.values(fa)) sameInput(`${name}.${field.name}`, field, fb[field.name]);
      for (const field of Object.keys(fb)) if (!fa[field]) change(`${name}.${field} was added to a core input`);
    } else if (isEnumType(was) && isEnumType(now)) {
      const b = new Map(now.getValues().map((v) => [v.name, v]));
      for (const value of was.getValues()) {
        const other = b.get(value.name);
        if (!other) change(`${name}.${value.name} was removed`);
        else if ((value.description ?? "") !== (other.description ?? "") || (value.deprecationReason ?? "") !== (other.deprecationReason ?? "")) change(`${name}.${value.name}: its description or deprecation changed`);
      }
      for (const value of now.getValues()) if (!was.getValues().some((v) => v.name === value.name)) change(`${name}.${value.name} was added to a core enum`);
    } else if (isUnionType(was) && isUnionType(now)) {
      const [a, b] = [was.getTypes().map((t) => t.name).sort(), now.getTypes().map((t) => t.name).sort()];
      if (a.join() !== b.join()) change(`union ${name} now has ${b.join(" | ")} instead of ${a.join(" | ")}`);
    } else if (isScalarType(was) && isScalarType(now) && (was.specifiedByURL ?? "") !== (now.specifiedByURL ?? "")) {
      change(`scalar ${name}: its specification URL changed`);
    }
  }
  for (const name of Object.keys(after.getTypeMap())) {
    if (name.startsWith("__") || before.getType(name)) continue;
    const root = [after.getQueryType(), after.getMutationType(), after.getSubscriptionType()].some((t) => t?.name === name);
    if (root) {
      for (const field of Object.keys((after.getType(name) as { getFields(): Record<string, unknown> }).getFields())) {
        if (!field.startsWith(ns.field)) change(`${name}.${field} was added outside the namespace "${ns.field}"`);
      }
    } else if (!name.startsWith(ns.type)) change(`type ${name} was added outside the namespace "${ns.type}"`);
  }
  for (const [operation, a, b] of [
    ["query", before.getQueryType(), after.getQueryType()],
    ["mutation", before.getMutationType(), after.getMutationType()],
    ["subscription", before.getSubscriptionType(), after.getSubscriptionType()],
  ] as const) {
    if (a && a.name !== b?.name) change(`the ${operation} type is now ${b?.name ?? "gone"} instead of ${a.name}`);
  }
  const directives = new Map(after.getDirectives().map((d) => [d.name, d]));
  for (const d of before.getDirectives()) {
    const other = directives.get(d.name);
    if (!other) change(`directive @${d.name} was removed`);
    else if (d.locations.join() !== other.locations.join() || d.args.map(argText).join() !== other.args.map(argText).join()) change(`directive @${d.name} changed`);
  }
  for (const d of after.getDirectives()) if (!before.getDirective(d.name)) change(`directive @${d.name} was added`);

  if (!changes.length) return [];
  const shown = changes.slice(0, 10).join("; ");
  return [violation("PLUGIN_CHANGES_API", `Admitting it would change the public API beyond additions under "${ns.field}"/"${ns.type}": ${shown}${changes.length > 10 ? `; and ${changes.length - 10} more` : ""}`)];
}

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return "object";
  if (isInterfaceType(type)) return "interface";
  if (isUnionType(type)) return "union";
  if (isEnumType(type)) return "enum";
  if (isInputObjectType(type)) return "input";
  return "scalar";
}

function printDefault(input: GraphQLArgument | GraphQLInputField): string {
  const ast = astFromValue(input.defaultValue, input.type);
  return ast ? print(ast) : JSON.stringify(input.defaultValue);
}

/** A change of the public API that can break a client, at a schema coordinate. */
export interface BreakingChange {
  /** `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE` or `Input.field`. */
  coordinate: string;
  change: string;
}

/**
 * What in the public API after is not compatible with before (issue #17):
 * removed types, fields, arguments, enum values, input fields and union
 * members; a field's type changed other than to its non-null form; an
 * argument or input field's type changed other than to its nullable form;
 * a required argument or input field added. Additions are not breaking.
 */
export function breakingChanges(before: GraphQLSchema, after: GraphQLSchema): BreakingChange[] {
  const changes: BreakingChange[] = [];
  const add = (coordinate: string, change: string) => changes.push({ coordinate, change });
  const required = (a: GraphQLArgument | GraphQLInputField) => String(a.type).endsWith("!") && a.defaultValue === undefined;
  for (const [name, was] of Object.entries(before.getTypeMap())) {
    if (name.startsWith("__")) continue;
    const now = after.getType(name);
    if (!now) {
      add(name, `type ${name} was removed`);
      continue;
    }
    if (kindOf(was) !== kindOf(now)) {
      add(name, `type ${name} changed from ${kindOf(was)} to ${kindOf(now)}`);
      continue;
    }
    if ((isObjectType(was) && isObjectType(now)) || (isInterfaceType(was) && isInterfaceType(now))) {
      const fields = now.getFields();
      for (const field of Object.values(was.getFields())) {
        const where = `${name}.${field.name}`;
        const other = fields[field.name];
        if (!other) {
          add(where, `${where} was removed`);
          continue;
        }
        const [a, b] = [String(field.type), String(other.type)];
        if (a !== b && b !== `${a}!`) add(where, `${where} changed type from ${a} to ${b}`);
        for (const arg of field.args) {
          const next = other.args.find((x) => x.name === arg.name);
          const [x, y] = [String(arg.type), next ? String(next.type) : ""];
          if (!next) add(`${where}(${arg.name}:)`, `${where}(${arg.name}:) was removed`);
          else if (x !== y && `${y}!` !== x) add(`${where}(${arg.name}:)`, `${where}(${arg.name}:) changed type from ${x} to ${y}`);
        }
        for (const arg of other.args) if (!field.args.some((x) => x.name === arg.name) && required(arg)) add(where, `${where} gained a required argument ${arg.name}`);
      }
    } else if (isInputObjectType(was) && isInputObjectType(now)) {
      const fields = now.getFields();
      for (const field of Object.values(was.getFields())) {
        const other = fields[field.name];
        const [x, y] = [String(field.type), other ? String(other.type) : ""];
        if (!other) add(`${name}.${field.name}`, `${name}.${field.name} was removed`);
        else if (x !== y && `${y}!` !== x) add(`${name}.${field.name}`, `${name}.${field.name} changed type from ${x} to ${y}`);
      }
      for (const field of Object.values(fields)) if (!was.getFields()[field.name] && required(field)) add(name, `${name} gained a required field ${field.name}`);
    } else if (isEnumType(was) && isEnumType(now)) {
      for (const value of was.getValues()) if (!now.getValue(value.name)) add(`${name}.${value.name}`, `${name}.${value.name} was removed`);
    } else if (isUnionType(was) && isUnionType(now)) {
      for (const member of was.getTypes()) if (!now.getTypes().some((t) => t.name === member.name)) add(name, `${member.name} was removed from union ${name}`);
    }
  }
  return changes;
}

/**
 * Whether a client's use of `used` (a coordinate) breaks with a change: the
 * same coordinate or one under it, or a field or argument whose type (in
 * the schema before) is the removed or changed type, or the enum that lost
 * a value.
 */
export function breaks(change: BreakingChange, used: string, before: GraphQLSchema): boolean {
  if (used === change.coordinate || used.startsWith(`${change.coordinate}.`) || used.startsWith(`${change.coordinate}(`)) return true;
  const typeName = change.coordinate.split(".")[0]!;
  const enumValue = change.coordinate.includes(".") && isEnumType(before.getType(typeName));
  if (change.coordinate.includes(".") && !enumValue) return false;
  const m = /^(\w+)\.(\w+)(?:\((\w+):\))?$/.exec(used);
  const type = m ? before.getType(m[1]!) : undefined;
  if (!m || !type || !(isObjectType(type) || isInterfaceType(type))) return false;
  const def = type.getFields()[m[2]!];
  const typed = m[3] ? def?.args.find((a) => a.name === m[3]) : def;
  return typed !== undefined && getNamedType(typed.type).name === typeName;
}
