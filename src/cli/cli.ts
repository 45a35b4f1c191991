/** Command-line entry of `spm`: parses the arguments and runs the command's handler. */
import { parseArgs } from "util";
import { forecastMethodNames } from "../core/forecast/methods";
import { MAX_HORIZON } from "../functions/arguments";
import { BlankCells } from "../headless/marshalling";
import {
  calcCommand,
  evalCommand,
  forecastCommand,
  MIN_SERIES_FOR_WORKERS,
  SKIPPED_ROWS_EXIT_CODE,
} from "./commands";
import { UsageError } from "./errors";
import { FORECAST_ONLY_OPTIONS, forecastOptionsFrom } from "./forecastArguments";

/** Exit code of a usage error (an unknown option, a missing file). */
const USAGE_EXIT_CODE = 2;

/** Column where the descriptions of the options start in the help, and the help's width. */
const HELP_INDENT = 19;
const HELP_WIDTH = 92;

/** Lists `items` separated by commas, wrapped into lines indented by `indent` spaces. */
function wrapList(items: readonly string[], indent: number, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const [i, item] of items.entries()) {
    const piece = i < items.length - 1 ? `${item},` : item;
    if (line !== "" && indent + line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else {
      line = line === "" ? piece : `${line} ${piece}`;
    }
  }
  lines.push(line);
  return lines.map((text) => " ".repeat(indent) + text).join("\n");
}

/** Help text of `spm --help`. */
export const HELP = `Usage:
  spm eval [--data FILE] [--json] [--blanks zero|null] "=FORMULA"
  spm calc [--blanks zero|null] IN.xlsx OUT.xlsx
  spm forecast --method NAME --horizon H [--season-length M] [--level PERCENT]
               [--out OUT.csv] [--id-column NAME] [--skip-columns N|NAMES] [--jobs N] IN.csv

Commands:
  eval   Evaluates one formula and prints its value, or its spilled result as a table.
         An error result is printed on stderr as "#CODE message", with exit code 1.
  calc   Recalculates every formula of IN.xlsx, SPM functions included, and writes the
         formulas with their new results to OUT.xlsx. Formulas the engine cannot evaluate
         keep their stored values and are listed as warnings on stderr.
  forecast
         Forecasts every series of IN.csv with one method and writes CSV with the id, the
         method and the columns h1 ... hH (and lowerL_h1 ... upperL_hH with --level L).
         IN.csv has a header row, then one series per row: the id, then the values in time
         order; blank trailing cells end a shorter series. Invalid rows, and rows the method
         cannot forecast, are reported on stderr with their id and line and skipped.
         CSV fields may be separated by commas, tabs or semicolons (the first line decides);
         with semicolons, numbers may use a decimal comma. IN.csv may be - for standard
         input, and --out - writes to standard output.

Options:
  --data FILE      Data loaded into the first sheet (Sheet1) before evaluating: a .csv
                   (header row kept as text; numbers, TRUE/FALSE and YYYY-MM-DD dates
                   parsed) or the first sheet of an .xlsx file. Dates become serial numbers.
  --json           Prints the result as JSON with full precision instead of a table
                   (tables show 10 significant digits).
  --blanks MODE    Value custom functions receive for a blank cell: "zero" (0, as desktop
                   Excel passes it; the default) or "null" (as Excel on the web does).
  --method NAME    Forecast method of spm forecast, one of:
${wrapList(forecastMethodNames(), HELP_INDENT, HELP_WIDTH)}.
  --horizon H      Number of periods to forecast, from 1 to ${MAX_HORIZON}.
  --season-length M
                   Periods per season (12 for monthly data). Seasonal methods detect it in
                   each series when omitted.
  --level PERCENT  Coverage of the prediction intervals in percent, such as 80, 95 or 95%
                   (0.95 reads as 95). auto, ets and theta give intervals; the other methods leave
                   those columns blank.
  --out OUT.csv    File to write the forecasts to; stdout when omitted.
  --id-column NAME Header name of the id column; the first column when omitted.
  --skip-columns N|NAMES
                   Columns that are neither id nor values: the first N columns besides the id
                   column, or a comma-separated list of header names. Every other column is a
                   value column.
  --jobs N         Worker threads spm forecast spreads the series over, so a large file
                   uses several processors. One per processor (at most 8) by default; 1
                   forecasts in one thread. Files of fewer than ${MIN_SERIES_FOR_WORKERS} series use one thread.
  -h, --help       Prints this help.

Exit codes:
  0  Success.
  1  A failure, an error result of spm eval, or spm forecast skipping every row (then
     nothing is written).
  ${USAGE_EXIT_CODE}  A usage error: an unknown option or method, a missing file or operand.
  ${SKIPPED_ROWS_EXIT_CODE}  spm forecast skipped some rows and wrote the forecasts of the others.
`;

/** Runs `spm` with the given arguments (without "node" and the script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await runCommand(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nRun spm --help for the usage.\n`);
      return USAGE_EXIT_CODE;
    }
    process.stderr.write(`spm failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArguments(argv);
  if (values.help || positionals.length === 0) {
    process.stdout.write(HELP);
    return values.help ? 0 : USAGE_EXIT_CODE;
  }
  const [command, ...operands] = positionals;
  const engine = { blanks: parseBlanks(values.blanks) };

  if (command === "eval" || command === "calc") {
    FORECAST_ONLY_OPTIONS.forEach((option) => rejectOption(command, `--${option}`, values[option]));
  }
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
  if (command === "forecast") {
    rejectOption(command, "--data", values.data);
    rejectOption(command, "--json", values.json);
    rejectOption(command, "--blanks", values.blanks);
    const [input] = expectOperands(command, operands, ["IN.csv"]);
    return forecastCommand(forecastOptionsFrom(input, values));
  }
  throw new UsageError(
    `The command is unknown: ${command}. The commands are eval, calc and forecast.`,
  );
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
        method: { type: "string" },
        horizon: { type: "string" },
        "season-length": { type: "string" },
        level: { type: "string" },
        out: { type: "string" },
        "id-column": { type: "string" },
        "skip-columns": { type: "string" },
        jobs: { type: "string" },
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
