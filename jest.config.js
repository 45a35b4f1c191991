/**
 * Jest runs the TypeScript tests in test/ through ts-jest. ts-jest only transpiles (the
 * isolatedModules setting in tsconfig.jest.json), because type checking every test file on
 * its own took most of the suite's time. Instead, `npm test` type-checks the whole project once
 * with `tsc --noEmit` before Jest starts.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
    // office-addin-mock loads office-addin-manifest, whose dependencies strip-bom and uuid ship
    // only as ECMAScript modules; they are transpiled to CommonJS, which Jest 29 loads.
    "^.+\\.js$": [
      "ts-jest",
      { tsconfig: { allowJs: true, isolatedModules: true, module: "commonjs", target: "es2020" } },
    ],
  },
  transformIgnorePatterns: ["^(?!.*/node_modules/(strip-bom|uuid)/).*/node_modules/"],
  testTimeout: 30000,
};
