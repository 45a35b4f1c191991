import { RecordInput } from "../../src/model";
import { describeFailure } from "../../src/taskpane/failure";
import {
  fieldMessages,
  formulaTextHint,
  messageFor,
  optionalInput,
  parseNumberInput,
  savedNotice,
} from "../../src/taskpane/formState";
import { WorkbookActionError } from "../../src/workbook/actions/errors";
import { MemoryStore, MemoryWorkbook } from "../../src/workbook/memoryStore";
import { StoreValidationError } from "../../src/workbook/store";

describe("parseNumberInput", () => {
  test.each([
    ["", undefined],
    ["   ", undefined],
    ["12", 12],
    [" 8000.50 ", 8000.5],
    ["-3", -3],
    ["1e3", 1000],
    ["abc", "abc"],
    ["12abc", "12abc"],
    ["1,000", "1,000"],
  ])("text %p", (text, expected) => {
    expect(parseNumberInput(text)).toBe(expected);
  });
});

describe("optionalInput", () => {
  test("blank becomes undefined", () => {
    expect(optionalInput(" ")).toBeUndefined();
    expect(optionalInput("2025-03-31")).toBe("2025-03-31");
  });
});

/** Saves a stimulation action through the real store and returns the rejection. */
async function rejectedAction(fields: Record<string, unknown>): Promise<StoreValidationError> {
  const store = new MemoryStore(new MemoryWorkbook());
  const channel = await store.create("channel", { name: "Retail", type: "retail" });
  const input = { name: "Promotion", channelId: channel.id, kind: "promotion", ...fields };
  try {
    await store.create("stimulationAction", input as RecordInput<"stimulationAction">);
  } catch (error) {
    if (error instanceof StoreValidationError) {
      return error;
    }
    throw error;
  }
  throw new Error("The store accepted an invalid stimulation action.");
}

describe("fieldMessages from store issues", () => {
  test("budget abc names the field", async () => {
    const error = await rejectedAction({ budget: parseNumberInput("abc") });

    const messages = fieldMessages(error.issues, { budget: "Budget" });

    expect(messages.budget).toBe('Budget is "abc" but must be a number.');
  });

  test("backwards dates mark the end", async () => {
    const error = await rejectedAction({ startDate: "2025-05-31", endDate: "2025-05-01" });

    const messages = fieldMessages(error.issues, { endDate: "End date" });

    expect(Object.keys(messages)).toEqual(["endDate"]);
    expect(messages.endDate).toBe(
      "End date is 2025-05-01, before startDate 2025-05-31; choose an end on or after the start.",
    );
  });

  test("empty name asks for a value", async () => {
    const error = await rejectedAction({ name: "  " });

    expect(fieldMessages(error.issues, { name: "Name" }).name).toBe(
      "Name is empty; enter a value.",
    );
  });

  test("unlabelled field keeps the path", () => {
    const messages = fieldMessages([
      { field: "actions.0.dueDate", message: "actions.0.dueDate is bad." },
    ]);

    expect(messages["actions.0.dueDate"]).toBe("actions.0.dueDate is bad.");
  });
});

describe("messageFor", () => {
  test("collects nested field messages", () => {
    const messages = {
      "actions.0.description": "A.",
      "actions.0.dueDate": "B.",
      "actions.1.owner": "C.",
    };

    expect(messageFor(messages, "actions.0")).toBe("A. B.");
    expect(messageFor(messages, "actions.2")).toBeUndefined();
  });
});

describe("formulaTextHint", () => {
  test.each(["=1+1", "+49 30", "-5", "@SUM(A1)"])("hint for %p", (text) => {
    expect(formulaTextHint(text)).toContain("stored as text");
  });

  test("no hint for plain text", () => {
    expect(formulaTextHint("Retail")).toBeUndefined();
  });
});

describe("describeFailure", () => {
  test("validation error carries issues", async () => {
    const error = await rejectedAction({ budget: "abc" });

    const report = describeFailure("Saving the stimulation action", error);

    expect(report.title).toBe("Saving the stimulation action failed");
    expect(report.issues).toHaveLength(1);
  });

  test("action error shown as is", () => {
    const report = describeFailure("Building", new WorkbookActionError("Enter the range."));

    expect(report.message).toBe("Enter the range.");
  });

  test("unexpected error advises retry", () => {
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);

    const report = describeFailure("Building", new Error("Timeout."), { channel: "c1" });

    expect(report.message).toBe("Timeout. Try again; if it keeps failing, reload the task pane.");
    expect(log).toHaveBeenCalledWith("[spm] Building failed", {
      channel: "c1",
      message: "Timeout.",
    });
    log.mockRestore();
  });
});

describe("savedNotice", () => {
  test("no conflicts keeps the notice", () => {
    expect(savedNotice("The channel is saved.", [])).toBe("The channel is saved.");
  });

  test("conflicts name the fields", async () => {
    const workbook = new MemoryWorkbook();
    const alice = new MemoryStore(workbook);
    const bob = new MemoryStore(workbook);
    const loaded = await alice.create("channel", { name: "Retail", type: "retail" });
    await bob.update("channel", loaded.id, { name: "Retail stores" });

    const { conflicts } = await alice.update(
      "channel",
      loaded.id,
      { name: "Shops" },
      { base: loaded },
    );

    expect(savedNotice("The channel is saved.", conflicts)).toBe(
      "The channel is saved. It replaced a colleague's newer value of: name; check these fields.",
    );
  });
});
