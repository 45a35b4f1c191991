/** A one-line progress bar for a terminal, redrawn in place with a carriage return. */

/** The part of a writable stream the command uses: `process.stdout` and `process.stderr` fit. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Characters between the brackets of the bar. */
const BAR_WIDTH = 30;

/** ANSI "erase in line" from the cursor to the end of the line. */
const ERASE_LINE = "\x1b[K";

/**
 * Progress of `total` items on `stream`. It draws only when the stream is a terminal, and redraws
 * only when the shown percentage changes, so a long run writes at most about 100 updates.
 */
export class ProgressBar {
  private done = 0;
  private shownPercent = -1;
  private readonly active: boolean;

  constructor(
    private readonly stream: OutputStream,
    private readonly total: number,
    private readonly label: string,
  ) {
    this.active = stream.isTTY === true && total > 0;
  }

  /** Counts one more finished item and redraws when the percentage changed. */
  advance(): void {
    this.done += 1;
    const percent = Math.floor((100 * this.done) / this.total);
    if (this.active && percent !== this.shownPercent) {
      this.shownPercent = percent;
      this.draw();
    }
  }

  /** Writes a line of text above the bar, which is then redrawn. */
  writeLine(text: string): void {
    if (!this.active) {
      this.stream.write(text + "\n");
      return;
    }
    this.stream.write(`\r${ERASE_LINE}${text}\n`);
    this.draw();
  }

  /** Erases the bar, so later output starts on a clean line. */
  finish(): void {
    if (this.active) {
      this.stream.write(`\r${ERASE_LINE}`);
    }
  }

  private draw(): void {
    const filled = Math.round((BAR_WIDTH * this.done) / this.total);
    const bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
    this.stream.write(`\r${this.label} [${bar}] ${this.done}/${this.total}`);
  }
}
