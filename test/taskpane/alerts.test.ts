import { emptySnapshot, RecordOf, SalesSystemSnapshot } from "../../src/model";
import { computeAlerts, endOfWeek, wholeMonthsBetween } from "../../src/taskpane/alerts";
import { MemoryStore, MemoryWorkbook } from "../../src/workbook/memoryStore";

/** Wednesday 2 July 2025; its ISO week runs from Monday 30 June to Sunday 6 July. */
const TODAY = new Date("2025-07-02T10:00:00Z");

/** Builds a snapshot through the real store, so every record is valid and complete. */
async function snapshotWith(
  build: (store: MemoryStore) => Promise<unknown>,
): Promise<SalesSystemSnapshot> {
  const store = new MemoryStore(new MemoryWorkbook());
  await build(store);
  return store.load();
}

/** Scores every area 3, so a review can be final. */
const ALL_SCORED = Object.fromEntries(
  [
    "targetGroups",
    "strategyAndTactics",
    "channels",
    "channelControlAndForecasts",
    "tradeMarketing",
    "organisation",
    "peopleControl",
    "salesEconomics",
    "reviewProcess",
  ].map((area) => [area, { score: 3 }]),
);

async function channel(store: MemoryStore, name = "Retail"): Promise<RecordOf<"channel">> {
  return store.create("channel", {
    name,
    type: "retail",
    forecastMethod: "ses",
    salesHistorySource: "Sales!B2:B49",
  });
}

describe("alert date helpers", () => {
  // Expected Sundays from Python's datetime: date + timedelta(days=7 - isoweekday()).
  test.each([
    ["2025-06-30", "2025-07-06"],
    ["2025-07-02", "2025-07-06"],
    ["2025-07-06", "2025-07-06"],
  ])("endOfWeek of %s", (day, sunday) => {
    expect(endOfWeek(new Date(`${day}T12:00:00Z`))).toBe(sunday);
  });

  // Whole months counted by hand on the calendar.
  test.each([
    ["2024-05-02", "2025-07-02", 14],
    ["2024-05-03", "2025-07-02", 13],
    ["2025-07-02", "2025-07-02", 0],
    ["2025-08-01", "2025-07-02", 0],
  ])("months from %s to %s", (from, to, months) => {
    expect(wholeMonthsBetween(from, to)).toBe(months);
  });
});

describe("computeAlerts reviews", () => {
  test("no review at all", () => {
    const alerts = computeAlerts(emptySnapshot(), TODAY);

    expect(alerts.map((alert) => alert.key)).toEqual(["review-none"]);
  });

  test("last final review 14 months ago", async () => {
    const snapshot = await snapshotWith((store) =>
      store.create("review", {
        year: 2024,
        date: "2024-05-02",
        status: "final",
        areas: ALL_SCORED,
      }),
    );

    const [alert] = computeAlerts(snapshot, TODAY);

    expect(alert.message).toBe("No annual review for 14 months; start this year's review.");
    expect(alert.page).toBe("reviews");
  });

  test("recent review raises nothing", async () => {
    const snapshot = await snapshotWith((store) =>
      store.create("review", {
        year: 2025,
        date: "2025-03-01",
        status: "final",
        areas: ALL_SCORED,
      }),
    );

    expect(computeAlerts(snapshot, TODAY)).toEqual([]);
  });

  test("overdue adjustment actions counted", async () => {
    const snapshot = await snapshotWith((store) =>
      store.create("review", {
        year: 2025,
        date: "2025-03-01",
        actions: [
          { description: "Hire a key account manager", dueDate: "2025-06-30" },
          { description: "Drop the fax channel", dueDate: "2025-05-01", status: "done" },
          { description: "Retrain the team", dueDate: "2025-12-01" },
        ],
      }),
    );

    const overdue = computeAlerts(snapshot, TODAY).find(
      (alert) => alert.key === "adjustment-overdue",
    );

    expect(overdue?.message).toBe(
      "1 adjustment action from reviews is past due; follow up with the owners.",
    );
  });
});

describe("computeAlerts channels", () => {
  test("three actions end this week", async () => {
    const snapshot = await snapshotWith(async (store) => {
      await store.create("review", {
        year: 2025,
        date: "2025-03-01",
        status: "final",
        areas: ALL_SCORED,
      });
      const { id } = await channel(store);
      const action = { channelId: id, kind: "promotion" as const, status: "running" as const };
      await store.create("stimulationAction", { ...action, name: "A", endDate: "2025-07-02" });
      await store.create("stimulationAction", { ...action, name: "B", endDate: "2025-07-04" });
      await store.create("stimulationAction", { ...action, name: "C", endDate: "2025-07-06" });
      await store.create("stimulationAction", { ...action, name: "D", endDate: "2025-07-07" });
      await store.create("stimulationAction", {
        ...action,
        name: "E",
        endDate: "2025-07-03",
        status: "done",
      });
    });

    const alerts = computeAlerts(snapshot, TODAY);

    expect(alerts.map((alert) => alert.message)).toEqual([
      "3 stimulation actions end this week; plan how to measure their uplift.",
    ]);
  });

  test("action past its end flagged", async () => {
    const snapshot = await snapshotWith(async (store) => {
      const { id } = await channel(store);
      await store.create("stimulationAction", {
        name: "Spring promotion",
        channelId: id,
        kind: "promotion",
        status: "running",
        endDate: "2025-06-30",
      });
    });

    const pastEnd = computeAlerts(snapshot, TODAY).find(
      (alert) => alert.key === "stimulation-past-end",
    );

    expect(pastEnd?.message).toBe(
      "1 stimulation action is past the end date but not done; update the status.",
    );
  });

  test("channel without forecast named", async () => {
    const snapshot = await snapshotWith(async (store) => {
      await channel(store, "Direct");
      await store.create("channel", { name: "Retail", type: "retail" });
      await store.create("channel", { name: "Online", type: "eCommerce", forecastMethod: "holt" });
    });

    const messages = computeAlerts(snapshot, TODAY)
      .filter((alert) => alert.key.startsWith("channel-no-forecast"))
      .map((alert) => alert.message);

    expect(messages).toEqual([
      "Channel Retail has no forecast; choose a forecast method.",
      "Channel Online has no forecast; enter its sales history source.",
    ]);
  });
});
