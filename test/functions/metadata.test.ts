import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { functionSourceFiles } from "../../src/headless/catalog";

// The Excel metadata of the SPM functions is generated from their JSDoc by
// custom-functions-metadata, as the webpack build does. These checks keep the help an Excel user
// reads in formula autocomplete complete.

const ROOT = path.join(__dirname, "..", "..");
const sources = functionSourceFiles(ROOT);

interface ParameterMetadata {
  name: string;
  description?: string;
  optional?: boolean;
}

interface FunctionMetadata {
  id: string;
  description?: string;
  parameters: ParameterMetadata[];
  result: { dimensionality?: string };
}

async function generate() {
  const files = sources.map((file) => path.join(ROOT, file));
  const generated = await generateCustomFunctionsMetadata(files, false);
  const metadata = JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] };
  return { errors: generated.errors, functions: metadata.functions };
}

/** Splits a source file into the JSDoc blocks that carry @customfunction, keyed by id. */
function customFunctionDocs(file: string): Map<string, string> {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const docs = new Map<string, string>();
  for (const block of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const id = /@customfunction\s+(\S+)/.exec(block)?.[1];
    if (id !== undefined) {
      docs.set(id, block);
    }
  }
  return docs;
}

describe("forecast function metadata", () => {
  let generated: Awaited<ReturnType<typeof generate>>;
  beforeAll(async () => {
    generated = await generate();
  });

  const FORECAST_IDS = [
    "FORECAST.LINEAR",
    "FORECAST.MOVINGAVG",
    "FORECAST.SEASONALNAIVE",
    "FORECAST.SES",
    "FORECAST.HOLT",
    "FORECAST.HOLTWINTERS",
    "FORECAST.CROSTON",
    "FORECAST.SEASONALITY",
    "FORECAST.ACCURACY",
  ];

  test("generator reports no errors", () => {
    expect(generated.errors).toEqual([]);
  });

  test("every forecast id present", () => {
    const ids = generated.functions.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(FORECAST_IDS));
  });

  test("descriptions fit one line", () => {
    for (const f of generated.functions) {
      expect(f.description).toBeTruthy();
      expect(f.description).not.toContain("\n");
    }
  });

  test("every parameter described", () => {
    for (const f of generated.functions) {
      for (const parameter of f.parameters) {
        expect(parameter.description).toBeTruthy();
        expect(parameter.name).toMatch(/^[a-z][a-z0-9_]*$/);
        const markedOptional = parameter.description!.startsWith("Optional.");
        expect(`${f.id} ${parameter.name} optional: ${markedOptional}`).toBe(
          `${f.id} ${parameter.name} optional: ${parameter.optional === true}`,
        );
      }
    }
  });

  test("forecasts spill a matrix", () => {
    const functions = generated.functions;
    for (const id of FORECAST_IDS.filter((id) => id !== "FORECAST.SEASONALITY")) {
      expect(functions.find((f) => f.id === id)?.result.dimensionality).toBe("matrix");
    }
  });

  test("smoothing descriptions name initialisation", () => {
    const functions = generated.functions;
    for (const id of ["FORECAST.SES", "FORECAST.HOLT", "FORECAST.HOLTWINTERS"]) {
      expect(functions.find((f) => f.id === id)?.description).toContain('initial = "simple"');
    }
  });

  test("reference tags on every function", () => {
    for (const file of sources) {
      for (const [id, doc] of customFunctionDocs(file)) {
        expect(`${id}: ${/@example =SPM\.\S+\(/.test(doc)}`).toBe(`${id}: true`);
        expect(`${id}: ${/@errors #/.test(doc)}`).toBe(`${id}: true`);
        expect(`${id}: ${/@returns \S/.test(doc)}`).toBe(`${id}: true`);
      }
    }
  });
});
