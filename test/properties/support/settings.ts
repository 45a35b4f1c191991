/**
 * Run settings of the property tests. The normal suite runs a fixed seed with few runs so CI
 * stays fast and repeatable. `npm run test:fuzz` sets `SPM_FUZZ_RUNS` to run many more cases
 * from a random seed, or from `SPM_FUZZ_SEED` to replay a failure.
 */

/** Generated calls per function and property in the normal suite. */
const DEFAULT_RUNS = 20;

/** Seed of the normal suite, so every CI run checks the same calls. */
const DEFAULT_SEED = 20_251_204;

/** Number of runs, seed, and whether the run is a fuzz run with settings from the environment. */
export interface PropertySettings {
  runs: number;
  seed: number;
  fuzz: boolean;
}

/** Reads a whole-number environment variable, rejecting anything else with its name. */
function readWholeNumber(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new Error(`${name} is "${text}"; set it to a whole number.`);
  }
  return value;
}

/** Returns a seed for a fuzz run that sets none, different on every run. */
function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}

/**
 * Reads the settings: `SPM_FUZZ_RUNS` (runs per function and property) turns on a fuzz run, and
 * `SPM_FUZZ_SEED` fixes its seed. Without them the fixed seed and default runs apply.
 */
export function propertySettings(env: NodeJS.ProcessEnv = process.env): PropertySettings {
  const runsText = env.SPM_FUZZ_RUNS;
  const seedText = env.SPM_FUZZ_SEED;
  if (runsText === undefined || runsText === "") {
    const seed = seedText ? readWholeNumber("SPM_FUZZ_SEED", seedText) : DEFAULT_SEED;
    return { runs: DEFAULT_RUNS, seed, fuzz: false };
  }

  const runs = readWholeNumber("SPM_FUZZ_RUNS", runsText);
  if (runs < 1) {
    throw new Error(`SPM_FUZZ_RUNS is ${runs}; set it to 1 or more.`);
  }
  const seed = seedText ? readWholeNumber("SPM_FUZZ_SEED", seedText) : randomSeed();
  return { runs, seed, fuzz: true };
}
