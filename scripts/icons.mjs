// Draws the extension icons (a blue rounded square with a white check mark)
// and writes them as PNGs to public/icons/. Run: node scripts/icons.mjs
// A tiny PNG encoder on top of node:zlib keeps this free of image libraries.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** rgba: Uint8Array of size*size*4 */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Distance from point p to segment a-b, in unit coordinates.
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function draw(size) {
  const px = new Uint8Array(size * size * 4);
  const SS = 4; // supersampling per axis for anti-aliasing
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let mark = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const u = (x + (sx + 0.5) / SS) / size;
          const v = (y + (sy + 0.5) / SS) / size;
          // rounded square, corner radius 0.2
          const qx = Math.max(Math.abs(u - 0.5) - 0.3, 0);
          const qy = Math.max(Math.abs(v - 0.5) - 0.3, 0);
          if (Math.hypot(qx, qy) <= 0.2) {
            bg++;
            const d = Math.min(segDist(u, v, 0.26, 0.52, 0.43, 0.7), segDist(u, v, 0.43, 0.7, 0.76, 0.3));
            if (d <= 0.075) mark++;
          }
        }
      }
      const n = SS * SS;
      const a = bg / n;
      const m = bg ? mark / bg : 0;
      const i = (y * size + x) * 4;
      // blue #1d4ed8 blended with white by the mark coverage
      px[i] = Math.round(0x1d + (255 - 0x1d) * m);
      px[i + 1] = Math.round(0x4e + (255 - 0x4e) * m);
      px[i + 2] = Math.round(0xd8 + (255 - 0xd8) * m);
      px[i + 3] = Math.round(255 * a);
    }
  }
  return px;
}

const outDir = new URL('../public/icons/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  writeFileSync(new URL(`icon-${size}.png`, outDir), encodePng(size, draw(size)));
}
console.log('icons written to public/icons/');
