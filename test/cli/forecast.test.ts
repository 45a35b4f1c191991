/**
 * `spm forecast`, run in this process through `main` (arguments, exit codes, messages) and
 * through `forecastCommand` with fake streams (the progress bar).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/cli";
import { forecastCommand } from "../../src/cli/commands";
import { forecastOptionsFrom } from "../../src/cli/forecastArguments";
import { forecastSeasonalNaive } from "../../src/core/forecast";
import { FORECAST_METHODS } from "../../src/core/forecast/methods";
import { describeWithData, referenceDataDir } from "../support/referenceData";

/** Exit codes documented in `spm --help`. */
const USAGE_ERROR = 2;
const ROWS_SKIPPED = 3;

/** Columns of the M3 competition files before the values. */
const M3_HEADER = "series,m3_id,category,n,h,start_year,start_period";
const M3_SKIPPED = "m3_id,category,n,h,start_year,start_period";

let workDir: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "spm-forecast-"));
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

function writeFile(name: string, text: string): string {
  const file = path.join(workDir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Runs `spm` in this process and returns its exit code and what it wrote. */
async function runSpm(
  ...args: string[]
): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((text) => {
    stdout += String(text);
    return true;
  });
  const err = jest.spyOn(process.stderr, "write").mockImplementation((text) => {
    stderr += String(text);
    return true;
  });
  try {
    const status = await main(args);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Splits CSV output without quoted fields into rows of cells. */
function csvRows(text: string): string[][] {
  return text
    .trim()
    .split("\n")
    .map((line) => line.split(","));
}

describe("spm forecast output", () => {
  test("naive forecasts to stdout", async () => {
    // Source: the naive method's definition, every step equals the last value.
    const input = writeFile("naive.csv", "id,v1,v2,v3\na,1,2,3\nb,5,4,\n");
    const result = await runSpm("forecast", "--method", "naive", "--horizon", "2", input);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("id,method,h1,h2\na,naive,3,3\nb,naive,4,4\n");
    expect(result.status).toBe(0);
  });

  test("out file gets forecasts", async () => {
    const input = writeFile("out-input.csv", "id,v1,v2\na,1,2.5\n");
    const output = path.join(workDir, "out.csv");
    const result = await runSpm(
      "forecast",
      "--method",
      "naive",
      "--horizon",
      "1",
      "--out",
      output,
      input,
    );
    expect(result.status).toBe(0);
    expect(fs.readFileSync(output, "utf8")).toBe("id,method,h1\na,naive,2.5\n");
    expect(result.stdout).toBe(`Forecast 1 series; wrote ${output}.\n`);
  });

  test("ids with commas are quoted", async () => {
    const input = writeFile("quoted.csv", 'id,v1\n"East, North",4\n');
    const result = await runSpm("forecast", "--method", "naive", "--horizon", "1", input);
    expect(result.stdout).toBe('id,method,h1\n"East, North",naive,4\n');
  });

  test("level without intervals leaves blanks", async () => {
    const input = writeFile("level-naive.csv", "id,v1,v2\na,1,2\n");
    const result = await runSpm(
      "forecast",
      "--method",
      "naive",
      "--horizon",
      "2",
      "--level",
      "80",
      input,
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      "id,method,h1,h2,lower80_h1,lower80_h2,upper80_h1,upper80_h2\na,naive,2,2,,,,\n",
    );
    expect(result.stderr).toContain("the naive method gives no prediction intervals");
  });
});

describe("spm forecast intervals", () => {
  const method = "test-intervals";

  beforeAll(() => {
    // A method with intervals of ± level / 10 around the last value, so each bound is checkable.
    FORECAST_METHODS[method] = (y, h, options) => {
      const last = y[y.length - 1];
      const width = (options.level ?? 0) / 10;
      return {
        mean: Array(h).fill(last),
        lower: Array(h).fill(last - width),
        upper: Array(h).fill(last + width),
      };
    };
  });

  afterAll(() => {
    delete FORECAST_METHODS[method];
  });

  test("level adds bound columns", async () => {
    const input = writeFile("level.csv", "id,v1\na,10\n");
    const result = await runSpm(
      "forecast",
      "--method",
      method,
      "--horizon",
      "2",
      "--level",
      "95",
      input,
    );
    const [header, row] = csvRows(result.stdout);
    expect(header).toEqual([
      "id",
      "method",
      "h1",
      "h2",
      "lower95_h1",
      "lower95_h2",
      "upper95_h1",
      "upper95_h2",
    ]);
    expect(row).toEqual(["a", method, "10", "10", "0.5", "0.5", "19.5", "19.5"]);
    expect(result.stderr).toBe("");
  });

  test("fraction level read as percent", async () => {
    const input = writeFile("level-fraction.csv", "id,v1\na,10\n");
    const result = await runSpm(
      "forecast",
      "--method",
      method,
      "--horizon",
      "1",
      "--level",
      "0.95",
      input,
    );
    const [header, row] = csvRows(result.stdout);
    expect(header).toEqual(["id", "method", "h1", "lower95_h1", "upper95_h1"]);
    expect(row).toEqual(["a", method, "10", "0.5", "19.5"]);
  });

  test("percent sign level accepted", async () => {
    const input = writeFile("level-percent.csv", "id,v1\na,10\n");
    const options = ["forecast", "--method", method, "--horizon", "1", "--level"];
    const withSign = await runSpm(...options, "95%", input);
    expect(withSign.status).toBe(0);
    expect(withSign.stdout).toBe((await runSpm(...options, "95", input)).stdout);
  });
});

describe("spm forecast bad rows", () => {
  const lines = [
    "id,v1,v2,v3,v4",
    "good,1,2,3,4",
    "text,1,abc,3,4",
    "gap,1,,3,4",
    ",1,2,3,4",
    "extra,1,2,3,4,5",
    "short,1,,,",
    "empty,,,,",
    "last,7,8,,",
  ];

  test("bad rows skipped, rest written", async () => {
    const input = writeFile("bad.csv", lines.join("\n") + "\n");
    const result = await runSpm(
      "forecast",
      "--method",
      "snaive",
      "--season-length",
      "2",
      "--horizon",
      "1",
      input,
    );
    expect(result.status).toBe(ROWS_SKIPPED);
    // Source: the seasonal naive definition with m = 2, ŷ[n+1] = y[n-1].
    expect(result.stdout).toBe("id,method,h1\ngood,snaive,3\nlast,snaive,7\n");

    const messages = result.stderr.trim().split("\n");
    expect(messages[0]).toBe('Skipped series text on line 3: v2 is "abc", which is not a number.');
    expect(messages[1]).toMatch(/^Skipped series gap on line 4: v2 is blank but later columns/);
    expect(messages[2]).toMatch(/^Skipped series \(blank id\) on line 5: the id cell is blank/);
    expect(messages[3]).toMatch(/^Skipped series extra on line 6: the row has 6 cells/);
    expect(messages[4]).toMatch(/^Skipped series short on line 7: history has 1 value but/);
    expect(messages[5]).toBe("Skipped series empty on line 8: the row has no values.");
    expect(messages[6]).toBe("Skipped 6 of 8 series; wrote the forecasts of the other 2.");
    expect(messages).toHaveLength(7);
  });

  test("quoted line break shifts lines", async () => {
    const input = writeFile("multiline.csv", 'id,v1\n"two\nlines",1\nbad,x\n');
    const result = await runSpm("forecast", "--method", "naive", "--horizon", "1", input);
    expect(result.stderr).toContain("Skipped series bad on line 4:");
  });

  test("method failure reported unexpected", async () => {
    const method = "test-throws";
    FORECAST_METHODS[method] = () => {
      throw new TypeError("boom");
    };
    try {
      const input = writeFile("throws.csv", "id,v1\na,1\n");
      const result = await runSpm("forecast", "--method", method, "--horizon", "1", input);
      // The only row was skipped, so nothing is written and the command fails.
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("on line 2: the method failed unexpectedly: boom");
    } finally {
      delete FORECAST_METHODS[method];
    }
  });
});

describe("spm forecast usage errors", () => {
  let input: string;

  beforeAll(() => {
    input = writeFile("usage.csv", "id,v1,v2\na,1,2\n");
  });

  test.each([
    [["--method", "arima", "--horizon", "2"], "The forecast method is unknown: arima."],
    [["--horizon", "2"], "spm forecast needs the --method option."],
    [["--method", "naive"], "spm forecast needs the --horizon option."],
    [["--method", "naive", "--horizon", "0"], "--horizon option must be a whole number of 1"],
    [["--method", "naive", "--horizon", "1.5"], "not 1.5."],
    [["--method", "naive", "--horizon", "10001"], "--horizon option must be at most 10000"],
    [["--method", "naive", "--horizon", "2", "--level", "0x50"], "not 0x50."],
    [["--method", "naive", "--horizon", "2", "--level", "0.999999999999"], "not 0.999999999999."],
    [["--method", "naive", "--horizon", "2", "--jobs", "65"], "--jobs option must be at most 64"],
    [["--method", "naive", "--horizon", "2", "--season-length", "x"], "--season-length option"],
    [["--method", "naive", "--horizon", "2", "--level", "100"], "--level option must be"],
    [["--method", "naive", "--horizon", "2", "--level", "0.95x"], "not 0.95x."],
    [["--method", "naive", "--horizon", "2", "--id-column", "name"], "The id column name is not"],
    [["--method", "naive", "--horizon", "2", "--skip-columns", "v9"], "skipped column v9 is not"],
    [["--method", "naive", "--horizon", "2", "--skip-columns", "2"], "No value columns are left"],
    [["--method", "naive", "--horizon", "2", "--skip-columns", "v1,"], "--skip-columns option"],
    [["--method", "naive", "--horizon", "2", "--data", "x.csv"], "does not take the --data"],
  ])("options %j rejected", async (options, message) => {
    const result = await runSpm("forecast", ...options, input);
    expect(result.status).toBe(USAGE_ERROR);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe("");
  });

  test("unknown method lists methods", async () => {
    const result = await runSpm("forecast", "--method", "arima", "--horizon", "2", input);
    expect(result.stderr).toContain("The methods are naive, snaive,");
  });

  test("missing input file", async () => {
    const result = await runSpm("forecast", "--method", "naive", "--horizon", "2", "missing.csv");
    expect(result.status).toBe(USAGE_ERROR);
    expect(result.stderr).toContain("The input file does not exist: missing.csv.");
  });

  test("empty and header-only files", async () => {
    const empty = await runSpm(
      "forecast",
      "--method",
      "naive",
      "--horizon",
      "1",
      writeFile("e.csv", ""),
    );
    const headerOnly = writeFile("h.csv", "id,v1\n\n");
    const header = await runSpm("forecast", "--method", "naive", "--horizon", "1", headerOnly);
    expect(empty.status).toBe(USAGE_ERROR);
    expect(empty.stderr).toContain("The input file is empty");
    expect(header.status).toBe(USAGE_ERROR);
    expect(header.stderr).toContain("has a header row but no series rows");
  });

  test("folder as input file", async () => {
    const result = await runSpm("forecast", "--method", "naive", "--horizon", "1", workDir);
    expect(result.status).toBe(USAGE_ERROR);
    expect(result.stderr).toContain(`The input file is a folder, not a file: ${workDir}.`);
  });

  test("folder as output file", async () => {
    const result = await runSpm(
      "forecast",
      "--method",
      "naive",
      "--horizon",
      "1",
      "--out",
      workDir,
      input,
    );
    expect(result.status).toBe(USAGE_ERROR);
    expect(result.stderr).toContain(`The output file is a folder: ${workDir}.`);
  });

  test("output equal to input rejected", async () => {
    const result = await runSpm(
      "forecast",
      "--method",
      "naive",
      "--horizon",
      "1",
      "--out",
      input,
      input,
    );
    expect(result.status).toBe(USAGE_ERROR);
    expect(result.stderr).toContain("The output file must differ from the input file");
  });

  test("eval rejects forecast options", async () => {
    const result = await runSpm("eval", "--horizon", "2", "=1");
    expect(result.status).toBe(USAGE_ERROR);
    expect(result.stderr).toContain("spm eval does not take the --horizon option.");
  });

  test("unknown command ignores forecast options", async () => {
    const result = await runSpm("predict", "--horizon", "2", input);
    expect(result.status).toBe(USAGE_ERROR);
    expect(result.stderr).toContain("The command is unknown: predict.");
  });

  test("help documents exit codes", async () => {
    const result = await runSpm("--help");
    expect(result.stdout).toContain("spm forecast --method NAME --horizon H");
    expect(result.stdout).toContain("3  spm forecast skipped some rows");
  });
});

describe("spm forecast file dialects", () => {
  test("semicolons and decimal commas", async () => {
    const semicolons = writeFile("semicolons.csv", "id;v1;v2;v3\na;1,5;2,5;3,5\n");
    const commas = writeFile("commas.csv", "id,v1,v2,v3\na,1.5,2.5,3.5\n");
    const options = ["forecast", "--method", "naive", "--horizon", "2"];
    const fromSemicolons = await runSpm(...options, semicolons);
    expect(fromSemicolons.status).toBe(0);
    expect(fromSemicolons.stdout).toBe((await runSpm(...options, commas)).stdout);
  });

  test("thousands separators get a hint", async () => {
    const input = writeFile("thousands.csv", "id;v1;v2\na;1.234,5;2\nb;1;2\n");
    const result = await runSpm("forecast", "--method", "naive", "--horizon", "1", input);
    expect(result.status).toBe(ROWS_SKIPPED);
    expect(result.stderr).toContain(
      'v1 is "1.234,5", which is not a number. Write numbers without thousands separators',
    );
    expect(csvRows(result.stdout).map((row) => row[0])).toEqual(["id", "b"]);
  });

  test("formula-like ids stay text", async () => {
    const input = writeFile("formula-ids.csv", 'id,v1\n"=HYPERLINK(""x"")",1\n+1,2\nplain,3\n');
    const result = await runSpm("forecast", "--method", "naive", "--horizon", "1", input);
    expect(result.stdout).toBe(
      'id,method,h1\n"\'=HYPERLINK(""x"")",naive,1\n\'+1,naive,2\nplain,naive,3\n',
    );
  });

  test("formula-like header stays text", async () => {
    const input = writeFile("formula-header.csv", '"=1+2",v1\na,1\n');
    const result = await runSpm("forecast", "--method", "naive", "--horizon", "1", input);
    expect(result.stdout).toBe("'=1+2,method,h1\na,naive,1\n");
  });

  test("control characters escaped in messages", async () => {
    const input = writeFile("escapes.csv", "id,v1\n\u001b[2Jx,abc\nb,1\n");
    const result = await runSpm("forecast", "--method", "naive", "--horizon", "1", input);
    expect(result.stderr).toContain("Skipped series \\u001b[2Jx on line 2");
    expect(result.stderr).not.toContain("\u001b");
  });

  test("skipped duplicate gets no warning", async () => {
    const input = writeFile("skipped-dup.csv", "id,v1,v2\nA,1,x\nA,1,2\n");
    const result = await runSpm("forecast", "--method", "naive", "--horizon", "1", input);
    expect(result.status).toBe(ROWS_SKIPPED);
    expect(result.stderr).not.toContain("Warning");
  });

  test("output link keeps the link", async () => {
    const input = writeFile("link-input.csv", "id,v1\na,1\n");
    const target = writeFile("link-target.csv", "old forecasts\n");
    const link = path.join(workDir, "forecasts-link.csv");
    fs.symlinkSync(target, link);
    const result = await runSpm(
      "forecast",
      "--method",
      "naive",
      "--horizon",
      "1",
      "--out",
      link,
      input,
    );
    expect(result.status).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, "utf8")).toBe("id,method,h1\na,naive,1\n");
  });

  test("repeated id gets a warning", async () => {
    const input = writeFile("repeated.csv", "id,v1,v2\na,1,2\nb,3,4\na,5,6\n");
    const result = await runSpm("forecast", "--method", "naive", "--horizon", "1", input);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(
      "Warning: series a on line 4 has the id of line 2, so the output has two rows",
    );
    expect(csvRows(result.stdout).map((row) => row[0])).toEqual(["id", "a", "b", "a"]);
  });

  test("out file in a new folder", async () => {
    const input = writeFile("folder.csv", "id,v1,v2\na,1,2\n");
    const output = path.join(workDir, "new", "deeper", "forecasts.csv");
    const result = await runSpm(
      "forecast",
      "--method",
      "naive",
      "--horizon",
      "1",
      "--out",
      output,
      input,
    );
    expect(result.status).toBe(0);
    expect(fs.readFileSync(output, "utf8")).toBe("id,method,h1\na,naive,2\n");
  });
});

describe("spm forecast damaged input", () => {
  const naive = ["forecast", "--method", "naive", "--horizon", "1"];

  test("quote inside a field is text", async () => {
    const input = writeFile("inches.csv", 'id,a,b\nPipe 12" steel,1,2\nValve,3,4\n');
    const result = await runSpm(...naive, input);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('id,method,h1\n"Pipe 12"" steel",naive,2\nValve,naive,4\n');
  });

  test("unclosed quote names its line", async () => {
    const input = writeFile("unclosed.csv", 'id,a,b\nY,1,2\n"X,1,2\nZ,1,2\n');
    const result = await runSpm(...naive, input);
    expect(result.status).toBe(USAGE_ERROR);
    expect(result.stderr).toContain("Line 3 opens a quoted field that is never closed.");
    expect(result.stdout).toBe("");
  });

  test("text after closing quote skips row", async () => {
    const input = writeFile("trailing.csv", 'id,a,b\n"X"y,1,2\nZ,1,2\n');
    const result = await runSpm(...naive, input);
    expect(result.status).toBe(ROWS_SKIPPED);
    expect(result.stderr).toContain('on line 2: text "y" follows a closing quote');
  });

  test("binary file is not CSV", async () => {
    const input = writeFile("workbook.csv", "PK\u0003\u0004\u0000\u0000binary");
    const result = await runSpm(...naive, input);
    expect(result.status).toBe(USAGE_ERROR);
    expect(result.stderr).toContain(`The input file is not a CSV text file: ${input}.`);
  });

  test("header with only an id", async () => {
    const result = await runSpm(...naive, writeFile("idonly.csv", "id\na\n"));
    expect(result.status).toBe(USAGE_ERROR);
    expect(result.stderr).toContain("The header row has no column besides the id column: id.");
  });

  test.each([
    ["semicolons.csv", "id;v1;v2\nb;1.234;1.300\nc;1;2\n", '"1.234"', "such as 1234,5."],
    ["commas.csv", 'id,v1,v2\nb,"1,006",1\nc,1,2\n', '"1,006"', "such as 1234.5."],
  ])("thousands separator in %s", async (name, text, value, example) => {
    const result = await runSpm(...naive, writeFile(name, text));
    expect(result.status).toBe(ROWS_SKIPPED);
    expect(result.stderr).toContain(`v1 is ${value}, which is not a number.`);
    expect(result.stderr).toContain(example);
  });
});

describe("spm forecast output safety", () => {
  const naive = ["forecast", "--method", "naive", "--horizon", "1"];

  test("output through a link rejected", async () => {
    const input = writeFile("linked.csv", "id,v1,v2\na,1,2\n");
    const link = path.join(workDir, "link.csv");
    fs.symlinkSync(input, link);
    const hardLink = path.join(workDir, "hard.csv");
    fs.linkSync(input, hardLink);

    for (const output of [link, hardLink]) {
      const result = await runSpm(...naive, "--out", output, input);
      expect(result.status).toBe(USAGE_ERROR);
      expect(result.stderr).toContain("The output file must differ from the input file");
    }
    expect(fs.readFileSync(input, "utf8")).toBe("id,v1,v2\na,1,2\n");
  });

  test("all rows skipped writes nothing", async () => {
    const output = writeFile("previous.csv", "previous forecasts\n");
    const input = writeFile("allbad.csv", "id,v1,v2\na,x,1\nb,y,2\n");
    const result = await runSpm(...naive, "--out", output, input);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Skipped all 2 series, so nothing was written.");
    expect(fs.readFileSync(output, "utf8")).toBe("previous forecasts\n");
  });

  test("failed write keeps previous file", async () => {
    const output = writeFile("kept.csv", "previous forecasts\n");
    // A folder where the temporary file would go makes the write fail halfway.
    fs.mkdirSync(path.join(workDir, `.kept.csv.${process.pid}.partial`));
    const input = writeFile("good.csv", "id,v1,v2\na,1,2\n");
    const result = await runSpm(...naive, "--out", output, input);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`The output file cannot be written: ${output}`);
    expect(result.stderr).toContain("It was left unchanged.");
    expect(fs.readFileSync(output, "utf8")).toBe("previous forecasts\n");
  });
});

describe("spm forecast column layout", () => {
  // Two series in the M3 layout: the second is shorter, so its trailing cells are blank.
  const m3Text =
    `${M3_HEADER},v1,v2,v3,v4\n` +
    "N1,M1,MICRO,4,2,1990,1,10,20,30,40\n" +
    "N3,M3,MACRO,3,2,1991,5,7,8,9,\n";

  test("M3 layout with skipped names", async () => {
    const input = writeFile("m3-names.csv", m3Text);
    const result = await runSpm(
      "forecast",
      "--method",
      "naive",
      "--horizon",
      "2",
      "--id-column",
      "series",
      "--skip-columns",
      M3_SKIPPED,
      input,
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("series,method,h1,h2\nN1,naive,40,40\nN3,naive,9,9\n");
  });

  test("skip count matches skip names", async () => {
    const input = writeFile("m3-count.csv", m3Text);
    const base = ["forecast", "--method", "naive", "--horizon", "2", "--id-column", "series"];
    const byCount = await runSpm(...base, "--skip-columns", "6", input);
    const byNames = await runSpm(...base, "--skip-columns", M3_SKIPPED, input);
    expect(byCount.stdout).toBe(byNames.stdout);
  });

  test("id column in the middle", async () => {
    const input = writeFile("m3-middle.csv", m3Text);
    const result = await runSpm(
      "forecast",
      "--method",
      "naive",
      "--horizon",
      "1",
      "--id-column",
      "m3_id",
      "--skip-columns",
      "series,category,n,h,start_year,start_period",
      input,
    );
    expect(result.stdout).toBe("m3_id,method,h1\nM1,naive,40\nM3,naive,9\n");
  });
});

describe("spm forecast progress bar", () => {
  /** Runs the command with fake streams and returns what it wrote to stderr. */
  async function stderrOf(isTTY: boolean): Promise<string> {
    const input = writeFile("progress.csv", "id,v1\na,1\nb,2\n");
    let stderr = "";
    const streams = {
      stdout: { write: () => true },
      stderr: { isTTY, write: (text: string) => (stderr += text) },
    };
    const options = forecastOptionsFrom(input, { method: "naive", horizon: "1" });
    await expect(forecastCommand(options, streams)).resolves.toBe(0);
    return stderr;
  }

  test("terminal shows progress bar", async () => {
    const stderr = await stderrOf(true);
    expect(stderr).toContain("Forecasting (naive) [###############---------------] 1/2");
    expect(stderr).toContain("] 2/2");
    expect(stderr.endsWith("\r\x1b[K")).toBe(true);
  });

  test("pipe shows no progress", async () => {
    expect(await stderrOf(false)).toBe("");
  });
});

describeWithData("spm forecast on M3 monthly", () => {
  test("snaive forecasts every series", async () => {
    const input = path.join(referenceDataDir, "m3-monthly-odd", "train.csv");
    const result = await runSpm(
      "forecast",
      "--method",
      "snaive",
      "--horizon",
      "18",
      "--season-length",
      "12",
      "--id-column",
      "series",
      "--skip-columns",
      M3_SKIPPED,
      input,
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);

    const output = csvRows(result.stdout);
    const inputRows = csvRows(fs.readFileSync(input, "utf8"));
    expect(output).toHaveLength(inputRows.length);
    expect(output.slice(1).map((row) => row[0])).toEqual(inputRows.slice(1).map((row) => row[0]));

    // Source: the seasonal naive definition applied to the first series' values (columns v1 …,
    // as many as its n column gives), computed by the core function directly.
    const first = inputRows[1];
    const history = first.slice(7, 7 + Number(first[3])).map(Number);
    expect(output[1].slice(2).map(Number)).toEqual(forecastSeasonalNaive(history, 18, 12));
  });
});
