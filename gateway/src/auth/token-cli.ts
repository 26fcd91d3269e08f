/**
 * `pnpm dev-token <role> [partner]`: a development token for the gateway.
 *
 *   pnpm dev-token partner pup-bedzin        acts for PUP Będzin (a demo key, or a partner id)
 *   pnpm dev-token analyst
 *   pnpm dev-token coordinator
 *   pnpm dev-token partner pup-bedzin --user anna --ttl 3600
 *
 * Signed with AUTH_JWT_SECRET (or the development secret the gateway uses when none is set).
 */
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { DEV_SECRET, signDevToken } from "./jwt.js";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const user = flag("user");
const ttl = Number(flag("ttl") ?? 8 * 3600);
const [role, partner] = args;
if (!role || !["partner", "analyst", "coordinator"].includes(role) || (role === "partner" && !partner)) {
  console.error("usage: pnpm dev-token <partner|analyst|coordinator> [partner key or id] [--user NAME] [--ttl SECONDS]");
  console.error(`partner keys: ${DEMO_PARTNERS.slice(0, 6).map((p) => p.key).join(", ")}, …`);
  process.exit(2);
}
let partnerId: string | undefined;
if (role === "partner") {
  const found = DEMO_PARTNERS.find((p) => p.key === partner || p.id === partner);
  partnerId = found?.id ?? partner;
  if (!found) console.error(`note: ${partner} is not a demo partner key; using it as the partner id`);
  else console.error(`partner: ${found.name} (${found.id})`);
}
const now = Math.floor(Date.now() / 1000);
const token = signDevToken({ sub: user ?? `${role}-${partner ?? "user"}`, role, partnerId, iat: now, exp: now + ttl }, process.env.AUTH_JWT_SECRET || DEV_SECRET);
console.log(token);
