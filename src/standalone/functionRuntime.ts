/**
 * The `CustomFunctions` global as the standalone page provides it: the headless engine's
 * stand-in for `Error` and `ErrorCode`, plus `associate`, which the webpack build appends to
 * each function family (custom-functions-metadata-plugin) exactly as for Excel. This module must
 * be imported before the function families, so their `associate` calls find it.
 */
import { customFunctionsRuntime } from "../headless/customFunctionsRuntime";
import type { CustomFunctionImplementation } from "../headless/catalog";

/** Implementations recorded by `CustomFunctions.associate`, keyed by metadata id. */
const associated: Record<string, CustomFunctionImplementation> = {};

/** Records one implementation; Excel matches ids case-insensitively, so they are upper-cased. */
function associate(id: string, implementation: CustomFunctionImplementation): void {
  associated[id.toUpperCase()] = implementation;
}

Object.assign(customFunctionsRuntime(), { associate });

/** Returns the implementations associated so far, keyed by upper-case metadata id. */
export function associatedImplementations(): Readonly<
  Record<string, CustomFunctionImplementation>
> {
  return associated;
}
