/** Command-line entry of `spm`: parses the arguments and runs the command's handler. */
import { parseArgs } from "util";
import { BlankCells } from "../headless/marshalling";
import { calcCommand, evalCommand } from "./commands";
import { UsageError } from "./errors";

/** Help text of `spm --help`. */
export const HELP = `Usage:
  spm eval [--data FILE] [--json] [--blanks zero|null] "=FORMULA"
  spm calc [--blanks zero|null] IN.xlsx OUT.xlsx

Commands:
  eval   Evaluates one formula and prints its value, or its spilled result as a table.
         An error result is printed on stderr as "#CODE message", with exit code 1.
  calc   Recalculates every formula of IN.xlsx, SPM functions included, and writes the
         formulas with their new results to OUT.xlsx. Formulas the engine cannot evaluate
         keep their stored values and are listed as warnings on stderr.

Options:
  --data FILE      Data loaded into the first sheet (Sheet1) before evaluating: a .csv
                   (header row kept as text; numbers, TRUE/FALSE and YYYY-MM-DD dates
                   parsed) or the first sheet of an .xlsx file. Dates become serial numbers.
  --json           Prints the result as JSON with full precision instead of a table
                   (tables show 10 significant digits).
  --blanks MODE    Value custom functions receive for a blank cell: "zero" (0, as desktop
                   Excel passes it; the default) or "null" (as Excel on the web does).
  -h, --help       Prints this help.
`;

/** Runs `spm` with the given arguments (without "node" and the script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await runCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nRun spm --help for the usage.\n`);
      return 2;
    }
    process.stderr.write(`spm failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArguments(argv);
  if (values.help || positionals.length === 0) {
    process.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  const [command, ...operands] = positionals;
  const engine = { blanks: parseBlanks(values.blanks) };

  if (command === "eval") {
    const [formula] = expectOperands(command, operands, ["FORMULA"]);
    return evalCommand({ formula, dataFile: values.data, json: values.json === true, engine });
  }
  if (command === "calc") {
    rejectOption(command, "--data", values.data);
    rejectOption(command, "--json", values.json);
    const [input, output] = expectOperands(command, operands, ["IN.xlsx", "OUT.xlsx"]);
    return calcCommand({ input, output, engine });
  }
  throw new UsageError(`The command is unknown: ${command}. The commands are eval and calc.`);
}

function parseArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: "string" },
        json: { type: "boolean" },
        blanks: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parseBlanks(value: string | undefined): BlankCells {
  if (value === undefined || value === "zero" || value === "null") {
    return value ?? "zero";
  }
  throw new UsageError(`The --blanks option must be zero or null, not ${value}.`);
}

function expectOperands(command: string, operands: string[], names: string[]): string[] {
  if (operands.length !== names.length) {
    throw new UsageError(
      `spm ${command} takes ${names.join(" and ")}, but ${operands.length} operands were given.`,
    );
  }
  return operands;
}

function rejectOption(command: string, option: string, value: unknown): void {
  if (value !== undefined) {
    throw new UsageError(`spm ${command} does not take the ${option} option.`);
  }
}
