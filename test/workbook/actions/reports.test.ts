import { REVIEW_AREAS } from "../../../src/model";
import { BODY_FIRST_ROW } from "../../../src/workbook/actions/builtSheet";
import { REVIEW_AREA_LABELS } from "../../../src/workbook/actions/labels";
import { BUILD_TIME, createActionFixture } from "./actionFixtures";

/** Scores 1 to 5 per area that differ by year, so a wrong column shows. */
function scoresFor(year: number): Record<string, { score: number; findings: string }> {
  return Object.fromEntries(
    REVIEW_AREAS.map((area, index) => [
      area,
      { score: ((year + index) % 5) + 1, findings: `${area} in ${year}` },
    ]),
  );
}

/** Mean of the scores of one year, the expected average of the trend table. */
function meanScore(year: number): number {
  const scores = Object.values(scoresFor(year)).map((assessment) => assessment.score);
  return scores.reduce((total, score) => total + score, 0) / scores.length;
}

/** Finds the row (counted from 0) whose first cell is `label`. */
function rowOf(values: unknown[][], label: string): number {
  return values.findIndex((row) => row[0] === label);
}

describe("buildReviewReport", () => {
  async function reportFixture() {
    const fixture = await createActionFixture();
    for (const year of [2023, 2024]) {
      await fixture.store.create("review", { year, status: "final", areas: scoresFor(year) });
    }
    await fixture.store.create("review", {
      year: 2025,
      areas: { channels: { score: 2, findings: "=Retail lags" } },
      actions: [{ description: "Renegotiate listing fees", owner: "Ana", dueDate: "2025-09-30" }],
    });
    return fixture;
  }

  test("areas show earlier years' scores", async () => {
    const { engine, actions } = await reportFixture();
    const { sheetName } = await actions.buildReviewReport(2025);

    const values = engine.getSheetValues(sheetName);
    const header = values[rowOf(values, "Area")];
    expect(header.slice(0, 5)).toEqual([
      "Area",
      "Score 2025",
      "Findings",
      "Score 2024",
      "Score 2023",
    ]);
    const channels = values[rowOf(values, REVIEW_AREA_LABELS.channels)];
    expect(channels[1]).toBe(2);
    expect(channels[2]).toBe("=Retail lags");
    expect(channels[3]).toBe(scoresFor(2024).channels.score);
    expect(channels[4]).toBe(scoresFor(2023).channels.score);
  });

  test("actions list owner and due date", async () => {
    const { engine, actions } = await reportFixture();
    const { sheetName } = await actions.buildReviewReport(2025);

    const values = engine.getSheetValues(sheetName);
    const action = values[rowOf(values, "Adjustment action") + 1];
    expect(action.slice(0, 4)).toEqual(["Renegotiate listing fees", "Ana", "2025-09-30", "Open"]);
  });

  test("trend averages each year's scores", async () => {
    const { engine, writer, actions } = await reportFixture();
    const { sheetName } = await actions.buildReviewReport(2025);

    const values = engine.getSheetValues(sheetName);
    // "Year" starts both the summary and the trend table; the trend table comes last.
    const trendHeader = values.map((cells) => cells[0]).lastIndexOf("Year");
    expect(trendHeader).toBeGreaterThan(BODY_FIRST_ROW);
    expect(values[trendHeader + 1][0]).toBe(2023);
    expect(values[trendHeader + 1][1]).toBeCloseTo(meanScore(2023), 12);
    expect(values[trendHeader + 2][1]).toBeCloseTo(meanScore(2024), 12);
    expect(values[trendHeader + 3][1]).toBe(2);
    const [chart] = writer.getCharts(sheetName);
    expect(chart.categories).toEqual({
      row: trendHeader + 1,
      column: 0,
      rowCount: 3,
      columnCount: 1,
    });
  });

  test("second run keeps one sheet", async () => {
    const { engine, store, actions } = await reportFixture();
    const first = await actions.buildReviewReport(2025);
    const sheetCount = engine.getSheetNames().length;
    const [draft] = (await store.list("review")).filter((review) => review.year === 2025);
    await store.update("review", draft.id, { participants: ["Ana", "Ben"] });

    const second = await actions.buildReviewReport(2025);

    expect(second.sheetName).toBe(first.sheetName);
    expect(engine.getSheetNames()).toHaveLength(sheetCount);
    const values = engine.getSheetValues(first.sheetName);
    expect(values[rowOf(values, "Participants")][1]).toBe("Ana, Ben");
  });

  test("missing year is rejected", async () => {
    const { actions } = await reportFixture();

    await expect(actions.buildReviewReport(2019)).rejects.toThrow("No review of 2019 exists");
  });
});

describe("buildKpiDashboard", () => {
  test("channel KPIs follow their figures", async () => {
    const { engine, store, actions, channelId } = await createActionFixture();
    await store.update("channel", channelId, {
      effectiveness: { outletsCovered: 40, salesPerOutlet: 2500, channelCost: 12000 },
    });
    const year = BUILD_TIME.getUTCFullYear();
    await store.create("target", {
      subjectType: "channel",
      subjectId: channelId,
      period: `${year}-Q1`,
      metric: "revenue",
      value: 60000,
    });
    await store.create("target", {
      subjectType: "channel",
      subjectId: channelId,
      period: `${year}-Q2`,
      metric: "revenue",
      value: 70000,
    });

    const { sheetName } = await actions.buildKpiDashboard();

    const values = engine.getSheetValues(sheetName);
    const row = values[rowOf(values, "Retail")];
    const revenue = 40 * 2500;
    const target = 60000 + 70000;
    expect(row[4]).toBe(revenue);
    expect(row[6]).toBeCloseTo(12000 / revenue, 12);
    expect(row[7]).toBe(target);
    expect(row[8]).toBeCloseTo(revenue / target, 12);
  });

  test("blank figures give blank KPIs", async () => {
    const { engine, actions } = await createActionFixture();
    const { sheetName } = await actions.buildKpiDashboard();

    const values = engine.getSheetValues(sheetName);
    const row = values[rowOf(values, "Retail")];
    expect(row[4]).toBe("");
    expect(row[6]).toBe("");
    expect(row[8]).toBe("");
  });

  test("stimulation budget variance computed", async () => {
    const { engine, store, actions, channelId } = await createActionFixture();
    await store.create("stimulationAction", {
      name: "Spring promotion",
      channelId,
      kind: "promotion",
      budget: 8000,
      actualCost: 9000,
    });

    const { sheetName } = await actions.buildKpiDashboard();

    const values = engine.getSheetValues(sheetName);
    const row = values[rowOf(values, "Spring promotion")];
    expect(row[7]).toBe(9000 - 8000);
    expect(row[8]).toBeCloseTo((9000 - 8000) / 8000, 12);
  });
});
