/**
 * ESLint flat config: typescript-eslint's recommended rules and the Office Add-ins plugin's
 * React config, which adds ESLint's recommended rules, the Office.js rules (sync before read,
 * load before read, no sync in loops) and Prettier formatting as a lint error.
 */
const globals = require("globals");
const officeAddins = require("eslint-plugin-office-addins");
const react = require("eslint-plugin-react");
const tseslint = require("typescript-eslint");

/**
 * Adapts one of the Office Add-ins plugin's configs (eslint-plugin-office-addins 4.0.10) to this
 * project. Its file list misses `.tsx`, so the task pane components would escape the Office.js
 * rules. It also registers its own copy of the typescript-eslint plugin, which ESLint rejects
 * next to typescript-eslint's, so the rules resolve through typescript-eslint's copy instead.
 */
function adaptOfficeAddinsConfig(config) {
  const adapted = { ...config };
  if (adapted.files) {
    adapted.files = [...adapted.files, "**/*.tsx"];
  }
  if (adapted.plugins) {
    adapted.plugins = { ...adapted.plugins };
    delete adapted.plugins["@typescript-eslint"];
  }
  return adapted;
}

module.exports = tseslint.config(
  { ignores: ["dist/", "dist-node/", "coverage/", "out/", "node_modules/"] },
  ...officeAddins.configs.react.map(adaptOfficeAddinsConfig),
  ...tseslint.configs.recommended,
  react.configs.flat["jsx-runtime"],
  {
    languageOptions: { ecmaVersion: "latest" },
    rules: {
      // `const { id, ...rest } = record` is the usual way to drop a field from a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
  },
  {
    // The adapters type Excel ranges as `any[][]` because custom-functions-metadata turns a
    // parameter's TypeScript type into Excel's parameter type, and cells of a range can hold
    // any value.
    files: ["src/functions/**/*.ts", "test/**/fixtures/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // The Office.js rules recognise Office objects by name patterns (`.value`, `getCell`), so
    // they misfire on ExcelJS and HyperFormula code, which never runs inside Office.
    files: ["src/cli/**", "src/headless/**", "scripts/**", "bin/**", "bench/**"],
    rules: Object.fromEntries(
      Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "off"]),
    ),
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts", "bin/**/*.ts"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    // Tests load the CommonJS build scripts (webpack.config.js, scripts/*.js) with require(),
    // because those files have no type declarations to import.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
