import { InsufficientDataError, InvalidInputError } from "../../src/core/errors";
import {
  TextChoice,
  checkSameLength,
  readChoiceCells,
  readDate,
  readDateCells,
  readFlags,
  readNumberTable,
  readOptionalDate,
  readOptionalPercent,
  readOutcomes,
  readPercent,
  readPercentSeries,
} from "../../src/functions/arguments";
import { installCustomFunctionsRuntime } from "../../src/headless/customFunctionsRuntime";

// Readers added for the sales KPI functions. Expected values follow from Excel's argument
// passing (a percent cell contains its fraction, a date its serial number, a blank cell 0 on the
// desktop and null on the web) and from the accepted spellings each reader documents.

installCustomFunctionsRuntime();

/** Runs `read` and returns what it throws, failing the test when it throws nothing. */
function thrownBy(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error("expected the reader to throw");
}

/** Checks that `read` throws `InvalidInputError` with a message matching `message`. */
function expectInvalid(read: () => unknown, message: RegExp): void {
  const error = thrownBy(read);
  expect(error).toBeInstanceOf(InvalidInputError);
  expect((error as Error).message).toMatch(message);
}

describe("readPercent accepted values", () => {
  const cases: [string, unknown, number][] = [
    ["fraction", 0.25, 0.25],
    ["one-cell range", [[0.6]], 0.6],
    ["percent text", "25%", 0.25],
    ["percent text with space", " 12.5 % ", 0.125],
    ["zero", 0, 0],
    ["full", 1, 1],
  ];

  test.each(cases)("%s", (_name, value, expected) => {
    expect(readPercent(value, "gross_margin")).toBeCloseTo(expected, 15);
  });
});

describe("readPercent rejected values", () => {
  const cases: [string, unknown, RegExp][] = [
    ["points", 60, /^gross_margin is 60 \(6000%\) .* If you mean 60 %, enter 60% or 0.6\.$/],
    ["negative", -0.1, /^gross_margin is -0.1 \(-10%\) but must be a percentage from 0% to 100%/],
    ["word", "half", /^gross_margin is text "half", not a percentage/],
    ["logical value", true, /^gross_margin is the logical value TRUE, not a percentage/],
    ["missing", null, /^gross_margin is missing; give a percentage such as 25% or 0.25/],
  ];

  test.each(cases)("%s", (_name, value, message) => {
    expectInvalid(() => readPercent(value, "gross_margin"), message);
  });

  test("above a custom maximum", () => {
    expectInvalid(
      () => readOptionalPercent(12, "cap", null, { max: 10 }),
      /^cap is 12 \(1200%\) but must be a percentage from 0% to 1000%/,
    );
    expect(readOptionalPercent(null, "cap", null, { max: 10 })).toBeNull();
    expect(readOptionalPercent("150%", "cap", null, { max: 10 })).toBeCloseTo(1.5, 15);
  });
});

describe("readPercentSeries cells", () => {
  test("mixed numbers and text", () => {
    expect(readPercentSeries([[0.1], ["50%"], [1], [null]], "probabilities")).toEqual([
      0.1, 0.5, 1,
    ]);
  });

  test("blank inside rejected", () => {
    expectInvalid(
      () => readPercentSeries([[0.1], [null], [1]], "probabilities"),
      /^probabilities: cell 2 is blank/,
    );
  });

  test("points rejected by position", () => {
    expectInvalid(
      () => readPercentSeries([[0.1], [75]], "probabilities"),
      /^probabilities: cell 2 is 75 \(7500%\)/,
    );
  });

  test("empty range", () => {
    const error = thrownBy(() => readPercentSeries([[null], [""]], "probabilities"));
    expect(error).toBeInstanceOf(InsufficientDataError);
  });
});

describe("readFlags spellings", () => {
  test("every accepted spelling", () => {
    const cells = [[true], [false], [1], [0], ["Yes"], ["no"], ["Y"], ["n"], ["x"], ["TRUE"]];
    expect(readFlags(cells, "stocking")).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      true,
    ]);
  });

  test("trailing blanks ignored", () => {
    expect(readFlags([[true, "no", null, ""]], "stocking")).toEqual([true, false]);
  });

  test("blank inside rejected", () => {
    expectInvalid(
      () => readFlags([[true], [null], [false]], "stocking"),
      /^stocking: cell 2 is blank/,
    );
  });

  test("number other than 0 or 1", () => {
    expectInvalid(
      () => readFlags([[2]], "stocking"),
      /^stocking: cell 1 contains the value 2; use TRUE or FALSE/,
    );
  });
});

describe("readOutcomes spellings", () => {
  test("CRM spellings and blanks", () => {
    const cells = [["Closed Won"], ["closed-lost"], ["WIN"], ["loss"], [null], [0], [""], [true]];
    expect(readOutcomes(cells, "won")).toEqual([
      "won",
      "lost",
      "won",
      "lost",
      "open",
      "open",
      "open",
      "won",
    ]);
  });

  test("unknown text rejected", () => {
    expectInvalid(
      () => readOutcomes([["won"], ["stalled"]], "outcomes"),
      /^outcomes: cell 2 contains text "stalled"; use "won", "lost" or "open"/,
    );
  });
});

describe("readDateCells values", () => {
  test("serials and blanks", () => {
    expect(readDateCells([[45658], [null], [0], [45700.5]], "closed")).toEqual([
      45658,
      null,
      null,
      45700.5,
    ]);
  });

  test("date text rejected", () => {
    expectInvalid(
      () => readDateCells([["2025-01-31"]], "closed"),
      /^closed: cell 1 contains text "2025-01-31", not a date. Excel did not recognise/,
    );
  });

  test("negative serial rejected", () => {
    expectInvalid(() => readDateCells([[-3]], "closed"), /^closed: cell 1 contains the value -3/);
  });

  test("single dates", () => {
    expect(readDate(45748, "period_start")).toBe(45748);
    expect(readOptionalDate(null, "period_start")).toBeNull();
    expectInvalid(
      () => readDate("April", "period_start"),
      /^period_start is text "April", not a date/,
    );
    expectInvalid(() => readDate(null, "period_start"), /^period_start is missing; give a date/);
  });
});

describe("readNumberTable shapes", () => {
  test("optional column blank", () => {
    const table = readNumberTable(
      [
        [0, 0.05, null],
        [0.5, "10%", 500],
        [null, null, null],
      ],
      "rate_table",
      { min: 2, max: 3 },
    );
    expect(table).toEqual([
      [0, 0.05, null],
      [0.5, 0.1, 500],
    ]);
  });

  test("too many columns", () => {
    expectInvalid(
      () => readNumberTable([[1, 2, 3, 4]], "rate_table", { min: 2, max: 3 }),
      /^rate_table has 4 columns but needs 2 to 3/,
    );
  });

  test("single value is one row", () => {
    expect(readNumberTable(7, "channel_costs", { min: 0, max: 5 })).toEqual([[7]]);
  });
});

describe("readChoiceCells and lengths", () => {
  const choices: readonly TextChoice<"commit" | "omitted">[] = [
    { value: "commit", aliases: ["committed"] },
    { value: "omitted", aliases: [] },
  ];

  test("spellings and blanks", () => {
    expect(
      readChoiceCells([["Committed"], [null], [" commit "]], "categories", choices, "omitted"),
    ).toEqual(["commit", "omitted", "commit"]);
  });

  test("number rejected", () => {
    expectInvalid(
      () => readChoiceCells([[5]], "categories", choices, "omitted"),
      /^categories: cell 1 contains the value 5; use one of "commit" \(or "committed"\), "omitted"/,
    );
  });

  test("different lengths", () => {
    expectInvalid(
      () => checkSameLength([1, 2], "amounts", [1], "probabilities"),
      /^probabilities has 1 values but amounts has 2; select ranges of the same size/,
    );
  });
});
