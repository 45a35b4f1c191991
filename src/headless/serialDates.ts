/**
 * Excel serial dates in the 1900 date system: days since 1899-12-30, with the time of day as the
 * fraction. Serials agree with Excel from 1900-03-01 on, because Excel counts a 29 February 1900
 * that did not exist.
 */

const MILLISECONDS_PER_DAY = 86_400_000;

/** 1899-12-30, day 0 of Excel's 1900 date system once past its fictitious 1900-02-29. */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/**
 * Converts a date into its Excel serial number. The date's UTC fields are read as the local date
 * and time of the workbook, which is how ExcelJS returns cell dates.
 */
export function toSerialDate(date: Date): number {
  return (date.getTime() - SERIAL_EPOCH_UTC) / MILLISECONDS_PER_DAY;
}

/** Converts an Excel serial number into a `Date` whose UTC fields are the workbook's date. */
export function fromSerialDate(serial: number): Date {
  return new Date(SERIAL_EPOCH_UTC + serial * MILLISECONDS_PER_DAY);
}
