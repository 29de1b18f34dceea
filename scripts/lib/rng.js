// mulberry32, the seeded PRNG of the example year (src/read/example-year.ts), for the scripts.
export { rng } from "../../dist/read/example-year.js";
