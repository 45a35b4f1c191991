/**
 * Generates the function reference of README.md from the custom function families listed in
 * scripts/function-sources.js: the metadata that custom-functions-metadata generates for Excel
 * (names, descriptions, arguments, result shape) plus the `@returns`, `@errors` and `@example`
 * JSDoc tags of each function.
 *
 *   node scripts/function-reference.js           rewrite the reference in README.md
 *   node scripts/function-reference.js --check   exit with status 1 when it is out of date
 *   --readme FILE                                use another file than README.md
 */
const fs = require("fs");
const path = require("path");
const prettier = require("prettier");
const ts = require("typescript");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const functionSources = require("./function-sources");

const REPOSITORY_ROOT = path.join(__dirname, "..");
const START_MARKER = "<!-- function-reference:start -->";
const END_MARKER = "<!-- function-reference:end -->";
const FUNCTION_NAMESPACE = "SPM";

/** JSDoc tags that every custom function must have for the reference. */
const REQUIRED_TAGS = ["returns", "errors", "example"];

/**
 * Reads the JSDoc tags of the top-level function `functionName` in a TypeScript file.
 * @param {string} file path of the TypeScript file
 * @param {string} functionName name of the exported function
 * @returns {Record<string, string>} tag name to text (the first tag of each name)
 */
function readJsDocTags(file, functionName) {
  const text = fs.readFileSync(file, "utf8");
  // Parent pointers (the last argument) are what ts.getJSDocTags walks to find the comment.
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find(
    (statement) => ts.isFunctionDeclaration(statement) && statement.name?.text === functionName,
  );
  if (!declaration) {
    throw new Error(`${file} has no top-level function named ${functionName}.`);
  }

  const tags = {};
  for (const tag of ts.getJSDocTags(declaration)) {
    const name = tag.tagName.text;
    if (!(name in tags)) {
      tags[name] = (ts.getTextOfJSDocComment(tag.comment) ?? "").trim();
    }
  }
  return tags;
}

/**
 * Generates the metadata of every family file and joins each function with its JSDoc tags.
 * @param {string[]} files TypeScript files of the function families
 * @returns {Promise<{ metadata: object, tags: Record<string, string> }[]>} functions in
 *   metadata order
 * @throws {Error} when the generator reports errors or a function misses a required tag
 */
async function loadFunctionDocs(files) {
  const result = await generateCustomFunctionsMetadata(files, false);
  if (result.errors.length > 0) {
    throw new Error(`custom-functions-metadata failed:\n${result.errors.join("\n")}`);
  }

  const metadata = JSON.parse(result.metadataJson);
  return metadata.functions.map((fn) => {
    const association = result.associate.find((item) => item.id === fn.id);
    const tags = readJsDocTags(association.sourceFileName, association.functionName);
    const missing = REQUIRED_TAGS.filter((tag) => !tags[tag]);
    if (missing.length > 0) {
      const file = path.relative(REPOSITORY_ROOT, association.sourceFileName);
      throw new Error(
        `${fn.id} in ${file} has no ${missing.map((tag) => `@${tag}`).join(", ")} tag. ` +
          "Add it to the function's JSDoc so the README reference can show it.",
      );
    }
    return { metadata: fn, tags };
  });
}

/**
 * Escapes text for a cell of a Markdown table.
 * @param {string} text
 * @returns {string}
 */
function tableCell(text) {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/**
 * Describes the kind of value an argument takes, from its metadata.
 * @param {{ type?: string, dimensionality?: string }} parameter
 * @returns {string}
 */
function argumentKind(parameter) {
  return parameter.dimensionality === "matrix" ? "range" : (parameter.type ?? "any");
}

/**
 * Formats a function's signature as Excel shows it, optional arguments in brackets.
 * @param {object} fn metadata of the function
 * @returns {string}
 */
function signature(fn) {
  const names = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `=${FUNCTION_NAMESPACE}.${fn.name}(${names.join(", ")})`;
}

/**
 * Renders the reference section of one function.
 * @param {{ metadata: object, tags: Record<string, string> }} doc
 * @returns {string} Markdown
 */
function renderFunction({ metadata: fn, tags }) {
  const shape = fn.result?.dimensionality === "matrix" ? "Spilled range" : "Single value";
  const argumentRows = fn.parameters.map((p) => {
    const required = p.optional ? "No" : "Yes";
    return `| \`${p.name}\` | ${argumentKind(p)} | ${required} | ${tableCell(p.description ?? "")} |`;
  });

  return [
    `### ${FUNCTION_NAMESPACE}.${fn.name}`,
    "",
    fn.description ?? "",
    "",
    "```",
    signature(fn),
    "```",
    "",
    "| Argument | Kind | Required | Description |",
    "| --- | --- | --- | --- |",
    ...argumentRows,
    "",
    `**Result:** ${shape}. ${tags.returns}`,
    "",
    `**Errors:** ${tags.errors}`,
    "",
    `**Example:** \`${tags.example}\``,
  ].join("\n");
}

/**
 * Renders the whole function reference: a summary table, then one section per function.
 * @param {{ metadata: object, tags: Record<string, string> }[]} docs
 * @returns {string} Markdown
 */
function renderFunctionReference(docs) {
  const summaryRows = docs.map(({ metadata: fn }) => {
    const anchor = `${FUNCTION_NAMESPACE}${fn.name}`.toLowerCase().replaceAll(".", "");
    const name = `${FUNCTION_NAMESPACE}.${fn.name}`;
    return `| [\`${name}\`](#${anchor}) | ${tableCell(fn.description ?? "")} |`;
  });

  return [
    "Generated from the functions' JSDoc by `npm run docs`, so edit the JSDoc rather than this section.",
    "",
    "| Function | Description |",
    "| --- | --- |",
    ...summaryRows,
    "",
    ...docs.map(renderFunction).flatMap((section) => [section, ""]),
  ].join("\n");
}

/**
 * Replaces the text between the reference markers of the README.
 * @param {string} readme text of the README
 * @param {string} reference Markdown of the reference
 * @returns {string} the new README text
 * @throws {Error} when the markers are missing or out of order
 */
function replaceReference(readme, reference) {
  const { start, end } = findMarkers(readme);
  const before = readme.slice(0, start + START_MARKER.length);
  return `${before}\n\n${reference}\n${readme.slice(end)}`;
}

/**
 * Finds the reference markers of the README.
 * @param {string} readme text of the README
 * @returns {{ start: number, end: number }} offsets of the start and end markers
 * @throws {Error} when the markers are missing or out of order
 */
function findMarkers(readme) {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(
      `The README has no "${START_MARKER}" line followed by a "${END_MARKER}" line. ` +
        "Add both where the function reference belongs.",
    );
  }
  return { start, end };
}

/**
 * Builds the README text with an up-to-date reference, formatted with the repository's Prettier
 * settings so that running Prettier on the README does not make the reference look stale.
 * @param {string} readmePath
 * @returns {Promise<string>}
 */
async function renderReadme(readmePath) {
  const current = fs.readFileSync(readmePath, "utf8");
  // Checking the markers first reports a broken README before the slower metadata generation.
  findMarkers(current);

  const files = functionSources.map((file) => path.resolve(REPOSITORY_ROOT, file));
  const reference = renderFunctionReference(await loadFunctionDocs(files));
  const readme = replaceReference(current, reference);
  // The repository's settings apply even to a README elsewhere (the tests use a copy).
  const options = (await prettier.resolveConfig(path.join(REPOSITORY_ROOT, "README.md"))) ?? {};
  return prettier.format(readme, { ...options, parser: "markdown" });
}

/**
 * Parses the command line: `--check` and `--readme FILE`.
 * @param {string[]} args
 * @returns {{ check: boolean, readmePath: string }}
 */
function parseArguments(args) {
  const readmeIndex = args.indexOf("--readme");
  if (readmeIndex !== -1 && !args[readmeIndex + 1]) {
    throw new Error("--readme needs a file path, e.g. --readme README.md.");
  }
  const readmePath =
    readmeIndex === -1 ? path.join(REPOSITORY_ROOT, "README.md") : args[readmeIndex + 1];
  return { check: args.includes("--check"), readmePath: path.resolve(readmePath) };
}

/** Rewrites the README's function reference, or with `--check` only compares it. */
async function main() {
  const { check, readmePath } = parseArguments(process.argv.slice(2));
  const current = fs.readFileSync(readmePath, "utf8");
  const updated = await renderReadme(readmePath);

  if (check) {
    if (current !== updated) {
      console.error(
        `The function reference in ${path.relative(process.cwd(), readmePath)} is out of date. ` +
          "Run `npm run docs` and commit the result.",
      );
      process.exitCode = 1;
    }
    return;
  }
  if (current !== updated) {
    fs.writeFileSync(readmePath, updated);
    console.log(`Updated the function reference in ${path.relative(process.cwd(), readmePath)}.`);
  } else {
    console.log("The function reference is up to date.");
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

module.exports = { renderFunctionReference, replaceReference, loadFunctionDocs };
