/**
 * Writes the add-in icons (assets/icon-<size>.png) as RGBA PNG files: a rising bar chart on a
 * rounded tile. Pure Node (zlib for the image data), so the icons can be regenerated anywhere:
 *
 *   node scripts/make-icons.js
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const ICON_SIZES = [16, 32, 64, 80, 128];
const OUTPUT_DIR = path.join(__dirname, "..", "assets");

const TILE_COLOR = [0x10, 0x7c, 0x41, 0xff]; // Excel green
const BAR_COLOR = [0xff, 0xff, 0xff, 0xff];
const TRANSPARENT = [0, 0, 0, 0];

/** Bars of the glyph as [left, top, right] fractions of the tile; every bar ends at the base. */
const BARS = [
  [0.2, 0.58, 0.34],
  [0.43, 0.4, 0.57],
  [0.66, 0.22, 0.8],
];
const BAR_BASE = 0.8;
const CORNER_RADIUS = 0.18;

/** Table of the CRC-32 (ISO 3309) used by PNG chunks. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

/**
 * Computes the CRC-32 of a buffer.
 * @param {Buffer} bytes
 * @returns {number}
 */
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Encodes one PNG chunk: length, type, data and the CRC of type and data.
 * @param {string} type
 * @param {Buffer} data
 * @returns {Buffer}
 */
function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * True when the pixel centre (x, y), in tile fractions, lies outside the rounded corners.
 * @param {number} x
 * @param {number} y
 * @returns {boolean}
 */
function isOutsideCorner(x, y) {
  const cx = Math.min(Math.max(x, CORNER_RADIUS), 1 - CORNER_RADIUS);
  const cy = Math.min(Math.max(y, CORNER_RADIUS), 1 - CORNER_RADIUS);
  return Math.hypot(x - cx, y - cy) > CORNER_RADIUS;
}

/**
 * Returns the RGBA colour of the pixel centre (x, y), in tile fractions.
 * @param {number} x
 * @param {number} y
 * @returns {number[]}
 */
function glyphColor(x, y) {
  if (isOutsideCorner(x, y)) {
    return TRANSPARENT;
  }
  const onBar = BARS.some(
    ([left, top, right]) => x >= left && x < right && y >= top && y < BAR_BASE,
  );
  return onBar ? BAR_COLOR : TILE_COLOR;
}

/**
 * Encodes the icon of the given size as a PNG file (8-bit RGBA, filter 0 on every row).
 * @param {number} size width and height in pixels
 * @returns {Buffer}
 */
function encodeIcon(size) {
  const rowLength = 1 + size * 4;
  const raw = Buffer.alloc(rowLength * size);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const color = glyphColor((column + 0.5) / size, (row + 0.5) / size);
      raw.set(color, row * rowLength + 1 + column * 4);
    }
  }

  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, no interlace

  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    pngChunk("IHDR", header),
    pngChunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Writes every icon size into the assets folder. */
function main() {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(OUTPUT_DIR, `icon-${size}.png`);
    fs.writeFileSync(file, encodeIcon(size));
    console.log(`Wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

main();
