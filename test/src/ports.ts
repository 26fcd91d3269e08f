// the kit's, for the tests' private servers and the bench
export { freePort } from "@bdp/kit/server";
