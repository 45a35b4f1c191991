/**
 * A workbook action that cannot run on the user's data (a missing history source, a history too
 * short for the chosen method). The message names what to change, and the workbook is unchanged.
 */
export class WorkbookActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookActionError";
  }
}
