import fc from "fast-check";
import { performance } from "perf_hooks";
import * as fs from "fs";
import { installCustomFunctionsRuntime } from "../../src/headless/customFunctionsRuntime";
import { testCatalog } from "../support/engine";
import { argumentsArbitrary } from "./support/excelArguments";
import { catalogFunctions } from "./support/propertyRunner";
installCustomFunctionsRuntime();
test("diag", async () => {
  const fns = catalogFunctions(await testCatalog());
  for (const fn of fns) {
    const samples = fc.sample(argumentsArbitrary(fn.metadata.parameters), {
      numRuns: 100,
      seed: 1,
    });
    let worst = 0;
    let worstArgs: unknown[] = [];
    for (const args of samples) {
      fs.writeFileSync("/tmp/props/current.json", JSON.stringify({ id: fn.metadata.id, args }));
      const t = performance.now();
      try {
        fn.implementation(...args);
      } catch {
        /* */
      }
      const ms = performance.now() - t;
      if (ms > worst) {
        worst = ms;
        worstArgs = args;
      }
    }
    fs.appendFileSync(
      "/tmp/props/slow.txt",
      `${fn.metadata.id} worst ${worst.toFixed(0)} ms ${JSON.stringify(worstArgs.map((a) => (Array.isArray(a) ? `range ${a.length}x${(a[0] as unknown[] | undefined)?.length}` : a)))}\n`,
    );
  }
}, 600000);
