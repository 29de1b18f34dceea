// mulberry32, the seeded PRNG of the example year (src/io/example-year.ts), for the scripts.
export { rng } from "../../dist/io/example-year.js";
