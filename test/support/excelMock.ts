/**
 * An Excel workbook for tests, built on Microsoft's `office-addin-mock`. `OfficeMockObject`
 * provides the load/sync state of each proxy object (a property is readable only after `load`
 * and `context.sync()`), and this module adds what the mock lacks: worksheets, tables and
 * ranges held in one shared in-memory grid, the queue of commands a `RequestContext` sends on
 * `sync()`, table change events, and Excel's conversion of text typed into cells that are not
 * formatted as text.
 *
 * Several `MockExcelSession`s on one `MockExcelWorkbook` act as co-authors: each has its own
 * request context, and a change one session makes reaches the others' event handlers with
 * `source: "Remote"`.
 */
import { OfficeMockObject } from "office-addin-mock";

/**
 * Payload limit of one request or response in Excel on the web: "5MB" in Microsoft's "Resource
 * limits and performance optimization for Office Add-ins". The mock reads 5 MB as 5,000,000
 * bytes of UTF-8 JSON, the stricter reading.
 */
export const EXCEL_WEB_PAYLOAD_LIMIT_BYTES = 5_000_000;

/** A value a cell holds: text, a number, a boolean, or "" when empty. */
export type MockCellValue = string | number | boolean;

interface Cell {
  value: MockCellValue;
  numberFormat: string;
  formula?: string;
}

/** A rectangle of cells on one sheet, 0-based. */
interface Rect {
  sheet: SheetState;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

interface SheetState {
  id: string;
  name: string;
  protected: boolean;
  grid: (Cell | undefined)[][];
}

interface TableState {
  id: string;
  name: string;
  sheet: SheetState;
  /** Row of the header. */
  top: number;
  left: number;
  columnCount: number;
  /** Rows of the data body; Excel keeps at least one, empty when the table has no data. */
  bodyRowCount: number;
}

/** Error of a failed `sync()`, shaped like `OfficeExtension.Error`. */
export class MockOfficeError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
  }
}

/**
 * When table events reach the other sessions' handlers. "immediate" runs them, and waits for
 * the promises they return, before the writing session's `sync()` resolves, so every change
 * is seen before the next one is made. "automatic" delivers them on a later timer tick, and
 * "manual" keeps them queued until a test calls `deliverNext` or `deliverAll`. A session's
 * own (`source: "Local"`) events are always delivered on a later tick.
 */
export type MockEventDelivery = "immediate" | "automatic" | "manual";

/** Sizes of one `sync()`: JSON bytes of the values and formats sent and of the values read. */
export interface MockSyncRecord {
  session: string;
  requestBytes: number;
  responseBytes: number;
  /** Error code when the sync failed; a failed sync's sizes are those it attempted. */
  error?: string;
}

/** One write command as the workbook ran it. */
export interface MockWrite {
  kind: "values" | "numberFormat" | "deleteRows";
  /** Address such as `SPM_Channels!A5:K5`. */
  address: string;
}

type Handler = (args: unknown) => unknown;

interface Registration {
  session: MockExcelSession;
  event: "TableChanged" | "TableAdded" | "TableDeleted";
  /** Table id for a table's own `onChanged`; undefined for the workbook's table collection. */
  tableId?: string;
  handler: Handler;
}

interface PendingEvent {
  session: MockExcelSession;
  handler: Handler;
  args: unknown;
}

type RaisedEvent =
  | { type: "TableChanged"; table: TableState; changeType: string; rect: Rect }
  | { type: "TableAdded"; table: TableState }
  | { type: "TableDeleted"; table: TableState };

const PROPERTY_NOT_LOADED =
  "The property '%s' is not available. Before reading the property's value, call the load " +
  'method on the containing object and call "sync()" on the associated request context.';

function utf8Bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), "utf8");
}

function columnLetters(index: number): string {
  let letters = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

function rectAddress(rect: Rect): string {
  const start = `${columnLetters(rect.column)}${rect.row + 1}`;
  const end = `${columnLetters(rect.column + rect.columnCount - 1)}${rect.row + rect.rowCount}`;
  return `${rect.sheet.name}!${start}:${end}`;
}

/** Parses "A1:C2" or "B3" into a rectangle on `sheet`. */
function parseAddress(sheet: SheetState, address: string): Rect {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address.split("!").pop() ?? "");
  if (match === null) {
    throw new MockOfficeError("InvalidArgument", `The address ${address} is not valid.`);
  }
  const column = (letters: string): number =>
    [...letters].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  const left = column(match[1]);
  const top = Number(match[2]) - 1;
  const right = match[3] === undefined ? left : column(match[3]);
  const bottom = match[4] === undefined ? top : Number(match[4]) - 1;
  return {
    sheet,
    row: top,
    column: left,
    rowCount: bottom - top + 1,
    columnCount: right - left + 1,
  };
}

/** Serial number of a date in Excel's 1900 date system. */
function excelSerial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000 + 25_569;
}

const NUMBER_INPUT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/;
const DATE_INPUT = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/;

/**
 * Converts text written to a cell not formatted as text the way Excel (en-US) converts typed
 * input: a formula, a number, a date or a boolean. Formulas are not evaluated; their value is
 * the formula text behind a `#FORMULA` marker, so a test can tell that the text was not kept.
 * NOTE: whether Excel also drops a leading apostrophe in a cell formatted as text is not
 * verified; the mock keeps it there.
 */
function convertTypedText(text: string): Pick<Cell, "value" | "formula"> {
  if (text.startsWith("'")) {
    return { value: text.slice(1) };
  }
  if (/^[=@]/.test(text) || /^[+-].*[A-Za-z(]/.test(text)) {
    return { value: `#FORMULA ${text}`, formula: text };
  }
  const trimmed = text.trim();
  if (NUMBER_INPUT.test(trimmed)) {
    const percent = trimmed.endsWith("%");
    const number = Number(percent ? trimmed.slice(0, -1) : trimmed);
    return { value: percent ? number / 100 : number };
  }
  const date = DATE_INPUT.exec(trimmed);
  if (date !== null && Number(date[1]) <= 12 && Number(date[2]) <= 31) {
    const year = date[3] === undefined ? 2025 : Number(date[3]);
    return { value: excelSerial(year, Number(date[1]), Number(date[2])) };
  }
  if (/^(true|false)$/i.test(trimmed)) {
    return { value: trimmed.toLowerCase() === "true" };
  }
  return { value: text };
}

/**
 * The shared state of one workbook: sheets, cells, tables, event registrations and the queue
 * of events not yet delivered. Sessions change it only through `sync()`; tests may also set it
 * up and inspect it directly.
 */
export class MockExcelWorkbook {
  delivery: MockEventDelivery;
  /** Every `sync()` of every session, oldest first. */
  readonly syncs: MockSyncRecord[] = [];
  /** When false, a response above the payload limit is returned anyway. */
  enforceResponseLimit = true;
  /** Every cell write and row deletion of every session, oldest first. */
  readonly writeLog: MockWrite[] = [];

  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  readonly registrations: Registration[] = [];
  private readonly pending: PendingEvent[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private nextId = 1;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: { delivery?: MockEventDelivery } = {}) {
    this.delivery = options.delivery ?? "automatic";
  }

  /** Opens a session of a co-author named `name`. */
  openSession(name: string): MockExcelSession {
    return new MockExcelSession(this, name);
  }

  // Set-up and inspection for tests; these raise no events.

  /** Adds a sheet; `protected` makes every write to it fail with AccessDenied. */
  addSheet(name: string): SheetState {
    if (this.findSheet(name) !== undefined) {
      throw new MockOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
    }
    const sheet: SheetState = { id: this.newId("sheet"), name, protected: false, grid: [] };
    this.sheets.push(sheet);
    return sheet;
  }

  /** Protects or unprotects a sheet, as Review > Protect Sheet does. */
  setProtected(sheetName: string, isProtected: boolean): void {
    this.requireSheet(sheetName).protected = isProtected;
  }

  /**
   * Writes a table with `header` and `rows` at A1 of a new sheet, as a workbook saved earlier
   * would hold it. Text cells get the text format so they are stored as given.
   */
  seedTable(sheetName: string, tableName: string, header: string[], rows: MockCellValue[][]): void {
    const sheet = this.findSheet(sheetName) ?? this.addSheet(sheetName);
    const left = this.nextFreeColumn(sheet);
    [header, ...rows].forEach((values, rowIndex) =>
      values.forEach((value, columnIndex) => {
        const format = typeof value === "string" ? "@" : "General";
        this.setCell(sheet, rowIndex, left + columnIndex, { value, numberFormat: format });
      }),
    );
    const table = this.createTable(sheet, 0, left, header.length, Math.max(rows.length, 1));
    table.name = tableName;
  }

  /** Sets one cell of a sheet (0-based), keeping its number format; raises no event. */
  writeCell(sheetName: string, row: number, column: number, value: MockCellValue): void {
    const sheet = this.requireSheet(sheetName);
    const numberFormat = this.cellAt(sheet, row, column)?.numberFormat ?? "General";
    this.setCell(sheet, row, column, { value, numberFormat });
  }

  /** Swaps two body rows of a table, as a user sorting it would; raises no event. */
  swapRows(tableName: string, first: number, second: number): void {
    const table = this.requireTable(tableName);
    const grid = table.sheet.grid;
    const rowOf = (index: number): number => table.top + 1 + index;
    for (let column = table.left; column < table.left + table.columnCount; column++) {
      const above = grid[rowOf(first)]?.[column];
      const below = grid[rowOf(second)]?.[column];
      this.setCell(
        table.sheet,
        rowOf(first),
        column,
        below ?? { value: "", numberFormat: "General" },
      );
      this.setCell(
        table.sheet,
        rowOf(second),
        column,
        above ?? { value: "", numberFormat: "General" },
      );
    }
  }

  /**
   * Inserts body rows at `index` of a table, shifting the table's rows below down, as a
   * co-author inserting table rows would; raises no event.
   */
  insertRows(tableName: string, index: number, rows: MockCellValue[][]): void {
    const table = this.requireTable(tableName);
    const cells = this.bodyCells(table);
    const inserted = rows.map((values) =>
      values.map((value): Cell => ({
        value,
        numberFormat: typeof value === "string" ? "@" : "General",
      })),
    );
    cells.splice(index, 0, ...inserted);
    this.writeBodyCells(table, cells);
  }

  /** Deletes one body row of a table, as a co-author would; raises no event. */
  removeRow(tableName: string, index: number): void {
    const table = this.requireTable(tableName);
    const cells = this.bodyCells(table);
    cells.splice(index, 1);
    this.writeBodyCells(table, cells);
  }

  /** Adds a column at the right end of a table with one value per body row; raises no event. */
  addUserColumn(tableName: string, name: string, values: MockCellValue[]): void {
    const table = this.requireTable(tableName);
    const column = table.left + table.columnCount;
    this.setCell(table.sheet, table.top, column, { value: name, numberFormat: "General" });
    values.forEach((value, index) =>
      this.setCell(table.sheet, table.top + 1 + index, column, { value, numberFormat: "General" }),
    );
    table.columnCount += 1;
  }

  /** Deletes a table and its cells, as a user deleting the table's columns would. */
  deleteTable(name: string): void {
    const table = this.requireTable(name);
    this.clearRect({ ...this.tableRect(table) });
    this.tables.splice(this.tables.indexOf(table), 1);
  }

  /** Deletes a sheet and its tables. */
  deleteSheet(name: string): void {
    const sheet = this.requireSheet(name);
    for (const table of this.tables.filter((candidate) => candidate.sheet === sheet)) {
      this.tables.splice(this.tables.indexOf(table), 1);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
  }

  /** Header and body values of a table, or undefined when no table has the name. */
  readTable(name: string): { header: MockCellValue[]; rows: MockCellValue[][] } | undefined {
    const table = this.findTable(name);
    if (table === undefined) {
      return undefined;
    }
    return {
      header: this.readRect(this.headerRect(table))[0],
      rows: this.readRect(this.bodyRect(table)),
    };
  }

  /** Number formats of a table's body cells. */
  readTableFormats(name: string): string[][] {
    const table = this.requireTable(name);
    return this.mapRect(this.bodyRect(table), (cell) => cell?.numberFormat ?? "General");
  }

  /** Largest request and response payloads of the successful syncs since sync `from`. */
  largestPayloads(from = 0): { requestBytes: number; responseBytes: number } {
    const records = this.syncs.slice(from).filter((record) => record.error === undefined);
    return {
      requestBytes: Math.max(0, ...records.map((record) => record.requestBytes)),
      responseBytes: Math.max(0, ...records.map((record) => record.responseBytes)),
    };
  }

  // Event delivery.

  /** Events raised but not yet delivered, addressed by session name. */
  pendingEvents(): { session: string; type: string; source: string }[] {
    return this.pending.map((event) => {
      const args = event.args as { type: string; source: string };
      return { session: event.session.name, type: args.type, source: args.source };
    });
  }

  /** Delivers the oldest pending event, or the oldest addressed to `sessionName`. */
  async deliverNext(sessionName?: string): Promise<boolean> {
    const index = this.pending.findIndex(
      (event) => sessionName === undefined || event.session.name === sessionName,
    );
    if (index < 0) {
      return false;
    }
    const [event] = this.pending.splice(index, 1);
    await this.track(Promise.resolve(event.handler(event.args)));
    return true;
  }

  /** Delivers every pending event, newest first when `order` is "reversed". */
  async deliverAll(order: "stored" | "reversed" = "stored"): Promise<void> {
    while (this.pending.length > 0) {
      const event = order === "stored" ? this.pending.shift() : this.pending.pop();
      if (event !== undefined) {
        await this.track(Promise.resolve(event.handler(event.args)));
      }
    }
  }

  /** Resolves once no event is pending or being handled; in manual mode that needs delivery. */
  async settled(): Promise<void> {
    for (;;) {
      if (this.running.size > 0) {
        await Promise.all([...this.running]);
      } else if (this.pending.length > 0 && this.delivery !== "manual") {
        await new Promise((resolve) => setTimeout(resolve, 0));
      } else {
        return;
      }
    }
  }

  // Internals used by the sessions' proxies.

  newId(prefix: string): string {
    const id = `{${prefix}-${this.nextId}}`;
    this.nextId += 1;
    return id;
  }

  findSheet(name: string): SheetState | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  requireSheet(name: string): SheetState {
    const sheet = this.findSheet(name);
    if (sheet === undefined) {
      throw new MockOfficeError("ItemNotFound", `The sheet ${name} does not exist.`);
    }
    return sheet;
  }

  findTable(key: string): TableState | undefined {
    const lower = key.toLowerCase();
    return this.tables.find((table) => table.name.toLowerCase() === lower || table.id === key);
  }

  requireTable(key: string): TableState {
    const table = this.findTable(key);
    if (table === undefined) {
      throw new MockOfficeError("ItemNotFound", `The table ${key} does not exist.`);
    }
    return table;
  }

  headerRect(table: TableState): Rect {
    return {
      sheet: table.sheet,
      row: table.top,
      column: table.left,
      rowCount: 1,
      columnCount: table.columnCount,
    };
  }

  bodyRect(table: TableState): Rect {
    return {
      sheet: table.sheet,
      row: table.top + 1,
      column: table.left,
      rowCount: table.bodyRowCount,
      columnCount: table.columnCount,
    };
  }

  tableRect(table: TableState): Rect {
    return { ...this.headerRect(table), rowCount: table.bodyRowCount + 1 };
  }

  readRect(rect: Rect): MockCellValue[][] {
    return this.mapRect(rect, (cell) => cell?.value ?? "");
  }

  mapRect<T>(rect: Rect, read: (cell: Cell | undefined) => T): T[][] {
    const rows: T[][] = [];
    for (let row = rect.row; row < rect.row + rect.rowCount; row++) {
      const line = rect.sheet.grid[row];
      const values: T[] = new Array<T>(rect.columnCount);
      for (let column = 0; column < rect.columnCount; column++) {
        values[column] = read(line?.[rect.column + column]);
      }
      rows.push(values);
    }
    return rows;
  }

  /** Body cells of a table, row by row. */
  bodyCells(table: TableState): (Cell | undefined)[][] {
    return this.mapRect(this.bodyRect(table), (cell) => cell);
  }

  /** Replaces a table's body with `cells`, clearing the rows it no longer covers. */
  writeBodyCells(table: TableState, cells: (Cell | undefined)[][]): void {
    this.clearRect(this.bodyRect(table));
    cells.forEach((line, rowOffset) =>
      line.forEach((cell, columnOffset) => {
        if (cell !== undefined) {
          this.setCell(table.sheet, table.top + 1 + rowOffset, table.left + columnOffset, cell);
        }
      }),
    );
    table.bodyRowCount = Math.max(cells.length, 1);
  }

  setCell(sheet: SheetState, row: number, column: number, cell: Cell): void {
    const line = sheet.grid[row] ?? (sheet.grid[row] = []);
    line[column] = cell;
  }

  cellAt(sheet: SheetState, row: number, column: number): Cell | undefined {
    return sheet.grid[row]?.[column];
  }

  clearRect(rect: Rect): void {
    for (let row = rect.row; row < rect.row + rect.rowCount; row++) {
      for (let column = rect.column; column < rect.column + rect.columnCount; column++) {
        const line = rect.sheet.grid[row];
        if (line !== undefined) {
          line[column] = undefined;
        }
      }
    }
  }

  nextFreeColumn(sheet: SheetState): number {
    const ends = this.tables
      .filter((table) => table.sheet === sheet)
      .map((table) => table.left + table.columnCount + 1);
    return Math.max(0, ...ends);
  }

  createTable(
    sheet: SheetState,
    top: number,
    left: number,
    columnCount: number,
    bodyRowCount: number,
  ): TableState {
    const table: TableState = {
      id: this.newId("table"),
      name: `Table${this.tables.length + 1}`,
      sheet,
      top,
      left,
      columnCount,
      bodyRowCount,
    };
    const overlapping = this.tables.find(
      (other) =>
        other.sheet === sheet &&
        other.left < left + columnCount &&
        left < other.left + other.columnCount &&
        other.top < top + bodyRowCount + 1 &&
        top < other.top + other.bodyRowCount + 1,
    );
    if (overlapping !== undefined) {
      throw new MockOfficeError("InvalidOperation", "A table can't overlap another table.");
    }
    this.tables.push(table);
    return table;
  }

  /** Queues or runs the handlers of `events` raised by `writer`'s sync. */
  async dispatch(writer: MockExcelSession, events: RaisedEvent[]): Promise<void> {
    const immediate: PendingEvent[] = [];
    for (const event of events) {
      for (const registration of this.registrations) {
        if (!this.matches(registration, event)) {
          continue;
        }
        const source = registration.session === writer ? "Local" : "Remote";
        const pending = {
          session: registration.session,
          handler: registration.handler,
          args: this.eventArgs(event, source),
        };
        if (this.delivery === "immediate" && source === "Remote") {
          immediate.push(pending);
        } else {
          this.pending.push(pending);
        }
      }
    }
    this.scheduleDelivery();
    for (const event of immediate) {
      await this.track(Promise.resolve(event.handler(event.args)));
    }
  }

  private matches(registration: Registration, event: RaisedEvent): boolean {
    if (registration.event !== event.type) {
      return false;
    }
    return registration.tableId === undefined || registration.tableId === event.table.id;
  }

  private eventArgs(event: RaisedEvent, source: string): unknown {
    const common = { source, tableId: event.table.id, worksheetId: event.table.sheet.id };
    if (event.type === "TableChanged") {
      return {
        ...common,
        type: event.type,
        changeType: event.changeType,
        address: rectAddress(event.rect),
      };
    }
    if (event.type === "TableDeleted") {
      return { ...common, type: event.type, tableName: event.table.name };
    }
    return { ...common, type: event.type };
  }

  private scheduleDelivery(): void {
    if (this.delivery === "manual" || this.timer !== undefined || this.pending.length === 0) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.track(this.deliverAll());
    }, 0);
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.running.add(promise);
    const done = (): void => {
      this.running.delete(promise);
    };
    promise.then(done, done);
    return promise;
  }
}

/** Creates the error of a request above Excel on the web's payload limit. */
function requestTooLarge(bytes: number): MockOfficeError {
  return new MockOfficeError(
    "RequestPayloadSizeLimitExceeded",
    `The request payload of ${bytes} bytes exceeds the limit.`,
  );
}

/** A command queued on a request context, run in order on `sync()`. */
type Command = (batch: Batch) => void;

/** State of one `sync()` while its commands run. */
interface Batch {
  requestBytes: number;
  responseBytes: number;
  events: RaisedEvent[];
  loaded: { mock: OfficeMockObject; values: Record<string, unknown> }[];
}

/** Reference to a workbook object, resolved when a command runs. */
type Resolver<T> = () => T | undefined;

/** One co-author's connection: a request context over the shared workbook. */
export class MockExcelSession {
  readonly name: string;
  readonly workbookState: MockExcelWorkbook;
  /** The `Excel.RequestContext` stand-in; pass it to the code under test. */
  readonly context: MockRequestContext;

  constructor(workbook: MockExcelWorkbook, name: string) {
    this.name = name;
    this.workbookState = workbook;
    this.context = new MockRequestContext(this);
  }

  /** Number of `sync()` calls of this session so far. */
  get syncCount(): number {
    return this.workbookState.syncs.filter((record) => record.session === this.name).length;
  }
}

/**
 * The request context of one session. Proxy objects queue commands here; `sync()` runs them in
 * order against the shared workbook, fills the loaded properties and raises table events.
 */
export class MockRequestContext {
  readonly workbook: unknown;
  private readonly session: MockExcelSession;
  private queue: Command[] = [];
  /** Bytes of cell values and formats the queued commands send, known when they are queued. */
  private queuedBytes = 0;

  constructor(session: MockExcelSession) {
    this.session = session;
    this.workbook = createWorkbookProxy(this);
  }

  get state(): MockExcelWorkbook {
    return this.session.workbookState;
  }

  /** Queues a command; `bytes` is what it sends, counted against the request limit up front. */
  enqueue(command: Command, bytes = 0): void {
    this.queue.push(command);
    this.queuedBytes += bytes;
  }

  /** Queues the registration of an event handler; like Office.js it takes effect on sync. */
  register(event: Registration["event"], handler: Handler, tableId?: () => string): void {
    this.enqueue(() => {
      this.state.registrations.push({
        session: this.session,
        event,
        handler,
        tableId: tableId?.(),
      });
    });
  }

  /**
   * Runs the queued commands. As in Office.js a failing command rejects the sync, commands
   * before it stay applied and the rest are dropped. A request above the payload limit is
   * rejected whole, before any command runs, as a request Excel on the web never accepts.
   */
  async sync(): Promise<void> {
    const commands = this.queue;
    const queuedBytes = this.queuedBytes;
    this.queue = [];
    this.queuedBytes = 0;
    const batch: Batch = { requestBytes: 0, responseBytes: 0, events: [], loaded: [] };
    let failure: unknown;
    try {
      if (queuedBytes > EXCEL_WEB_PAYLOAD_LIMIT_BYTES) {
        batch.requestBytes = queuedBytes;
        throw requestTooLarge(queuedBytes);
      }
      for (const command of commands) {
        command(batch);
      }
      this.checkPayload(batch);
    } catch (error) {
      failure = error;
    }
    this.state.syncs.push({
      session: this.session.name,
      requestBytes: batch.requestBytes,
      responseBytes: batch.responseBytes,
      error: (failure as { code?: string } | undefined)?.code,
    });
    if (failure === undefined) {
      await this.fillLoaded(batch);
    }
    await this.state.dispatch(this.session, batch.events);
    if (failure !== undefined) {
      throw failure;
    }
  }

  private checkPayload(batch: Batch): void {
    if (batch.requestBytes > EXCEL_WEB_PAYLOAD_LIMIT_BYTES) {
      throw requestTooLarge(batch.requestBytes);
    }
    if (this.state.enforceResponseLimit && batch.responseBytes > EXCEL_WEB_PAYLOAD_LIMIT_BYTES) {
      throw new MockOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload of ${batch.responseBytes} bytes exceeds the limit.`,
      );
    }
  }

  /** Hands loaded values to each `OfficeMockObject` and syncs it, so reads succeed. */
  private async fillLoaded(batch: Batch): Promise<void> {
    for (const { mock, values } of batch.loaded) {
      const writable = mock as unknown as { setValue(name: string, value: unknown): void };
      for (const [name, value] of Object.entries(values)) {
        writable.setValue(name, value);
      }
      mock.load(Object.keys(values));
      await mock.sync();
    }
  }
}

/**
 * Wraps an `OfficeMockObject` so that reading a scalar property that was not loaded and synced
 * throws like Office.js, and so that assigning a settable property queues a command.
 */
function proxyOf<T extends object>(
  context: MockRequestContext,
  scalars: readonly string[],
  methods: Record<string, unknown>,
  setters: Record<string, (value: unknown) => Command> = {},
  loader?: (names: string[], batch: Batch) => Record<string, unknown>,
  autoLoad: readonly string[] = [],
): T {
  const initial: Record<string, unknown> = {};
  for (const name of scalars) {
    initial[name] = undefined;
  }
  const mock = new OfficeMockObject(initial);
  const load = (argument?: string | string[]): T => {
    const names =
      argument === undefined
        ? [...scalars]
        : (Array.isArray(argument) ? argument : argument.split(",")).map((name) => name.trim());
    mock.load(names);
    context.enqueue((batch) => {
      if (loader === undefined) {
        throw new MockOfficeError("InvalidArgument", "This object has no loadable properties.");
      }
      const values = loader(names, batch);
      batch.loaded.push({ mock, values });
    });
    return proxy;
  };
  const proxy = new Proxy(mock, {
    get(target, property) {
      if (property === "load") {
        return load;
      }
      if (typeof property === "string" && property in methods) {
        return methods[property];
      }
      if (typeof property === "string" && scalars.includes(property)) {
        const value = (target as Record<string, unknown>)[property];
        if (typeof value === "string" && value.startsWith("Error, ")) {
          throw new MockOfficeError(
            "PropertyNotLoaded",
            PROPERTY_NOT_LOADED.replace("%s", property),
          );
        }
        return value;
      }
      return Reflect.get(target, property);
    },
    set(_target, property, value) {
      const setter = typeof property === "string" ? setters[property] : undefined;
      if (setter === undefined) {
        throw new MockOfficeError(
          "InvalidArgument",
          `The property ${String(property)} is read-only.`,
        );
      }
      context.enqueue(setter(value), utf8Bytes(value));
      return true;
    },
  }) as unknown as T;
  if (autoLoad.length > 0) {
    load([...autoLoad]);
  }
  return proxy;
}

/** Event source objects (`onChanged`, `onAdded`, `onDeleted`) of one table or collection. */
function eventSource(
  context: MockRequestContext,
  event: Registration["event"],
  tableId?: () => string,
): { add(handler: Handler): { remove(): void } } {
  return {
    add(handler: Handler) {
      context.register(event, handler, tableId);
      return {
        remove: () =>
          context.enqueue(() => {
            const registrations = context.state.registrations;
            const index = registrations.findIndex((entry) => entry.handler === handler);
            if (index >= 0) {
              registrations.splice(index, 1);
            }
          }),
      };
    },
  };
}

function createWorkbookProxy(context: MockRequestContext): unknown {
  const state = (): MockExcelWorkbook => context.state;
  const worksheets = {
    getItemOrNullObject: (name: string) => createSheetProxy(context, () => state().findSheet(name)),
    getItem: (name: string) => createSheetProxy(context, () => state().requireSheet(name)),
    add: (name: string) => {
      let created: SheetState | undefined;
      context.enqueue(() => {
        created = state().addSheet(name);
      });
      return createSheetProxy(context, () => created);
    },
  };
  const tables = {
    getItemOrNullObject: (key: string) => createTableProxy(context, () => state().findTable(key)),
    getItem: (key: string) => createTableProxy(context, () => state().requireTable(key)),
    onAdded: eventSource(context, "TableAdded"),
    onDeleted: eventSource(context, "TableDeleted"),
  };
  return { worksheets, tables };
}

function requireResolved<T>(resolve: Resolver<T>, what: string): T {
  const value = resolve();
  if (value === undefined) {
    throw new MockOfficeError("ItemNotFound", `The requested ${what} does not exist.`);
  }
  return value;
}

function requireWritable(sheet: SheetState): void {
  if (sheet.protected) {
    throw new MockOfficeError(
      "AccessDenied",
      `The cell or chart you're trying to change is on the protected sheet ${sheet.name}.`,
    );
  }
}

function createSheetProxy(context: MockRequestContext, resolve: Resolver<SheetState>): unknown {
  const state = context.state;
  const sheet = (): SheetState => requireResolved(resolve, "worksheet");
  const rangeAt = (rect: Resolver<Rect>): unknown => createRangeProxy(context, rect);
  const protection = proxyOf(context, ["protected"], {}, {}, () => ({
    protected: resolve()?.protected ?? null,
  }));
  const tables = {
    add: (address: string, hasHeaders: boolean) => {
      let created: TableState | undefined;
      context.enqueue((batch) => {
        const target = sheet();
        requireWritable(target);
        const rect = parseAddress(target, address);
        if (!hasHeaders) {
          throw new MockOfficeError("NotImplemented", "The mock only adds tables with headers.");
        }
        created = state.createTable(
          target,
          rect.row,
          rect.column,
          rect.columnCount,
          Math.max(rect.rowCount - 1, 1),
        );
        batch.events.push({ type: "TableAdded", table: created });
      });
      return createTableProxy(context, () => created);
    },
  };
  return proxyOf(
    context,
    ["name", "id", "isNullObject"],
    {
      protection,
      tables,
      getRange: (address: string) => rangeAt(() => parseAddress(sheet(), address)),
      getRangeByIndexes: (row: number, column: number, rowCount: number, columnCount: number) =>
        rangeAt(() => ({ sheet: sheet(), row, column, rowCount, columnCount })),
      getUsedRangeOrNullObject: () => rangeAt(() => usedRect(resolve())),
    },
    {},
    (names) => {
      const found = resolve();
      return pick(names, {
        isNullObject: found === undefined,
        name: found?.name,
        id: found?.id,
      });
    },
    ["isNullObject"],
  );
}

/** Returns the smallest rectangle from A1 that contains every non-empty cell, or undefined. */
function usedRect(sheet: SheetState | undefined): Rect | undefined {
  if (sheet === undefined) {
    return undefined;
  }
  let rowCount = 0;
  let columnCount = 0;
  sheet.grid.forEach((line, row) =>
    line?.forEach((cell, column) => {
      if (cell !== undefined && cell.value !== "") {
        rowCount = Math.max(rowCount, row + 1);
        columnCount = Math.max(columnCount, column + 1);
      }
    }),
  );
  return rowCount === 0 ? undefined : { sheet, row: 0, column: 0, rowCount, columnCount };
}

function pick(names: string[], values: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of names) {
    if (!(name in values)) {
      throw new MockOfficeError("InvalidArgument", `The mock cannot load ${name}.`);
    }
    picked[name] = values[name];
  }
  return picked;
}

function createTableProxy(context: MockRequestContext, resolve: Resolver<TableState>): unknown {
  const state = context.state;
  const table = (): TableState => requireResolved(resolve, "table");
  // NOTE: a range taken from a null object is a null object here. That is the mock's reading
  // of Office.js's documentation of *OrNullObject methods, not checked in Excel.
  const withTable = (rectOf: (found: TableState) => Rect): Rect | undefined => {
    const found = resolve();
    return found === undefined ? undefined : rectOf.call(state, found);
  };
  const columns = {
    add: (index: number | null | undefined, values: unknown, name: string) => {
      context.enqueue((batch) => {
        const target = table();
        requireWritable(target.sheet);
        if ((index !== null && index !== undefined) || values !== undefined) {
          throw new MockOfficeError("NotImplemented", "The mock only appends empty columns.");
        }
        const column = target.left + target.columnCount;
        const text = { value: name, numberFormat: "General" };
        state.setCell(target.sheet, target.top, column, text);
        target.columnCount += 1;
        batch.requestBytes += utf8Bytes(name);
        batch.events.push({
          type: "TableChanged",
          table: target,
          changeType: "ColumnInserted",
          rect: { ...state.tableRect(target), column, columnCount: 1 },
        });
      });
    },
  };
  const worksheet = createSheetProxy(context, () => resolve()?.sheet);
  return proxyOf(
    context,
    ["name", "id", "isNullObject"],
    {
      columns,
      worksheet,
      onChanged: eventSource(context, "TableChanged", () => table().id),
      getHeaderRowRange: () => createRangeProxy(context, () => withTable(state.headerRect)),
      getDataBodyRange: () => createRangeProxy(context, () => withTable(state.bodyRect)),
      getRange: () => createRangeProxy(context, () => withTable(state.tableRect)),
    },
    {
      name: (value) => () => {
        const target = table();
        const name = String(value);
        const clash = state.findTable(name);
        if (clash !== undefined && clash !== target) {
          throw new MockOfficeError("ItemAlreadyExists", `A table named ${name} already exists.`);
        }
        target.name = name;
      },
    },
    (names) => {
      const found = resolve();
      return pick(names, { isNullObject: found === undefined, name: found?.name, id: found?.id });
    },
    ["isNullObject"],
  );
}

/** Tables whose columns contain all of `rect`'s columns and whose body `rect` touches or adjoins. */
function affectedTables(state: MockExcelWorkbook, rect: Rect): TableState[] {
  return state.tables.filter(
    (table) =>
      table.sheet === rect.sheet &&
      rect.column < table.left + table.columnCount &&
      table.left < rect.column + rect.columnCount &&
      rect.row <= table.top + table.bodyRowCount + 1 &&
      table.top <= rect.row + rect.rowCount - 1,
  );
}

function writeCells(
  context: MockRequestContext,
  batch: Batch,
  rect: Rect,
  values: unknown,
  write: (cell: Cell | undefined, value: unknown) => Cell | undefined,
): void {
  const state = context.state;
  requireWritable(rect.sheet);
  if (
    !Array.isArray(values) ||
    values.length !== rect.rowCount ||
    values.some((row) => !Array.isArray(row) || row.length !== rect.columnCount)
  ) {
    throw new MockOfficeError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions " +
        "of the range.",
    );
  }
  batch.requestBytes += utf8Bytes(values);
  state.writeLog.push({
    kind: write === storeValue ? "values" : "numberFormat",
    address: rectAddress(rect),
  });
  (values as unknown[][]).forEach((row, rowOffset) =>
    row.forEach((value, columnOffset) => {
      const position = [rect.sheet, rect.row + rowOffset, rect.column + columnOffset] as const;
      const next = write(state.cellAt(...position), value);
      if (next !== undefined) {
        state.setCell(...position, next);
      }
    }),
  );
  for (const table of affectedTables(state, rect)) {
    const bodyEnd = table.top + table.bodyRowCount + 1;
    const inside =
      rect.column >= table.left && rect.column + rect.columnCount <= table.left + table.columnCount;
    if (rect.row === bodyEnd && inside) {
      // Values written in the row just below a table extend it, as Excel's table
      // auto-expansion does for entries adjacent to a table.
      table.bodyRowCount += rect.rowCount;
      batch.events.push({ type: "TableChanged", table, changeType: "RowInserted", rect });
    } else if (rect.row < bodyEnd) {
      batch.events.push({ type: "TableChanged", table, changeType: "RangeEdited", rect });
    }
  }
}

/** Stores a written value as Excel would, given the cell's number format. */
function storeValue(cell: Cell | undefined, value: unknown): Cell | undefined {
  if (value === null) {
    return undefined;
  }
  const numberFormat = cell?.numberFormat ?? "General";
  if (typeof value === "number" || typeof value === "boolean") {
    return { value, numberFormat };
  }
  const text = String(value);
  if (numberFormat === "@" || text === "") {
    return { value: text, numberFormat };
  }
  return { ...convertTypedText(text), numberFormat };
}

function storeFormat(cell: Cell | undefined, format: unknown): Cell | undefined {
  if (format === null) {
    return undefined;
  }
  return { value: cell?.value ?? "", formula: cell?.formula, numberFormat: String(format) };
}

/** Deletes whole table body rows and shifts the cells below them up. */
function deleteRows(context: MockRequestContext, batch: Batch, rect: Rect): void {
  const state = context.state;
  requireWritable(rect.sheet);
  const table = state.tables.find(
    (candidate) =>
      candidate.sheet === rect.sheet &&
      candidate.left === rect.column &&
      candidate.columnCount === rect.columnCount &&
      rect.row > candidate.top &&
      rect.row + rect.rowCount <= candidate.top + candidate.bodyRowCount + 1,
  );
  if (table === undefined) {
    throw new MockOfficeError("NotImplemented", "The mock deletes only whole table body rows.");
  }
  state.writeLog.push({ kind: "deleteRows", address: rectAddress(rect) });
  const grid = rect.sheet.grid;
  const lastRow = grid.length;
  for (let row = rect.row; row < lastRow; row++) {
    for (let column = rect.column; column < rect.column + rect.columnCount; column++) {
      const source = grid[row + rect.rowCount]?.[column];
      const line = grid[row] ?? (grid[row] = []);
      line[column] = source;
    }
  }
  table.bodyRowCount -= rect.rowCount;
  if (table.bodyRowCount === 0) {
    table.bodyRowCount = 1;
  }
  batch.events.push({ type: "TableChanged", table, changeType: "RowDeleted", rect });
}

/**
 * Creates a range proxy. Like Office.js, the mock binds the range to cells where the command that
 * creates it runs in the batch, so a range below a table keeps its cells when a write in the
 * same batch grows the table.
 */
function createRangeProxy(context: MockRequestContext, locate: Resolver<Rect>): unknown {
  const state = context.state;
  let bound: { rect: Rect | undefined } | undefined;
  context.enqueue(() => {
    bound = { rect: locate() };
  });
  const resolve: Resolver<Rect> = () => (bound === undefined ? locate() : bound.rect);
  const rect = (): Rect => requireResolved(resolve, "range");
  const derived = (shape: (found: Rect) => Rect | undefined): unknown =>
    createRangeProxy(context, () => {
      const found = resolve();
      return found === undefined ? undefined : shape(found);
    });
  return proxyOf(
    context,
    [
      "values",
      "numberFormat",
      "address",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "isNullObject",
    ],
    {
      getRow: (index: number) =>
        derived((found) => ({ ...found, row: found.row + index, rowCount: 1 })),
      getColumn: (index: number) =>
        derived((found) => ({ ...found, column: found.column + index, columnCount: 1 })),
      getCell: (row: number, column: number) =>
        derived((found) => ({
          ...found,
          row: found.row + row,
          column: found.column + column,
          rowCount: 1,
          columnCount: 1,
        })),
      getResizedRange: (rows: number, columns: number) =>
        derived((found) => ({
          ...found,
          rowCount: found.rowCount + rows,
          columnCount: found.columnCount + columns,
        })),
      getOffsetRange: (rows: number, columns: number) =>
        derived((found) => ({ ...found, row: found.row + rows, column: found.column + columns })),
      findOrNullObject: (text: string, criteria: MockSearchCriteria = {}) =>
        derived((found) => findCell(found, text, criteria)),
      find: (text: string, criteria: MockSearchCriteria = {}) =>
        derived((found) => {
          const cell = findCell(found, text, criteria);
          if (cell === undefined) {
            throw new MockOfficeError("ItemNotFound", `The text ${text} was not found.`);
          }
          return cell;
        }),
      getRowsBelow: (count = 1) =>
        derived((found) => ({ ...found, row: found.row + found.rowCount, rowCount: count })),
      delete: (shift: string) =>
        context.enqueue((batch) => {
          if (shift !== "Up") {
            throw new MockOfficeError(
              "NotImplemented",
              "The mock deletes rows with shift Up only.",
            );
          }
          deleteRows(context, batch, rect());
        }),
    },
    {
      values: (values) => (batch) => writeCells(context, batch, rect(), values, storeValue),
      numberFormat: (formats) => (batch) =>
        writeCells(context, batch, rect(), formats, storeFormat),
    },
    (names, batch) => {
      const found = resolve();
      const all: Record<string, () => unknown> = {
        values: () => found && state.readRect(found),
        numberFormat: () =>
          found && state.mapRect(found, (cell) => cell?.numberFormat ?? "General"),
        address: () => found && rectAddress(found),
        rowIndex: () => found?.row,
        columnIndex: () => found?.column,
        rowCount: () => found?.rowCount,
        columnCount: () => found?.columnCount,
        isNullObject: () => found === undefined,
      };
      const values: Record<string, unknown> = {};
      for (const name of names) {
        if (!(name in all)) {
          throw new MockOfficeError("InvalidArgument", `The mock cannot load ${name}.`);
        }
        values[name] = all[name]();
      }
      if (values.values !== undefined) {
        batch.responseBytes += utf8Bytes(values.values);
      }
      return values;
    },
    ["isNullObject"],
  );
}

/** The options of `Range.find` and `Range.findOrNullObject` the mock supports. */
interface MockSearchCriteria {
  completeMatch?: boolean;
  matchCase?: boolean;
  searchDirection?: "Forward" | "Backwards";
}

/**
 * First cell of `rect` whose text matches `text`, row by row, or undefined. As Office.js
 * documents for `Range.find`, a single-cell range searches its whole sheet.
 */
function findCell(rect: Rect, text: string, criteria: MockSearchCriteria): Rect | undefined {
  if (criteria.searchDirection === "Backwards") {
    throw new MockOfficeError("NotImplemented", "The mock searches forward only.");
  }
  const area = rect.rowCount === 1 && rect.columnCount === 1 ? sheetRect(rect.sheet) : rect;
  const fold = (value: string): string => (criteria.matchCase ? value : value.toLowerCase());
  const wanted = fold(text);
  for (let row = area.row; row < area.row + area.rowCount; row++) {
    for (let column = area.column; column < area.column + area.columnCount; column++) {
      const value = fold(String(area.sheet.grid[row]?.[column]?.value ?? ""));
      const matches = criteria.completeMatch ? value === wanted : value.includes(wanted);
      if (matches && value !== "") {
        return { sheet: area.sheet, row, column, rowCount: 1, columnCount: 1 };
      }
    }
  }
  return undefined;
}

/** Returns the rectangle from A1 to the sheet's last written cell. */
function sheetRect(sheet: SheetState): Rect {
  const columnCount = Math.max(0, ...sheet.grid.map((line) => line?.length ?? 0));
  return { sheet, row: 0, column: 0, rowCount: sheet.grid.length, columnCount };
}

/** Returns the session's request context typed as Office.js's, for the code under test. */
export function excelContext(session: MockExcelSession): Excel.RequestContext {
  return session.context as unknown as Excel.RequestContext;
}
