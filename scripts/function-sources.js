/**
 * The custom function families, one TypeScript file each, in the order Excel lists them. The
 * metadata generator (custom-functions-metadata), the webpack build and the headless engine all
 * read this list, so a new family is added here once.
 */
module.exports = [
  "src/functions/forecast.ts",
  "src/functions/cost.ts",
  "src/functions/commission.ts",
  "src/functions/kpi.ts",
  "src/functions/theta.ts",
  "src/functions/auto.ts",
  "src/functions/ets.ts",
];
