/**
 * SHA-256 in plain TypeScript for the readers where `node:crypto` is not there (a browser, a Web
 * Worker): the hasher lives in the core (core/model/sha256.ts), beside the digest the JSON
 * contracts carry; the readers take it from here.
 */
export { sha256, type Sha256Hasher } from "../core/model/sha256.js";
