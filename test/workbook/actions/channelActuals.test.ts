import { yearTotal } from "../../../src/workbook/actions/channelActuals";
import { createActionFixture, HISTORY_MONTHS } from "./actionFixtures";

describe("yearTotal", () => {
  // Worked by hand: values for 2024-11, 2024-12, 2025-01, 2025-02, 2025-03.
  const history = [10, 20, 30, 40, 50];

  test.each([
    [2024, { total: 30, months: 2, lastMonth: "2024-12" }],
    [2025, { total: 120, months: 3, lastMonth: "2025-03" }],
  ])("year %i of a history from 2024-11", (year, expected) => {
    expect(yearTotal(history, "2024-11", year)).toEqual(expected);
  });

  test("year outside history undefined", () => {
    expect(yearTotal(history, "2024-11", 2023)).toBeUndefined();
  });
});

describe("readChannelActuals", () => {
  test("sums the year's months", async () => {
    const fixture = await createActionFixture();
    await fixture.store.update("channel", fixture.channelId, { salesHistoryStart: "2022-01" });

    const [actual] = await fixture.actions.readChannelActuals(2024);

    // 2024 is months 25 to 36 of the history, rows 26 to 37 of the sheet.
    const expected = fixture.engine.evaluate("=SUM('Sales data'!B26:B37)");
    expect(actual).toEqual({
      channelId: fixture.channelId,
      status: "found",
      total: expect.closeTo(expected as number, 9),
      months: 12,
      lastMonth: "2024-12",
    });
  });

  test("partial year counts its months", async () => {
    const fixture = await createActionFixture();
    await fixture.store.update("channel", fixture.channelId, { salesHistoryStart: "2022-04" });

    const [actual] = await fixture.actions.readChannelActuals(2025);

    // 48 months from 2022-04 end in 2026-03; 2025 is months 34 to 45, rows 35 to 46.
    const expected = fixture.engine.evaluate("=SUM('Sales data'!B35:B46)");
    expect(actual).toMatchObject({ status: "found", months: 12, lastMonth: "2025-12" });
    expect((actual as { total: number }).total).toBeCloseTo(expected as number, 9);
    expect(HISTORY_MONTHS).toBe(48);
  });

  test("missing first month explained", async () => {
    const fixture = await createActionFixture();

    const [actual] = await fixture.actions.readChannelActuals(2024);

    expect(actual).toEqual({
      channelId: fixture.channelId,
      status: "none",
      reason: "No first month of the sales history; enter it on the Channels page.",
    });
  });

  test("unreadable source explained", async () => {
    const fixture = await createActionFixture();
    await fixture.store.update("channel", fixture.channelId, {
      salesHistoryStart: "2022-01",
      salesHistorySource: "'Sales data'!A1:B3",
    });

    const [actual] = await fixture.actions.readChannelActuals(2024);

    expect(actual).toMatchObject({ status: "none" });
    expect((actual as { reason: string }).reason).toMatch(/3 rows by 2 columns/);
  });

  test("year without sales explained", async () => {
    const fixture = await createActionFixture();
    await fixture.store.update("channel", fixture.channelId, { salesHistoryStart: "2022-01" });

    const [actual] = await fixture.actions.readChannelActuals(2030);

    expect(actual).toMatchObject({
      status: "none",
      reason: "The sales history has no month of 2030.",
    });
  });
});
