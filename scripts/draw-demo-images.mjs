// One-off generator for the demo story images in prisma/seed/images/.
// The resulting JPEGs are committed to the repo, so this script does NOT need to
// run during install, build or seeding. To regenerate them (sharp must be
// resolvable, e.g. installed temporarily outside the repo and exposed via NODE_PATH):
//   node scripts/draw-demo-images.mjs
// Every picture is an abstract SVG illustration without text (no fonts needed),
// rasterised to a 960x540 JPEG.

import { mkdirSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const W = 960;
const H = 540;
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "prisma", "seed", "images");

/** Small deterministic PRNG (mulberry32) so the output is reproducible. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r1 = (n) => Math.round(n * 10) / 10;

function linear(id, stops, x2 = 0, y2 = 1) {
  const s = stops
    .map(([off, color, op = 1]) => `<stop offset="${off}" stop-color="${color}" stop-opacity="${op}"/>`)
    .join("");
  return `<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}">${s}</linearGradient>`;
}

function radial(id, stops, cx = 0.5, cy = 0.5, r = 0.5) {
  const s = stops
    .map(([off, color, op = 1]) => `<stop offset="${off}" stop-color="${color}" stop-opacity="${op}"/>`)
    .join("");
  return `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${s}</radialGradient>`;
}

function svg(defs, body) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><defs>${defs}</defs>${body}</svg>`;
}

/** Grid of windows inside a building rectangle. */
function windows(rand, x, y, w, h, opts) {
  const { cols, rows, lit = "#ffe9a8", dark = "#2b3550", p = 0.5, pad = 8 } = opts;
  const cw = (w - pad * 2) / cols;
  const rh = (h - pad * 2) / rows;
  let out = "";
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) {
      const on = rand() < p;
      out += `<rect x="${r1(x + pad + c * cw + cw * 0.18)}" y="${r1(y + pad + r * rh + rh * 0.2)}" width="${r1(cw * 0.64)}" height="${r1(rh * 0.6)}" fill="${on ? lit : dark}" opacity="${on ? 0.95 : 0.7}"/>`;
    }
  }
  return out;
}

function tree(x, y, s, leaf = "#3f9d5a", trunk = "#6b4a2f") {
  return `<rect x="${r1(x - 3 * s)}" y="${r1(y - 22 * s)}" width="${r1(6 * s)}" height="${r1(22 * s)}" fill="${trunk}"/>` +
    `<circle cx="${x}" cy="${r1(y - 34 * s)}" r="${r1(18 * s)}" fill="${leaf}"/>` +
    `<circle cx="${r1(x - 11 * s)}" cy="${r1(y - 26 * s)}" r="${r1(12 * s)}" fill="${leaf}" opacity="0.9"/>` +
    `<circle cx="${r1(x + 11 * s)}" cy="${r1(y - 26 * s)}" r="${r1(12 * s)}" fill="${leaf}" opacity="0.9"/>`;
}

// ---------------------------------------------------------------------------
// Scenes
// ---------------------------------------------------------------------------

const scenes = {
  /** Sunset skyline with glass towers, a lab campus and a helix motif. */
  "goyang-free-zone": () => {
    const rand = rng(11);
    const defs =
      linear("sky", [[0, "#1d3b6e"], [0.55, "#e9826a"], [1, "#f8c98a"]]) +
      linear("glass", [[0, "#8fd3f4"], [1, "#3a6ea5"]], 1, 1) +
      linear("glass2", [[0, "#b8e6ff"], [1, "#557fb8"]], 1, 1) +
      linear("ground", [[0, "#3d5a40"], [1, "#22352a"]]) +
      radial("sun", [[0, "#fff4cf"], [0.5, "#ffd27a", 0.9], [1, "#ffb36b", 0]]);
    let b = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
    b += `<circle cx="700" cy="330" r="170" fill="url(#sun)"/>`;
    // distant skyline
    let x = 0;
    while (x < W) {
      const w = 40 + rand() * 50;
      const h = 80 + rand() * 120;
      b += `<rect x="${r1(x)}" y="${r1(420 - h)}" width="${r1(w)}" height="${r1(h)}" fill="#4b4f7a" opacity="0.55"/>`;
      x += w + 4;
    }
    // main towers
    const towers = [
      [90, 150, 95, 270, "glass"],
      [205, 210, 70, 210, "glass2"],
      [300, 110, 85, 310, "glass"],
      [600, 170, 80, 250, "glass2"],
      [700, 120, 110, 300, "glass"],
      [830, 200, 75, 220, "glass2"],
    ];
    for (const [tx, ty, tw, th, g] of towers) {
      b += `<rect x="${tx}" y="${ty}" width="${tw}" height="${th}" fill="url(#${g})"/>`;
      b += `<polygon points="${tx},${ty} ${tx + tw},${ty} ${tx + tw},${ty + th}" fill="#ffffff" opacity="0.12"/>`;
      b += windows(rand, tx, ty, tw, th, { cols: 4, rows: Math.round(th / 28), lit: "#fff1c2", dark: "#2f5488", p: 0.3 });
    }
    // low lab campus with curved roof
    b += `<path d="M400 420 L400 330 Q490 280 580 330 L580 420 Z" fill="#e8eef5"/>`;
    b += `<path d="M400 330 Q490 280 580 330" stroke="#7fb7c9" stroke-width="6" fill="none"/>`;
    for (let i = 0; i < 6; i++) b += `<rect x="${412 + i * 28}" y="350" width="18" height="50" fill="#7fb7c9" opacity="0.8"/>`;
    // helix motif
    for (let i = 0; i < 14; i++) {
      const yy = 120 + i * 13;
      const dx = Math.sin(i * 0.7) * 22;
      b += `<line x1="${r1(490 - dx)}" y1="${yy}" x2="${r1(490 + dx)}" y2="${yy}" stroke="#ffffff" stroke-width="2" opacity="0.55"/>`;
      b += `<circle cx="${r1(490 - dx)}" cy="${yy}" r="4" fill="#8ef0d0"/><circle cx="${r1(490 + dx)}" cy="${yy}" r="4" fill="#ffd36e"/>`;
    }
    b += `<rect y="420" width="${W}" height="120" fill="url(#ground)"/>`;
    for (let i = 0; i < 16; i++) b += tree(30 + i * 62, 470 + (i % 2) * 14, 0.9, i % 3 ? "#4fae6b" : "#3c8f58");
    b += `<path d="M0 520 L960 500 L960 540 L0 540 Z" fill="#1a2a20"/>`;
    return svg(defs, b);
  },

  /** Council chamber: semicircular seating facing a podium. */
  "council-budget-debate": () => {
    const defs =
      linear("wall", [[0, "#f3e6cf"], [1, "#d9c09a"]]) +
      linear("floor", [[0, "#7a4b2a"], [1, "#4a2c18"]]) +
      radial("lamp", [[0, "#fff7dd", 0.9], [1, "#fff7dd", 0]]);
    let b = `<rect width="${W}" height="${H}" fill="url(#wall)"/>`;
    for (let i = 0; i < 9; i++) b += `<rect x="${40 + i * 105}" y="20" width="60" height="200" rx="30" fill="#c9ab7c" opacity="0.5"/>`;
    b += `<ellipse cx="480" cy="70" rx="260" ry="90" fill="url(#lamp)"/>`;
    b += `<rect y="250" width="${W}" height="290" fill="url(#floor)"/>`;
    // podium back wall
    b += `<rect x="330" y="120" width="300" height="140" fill="#8c2f39"/>`;
    b += `<circle cx="480" cy="175" r="34" fill="#e8c66a"/><circle cx="480" cy="175" r="24" fill="#8c2f39"/><circle cx="480" cy="175" r="12" fill="#e8c66a"/>`;
    b += `<rect x="390" y="230" width="180" height="60" fill="#5a3320"/><rect x="390" y="230" width="180" height="8" fill="#a5714a"/>`;
    // seats in arcs
    const cx = 480;
    const cy = 250;
    const rows = [170, 230, 290];
    rows.forEach((rad, ri) => {
      const n = 9 + ri * 3;
      for (let i = 0; i < n; i++) {
        const a = Math.PI * (0.12 + (0.76 * i) / (n - 1));
        const x = cx - Math.cos(a) * rad * 1.5;
        const y = cy + Math.sin(a) * rad * 0.85;
        const col = ri % 2 ? "#2f6f8f" : "#35805f";
        b += `<rect x="${r1(x - 18)}" y="${r1(y - 12)}" width="36" height="26" rx="6" fill="${col}"/>`;
        b += `<rect x="${r1(x - 20)}" y="${r1(y + 12)}" width="40" height="8" rx="3" fill="#c39463"/>`;
      }
    });
    return svg(defs, b);
  },

  /** Row of small shops with striped awnings. */
  "small-business-rent-support": () => {
    const defs =
      linear("sky", [[0, "#9fd8f0"], [1, "#e6f6fb"]]) +
      linear("street", [[0, "#b7b1a8"], [1, "#8c867d"]]);
    let b = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
    b += `<circle cx="120" cy="90" r="40" fill="#fff6c9"/>`;
    b += `<ellipse cx="300" cy="80" rx="70" ry="22" fill="#ffffff" opacity="0.9"/><ellipse cx="720" cy="60" rx="90" ry="26" fill="#ffffff" opacity="0.85"/>`;
    const shops = [
      ["#f28b82", "#fff", "#f7d7c4"],
      ["#6cc3a0", "#fff", "#f2e6c9"],
      ["#f6bf4f", "#fff", "#e7d3f0"],
      ["#6fa8dc", "#fff", "#f5e1c8"],
      ["#c27ba0", "#fff", "#dff1e4"],
    ];
    const sw = W / shops.length;
    shops.forEach(([a1, a2, wall], i) => {
      const x = i * sw;
      const top = 130 + (i % 2) * 30;
      b += `<rect x="${r1(x + 4)}" y="${top}" width="${r1(sw - 8)}" height="${410 - top}" fill="${wall}"/>`;
      b += `<rect x="${r1(x + 4)}" y="${top}" width="${r1(sw - 8)}" height="14" fill="#7d6b5d"/>`;
      // upper windows
      b += `<rect x="${r1(x + 30)}" y="${top + 30}" width="50" height="50" fill="#8fb9d6"/><rect x="${r1(x + sw - 80)}" y="${top + 30}" width="50" height="50" fill="#8fb9d6"/>`;
      // awning stripes
      const stripes = 8;
      const stw = (sw - 8) / stripes;
      for (let s = 0; s < stripes; s++) {
        b += `<path d="M${r1(x + 4 + s * stw)} 270 L${r1(x + 4 + (s + 1) * stw)} 270 L${r1(x + 4 + (s + 1) * stw + 6)} 310 L${r1(x + 4 + s * stw + 6)} 310 Z" fill="${s % 2 ? a2 : a1}"/>`;
      }
      for (let s = 0; s < stripes; s++) {
        b += `<circle cx="${r1(x + 4 + s * stw + stw / 2 + 3)}" cy="310" r="${r1(stw / 2)}" fill="${s % 2 ? a2 : a1}"/>`;
      }
      // shop window + door
      b += `<rect x="${r1(x + 20)}" y="330" width="${r1(sw * 0.5)}" height="70" fill="#fdf3d8" stroke="#7d6b5d" stroke-width="4"/>`;
      b += `<rect x="${r1(x + sw * 0.62)}" y="325" width="${r1(sw * 0.25)}" height="85" fill="#8a5a3c"/>`;
      b += `<circle cx="${r1(x + sw * 0.66)}" cy="370" r="3" fill="#f5d37a"/>`;
      // goods in window
      for (let g = 0; g < 4; g++) b += `<circle cx="${r1(x + 36 + g * sw * 0.11)}" cy="380" r="9" fill="${[a1, "#8bc34a", "#ffb74d", "#90a4ae"][g]}"/>`;
    });
    b += `<rect y="410" width="${W}" height="130" fill="url(#street)"/>`;
    b += `<rect y="410" width="${W}" height="16" fill="#d6d0c6"/>`;
    for (let i = 0; i < 12; i++) b += `<rect x="${i * 90 + 20}" y="480" width="50" height="8" fill="#f4f1ea" opacity="0.8"/>`;
    return svg(defs, b);
  },

  /** Transit map style lines with stations and a train. */
  "subway-extension": () => {
    const defs =
      linear("bg", [[0, "#0f2233"], [1, "#17364d"]], 1, 1) +
      radial("glow", [[0, "#2f7fb8", 0.45], [1, "#2f7fb8", 0]]);
    let b = `<rect width="${W}" height="${H}" fill="url(#bg)"/>`;
    b += `<circle cx="700" cy="160" r="300" fill="url(#glow)"/>`;
    for (let x = 0; x < W; x += 40) b += `<line x1="${x}" y1="0" x2="${x}" y2="${H}" stroke="#ffffff" stroke-opacity="0.04"/>`;
    for (let y = 0; y < H; y += 40) b += `<line x1="0" y1="${y}" x2="${W}" y2="${y}" stroke="#ffffff" stroke-opacity="0.04"/>`;
    const lines = [
      ["#3fb37f", "M-20 420 L220 420 Q260 420 290 390 L420 260 Q450 230 490 230 L980 230"],
      ["#f29c38", "M120 -20 L120 160 Q120 200 160 200 L560 200 Q600 200 630 230 L760 360 Q790 390 830 390 L980 390"],
      ["#4a90e2", "M-20 300 L340 300 Q380 300 380 340 L380 560"],
    ];
    for (const [c, d] of lines) b += `<path d="${d}" stroke="${c}" stroke-width="14" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;
    // the new extension (dashed)
    b += `<path d="M760 230 Q820 230 840 180 L900 60" stroke="#e84a5f" stroke-width="14" fill="none" stroke-dasharray="26 14" stroke-linecap="round"/>`;
    const stations = [[60, 420], [220, 420], [350, 330], [490, 230], [620, 230], [760, 230], [120, 120], [300, 200], [560, 200], [700, 300], [900, 390], [200, 300], [380, 440], [830, 195], [868, 125], [900, 60]];
    for (const [x, y] of stations) b += `<circle cx="${x}" cy="${y}" r="11" fill="#ffffff" stroke="#0f2233" stroke-width="4"/>`;
    // train
    b += `<g transform="translate(470 440) rotate(-8)">`;
    b += `<rect x="0" y="0" width="380" height="70" rx="30" fill="#e9eef2"/><rect x="0" y="46" width="380" height="10" fill="#e84a5f"/>`;
    for (let i = 0; i < 6; i++) b += `<rect x="${40 + i * 52}" y="14" width="36" height="24" rx="4" fill="#27475f"/>`;
    b += `<path d="M350 8 Q380 20 380 40 L340 40 Z" fill="#27475f"/></g>`;
    return svg(defs, b);
  },

  /** Apartment blocks at dusk with many lit windows. */
  "youth-housing-lottery": () => {
    const rand = rng(5);
    const defs =
      linear("sky", [[0, "#2a1f4f"], [0.6, "#7a4f8f"], [1, "#f3a683"]]) +
      linear("blk", [[0, "#d8d3e8"], [1, "#9c95b8"]], 1, 0) +
      linear("blk2", [[0, "#f2e3cf"], [1, "#c4ab91"]], 1, 0);
    let b = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
    for (let i = 0; i < 40; i++) b += `<circle cx="${r1(rand() * W)}" cy="${r1(rand() * 180)}" r="${r1(0.8 + rand() * 1.4)}" fill="#fff" opacity="${r1(0.4 + rand() * 0.6)}"/>`;
    b += `<circle cx="820" cy="90" r="34" fill="#fff3d6"/><circle cx="834" cy="80" r="30" fill="#5b3f7c" opacity="0.9"/>`;
    const blocks = [
      [40, 170, 170, 330, "blk"],
      [240, 120, 150, 380, "blk2"],
      [420, 200, 200, 300, "blk"],
      [650, 140, 150, 360, "blk2"],
      [830, 220, 120, 280, "blk"],
    ];
    for (const [x, y, w, h, g] of blocks) {
      b += `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#${g})"/>`;
      b += `<rect x="${x - 6}" y="${y - 10}" width="${w + 12}" height="12" fill="#6d6590"/>`;
      b += windows(rand, x, y, w, h, { cols: Math.round(w / 32), rows: Math.round(h / 30), lit: "#ffd27d", dark: "#5a5378", p: 0.6 });
    }
    b += `<rect y="500" width="${W}" height="40" fill="#2f2a45"/>`;
    for (let i = 0; i < 10; i++) b += tree(60 + i * 100, 510, 0.8, "#2f5d4a", "#3b2c25");
    return svg(defs, b);
  },

  /** Night market: stalls under strings of lanterns. */
  "traditional-market-festival": () => {
    const rand = rng(21);
    const defs =
      linear("sky", [[0, "#0e1330"], [1, "#33264f"]]) +
      radial("lg", [[0, "#ffe08a", 0.85], [1, "#ff9f43", 0]]) +
      linear("road", [[0, "#4a3b3a"], [1, "#2a2122"]]);
    let b = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
    // lantern strings
    for (let s = 0; s < 3; s++) {
      const y0 = 60 + s * 55;
      b += `<path d="M0 ${y0} Q480 ${y0 + 70} 960 ${y0}" stroke="#6b5d7a" stroke-width="2" fill="none"/>`;
      for (let i = 0; i < 14; i++) {
        const t = (i + 0.5) / 14;
        const x = t * 960;
        const y = y0 + 4 * 70 * t * (1 - t) * 0.5 * 2;
        const col = ["#ff5e57", "#ffb142", "#ff793f", "#f7d794"][(i + s) % 4];
        b += `<circle cx="${r1(x)}" cy="${r1(y + 14)}" r="26" fill="url(#lg)"/>`;
        b += `<ellipse cx="${r1(x)}" cy="${r1(y + 14)}" rx="10" ry="13" fill="${col}"/>`;
      }
    }
    b += `<rect y="400" width="${W}" height="140" fill="url(#road)"/>`;
    // stalls
    const cols = ["#c0392b", "#2e86de", "#27ae60", "#e67e22", "#8e44ad"];
    for (let i = 0; i < 5; i++) {
      const x = 20 + i * 188;
      const c = cols[i];
      b += `<polygon points="${x},270 ${x + 172},270 ${x + 160},230 ${x + 12},230" fill="${c}"/>`;
      b += `<rect x="${x}" y="270" width="172" height="12" fill="#fdf0d5"/>`;
      b += `<rect x="${x + 8}" y="282" width="6" height="120" fill="#5d4037"/><rect x="${x + 158}" y="282" width="6" height="120" fill="#5d4037"/>`;
      b += `<rect x="${x + 30}" y="300" width="112" height="8" fill="#ffe8a3" opacity="0.8"/>`;
      b += `<rect x="${x}" y="350" width="172" height="55" fill="#8d6e63"/><rect x="${x}" y="350" width="172" height="8" fill="#bcaaa4"/>`;
      for (let g = 0; g < 5; g++) {
        const gc = ["#ffcc80", "#ef5350", "#aed581", "#fff59d", "#ff8a65"][(g + i) % 5];
        b += `<circle cx="${x + 24 + g * 31}" cy="${r1(338 + rand() * 4)}" r="12" fill="${gc}"/>`;
      }
    }
    // people silhouettes
    for (let i = 0; i < 12; i++) {
      const x = 40 + i * 80 + rand() * 30;
      const h = 60 + rand() * 30;
      b += `<ellipse cx="${r1(x)}" cy="${r1(540 - h)}" rx="14" ry="16" fill="#1a1426"/>`;
      b += `<rect x="${r1(x - 18)}" y="${r1(540 - h + 14)}" width="36" height="${r1(h)}" rx="14" fill="#1a1426"/>`;
    }
    return svg(defs, b);
  },

  /** Library interior: tall shelves of colourful books, brick arches. */
  "library-opening": () => {
    const rand = rng(33);
    const defs =
      linear("wall", [[0, "#a4563d"], [1, "#7b3b2a"]]) +
      linear("light", [[0, "#fff8e1", 0.9], [1, "#fff8e1", 0]]) +
      linear("floor", [[0, "#c9a27e"], [1, "#8d6748"]]);
    let b = `<rect width="${W}" height="${H}" fill="url(#wall)"/>`;
    // brick texture
    for (let y = 0; y < 440; y += 18) {
      for (let x = (y / 18) % 2 ? -20 : 0; x < W; x += 40) b += `<rect x="${x}" y="${y}" width="38" height="16" fill="#000" opacity="${r1(0.03 + rand() * 0.06)}"/>`;
    }
    // arched windows
    for (let i = 0; i < 3; i++) {
      const x = 120 + i * 300;
      b += `<path d="M${x} 200 L${x} 90 A60 60 0 0 1 ${x + 120} 90 L${x + 120} 200 Z" fill="#cfe8f7"/>`;
      b += `<line x1="${x + 60}" y1="30" x2="${x + 60}" y2="200" stroke="#444" stroke-width="4"/><line x1="${x}" y1="120" x2="${x + 120}" y2="120" stroke="#444" stroke-width="4"/>`;
      b += `<polygon points="${x},200 ${x + 120},200 ${x + 200},540 ${x - 80},540" fill="url(#light)" opacity="0.35"/>`;
    }
    // steel beam
    b += `<rect y="215" width="${W}" height="14" fill="#37474f"/>`;
    // shelves
    const bookCols = ["#e53935", "#1e88e5", "#43a047", "#fdd835", "#8e24aa", "#fb8c00", "#00897b", "#f4511e", "#3949ab", "#6d4c41"];
    for (let sx = 0; sx < 4; sx++) {
      const x = 20 + sx * 240;
      b += `<rect x="${x}" y="240" width="210" height="230" fill="#5d4037"/>`;
      for (let row = 0; row < 4; row++) {
        const y = 250 + row * 55;
        b += `<rect x="${x + 6}" y="${y + 46}" width="198" height="6" fill="#3e2723"/>`;
        let bx = x + 10;
        while (bx < x + 196) {
          const bw = 7 + rand() * 10;
          const bh = 30 + rand() * 14;
          if (bx + bw > x + 200) break;
          b += `<rect x="${r1(bx)}" y="${r1(y + 46 - bh)}" width="${r1(bw)}" height="${r1(bh)}" fill="${bookCols[Math.floor(rand() * bookCols.length)]}"/>`;
          bx += bw + 1.5;
        }
      }
    }
    b += `<rect y="470" width="${W}" height="70" fill="url(#floor)"/>`;
    // reading table
    b += `<rect x="300" y="480" width="360" height="16" rx="4" fill="#4e342e"/><rect x="320" y="496" width="10" height="44" fill="#4e342e"/><rect x="630" y="496" width="10" height="44" fill="#4e342e"/>`;
    b += `<rect x="380" y="468" width="50" height="12" fill="#fff3e0"/><rect x="520" y="468" width="46" height="12" fill="#bbdefb"/>`;
    return svg(defs, b);
  },

  /** Blazing sun, heat haze over the road, shade canopy. */
  "heatwave-safety": () => {
    const defs =
      linear("sky", [[0, "#ff7e29"], [0.5, "#ffb347"], [1, "#ffe08a"]]) +
      radial("sun", [[0, "#fffbe6"], [0.35, "#fff0a8"], [0.6, "#ffcf5c", 0.6], [1, "#ff9933", 0]]) +
      linear("road", [[0, "#6d5e5a"], [1, "#3d3331"]]);
    let b = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
    b += `<circle cx="300" cy="150" r="230" fill="url(#sun)"/>`;
    for (let i = 0; i < 16; i++) {
      const a = (i / 16) * Math.PI * 2;
      b += `<line x1="${r1(300 + Math.cos(a) * 90)}" y1="${r1(150 + Math.sin(a) * 90)}" x2="${r1(300 + Math.cos(a) * 135)}" y2="${r1(150 + Math.sin(a) * 135)}" stroke="#fff3b0" stroke-width="8" stroke-linecap="round" opacity="0.8"/>`;
    }
    b += `<circle cx="300" cy="150" r="72" fill="#fff9d6"/>`;
    // faint buildings
    for (let i = 0; i < 8; i++) b += `<rect x="${520 + i * 55}" y="${220 + (i % 3) * 30}" width="48" height="${200 - (i % 3) * 30}" fill="#c96a3a" opacity="0.45"/>`;
    b += `<rect y="380" width="${W}" height="160" fill="url(#road)"/>`;
    b += `<rect y="380" width="${W}" height="10" fill="#b8a59a"/>`;
    for (let i = 0; i < 8; i++) b += `<rect x="${i * 130 + 20}" y="455" width="70" height="8" fill="#f5e663"/>`;
    // heat haze
    for (let k = 0; k < 5; k++) {
      const y = 395 + k * 24;
      let d = `M0 ${y}`;
      for (let x = 0; x <= W; x += 40) d += ` Q${x + 20} ${y - 8} ${x + 40} ${y}`;
      b += `<path d="${d}" stroke="#ffffff" stroke-width="2" fill="none" opacity="0.25"/>`;
    }
    // shade canopy (그늘막)
    b += `<polygon points="660,300 900,300 870,250 690,250" fill="#2e7d9a"/><polygon points="690,250 870,250 780,225" fill="#3b98b8"/>`;
    b += `<rect x="690" y="300" width="8" height="90" fill="#555"/><rect x="862" y="300" width="8" height="90" fill="#555"/>`;
    b += `<rect x="660" y="300" width="240" height="90" fill="#1d4e61" opacity="0.25"/>`;
    b += tree(120, 390, 1.6, "#5b8c3a", "#6b4a2f");
    return svg(defs, b);
  },

  /** Container ship at sea with a rising bar chart. */
  "exports-data": () => {
    const rand = rng(8);
    const defs =
      linear("sky", [[0, "#cfe9ff"], [1, "#f4fbff"]]) +
      linear("sea", [[0, "#2b79b7"], [1, "#123f66"]]) +
      linear("bar", [[0, "#40c98f"], [1, "#1f8a5f"]]);
    let b = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
    // chart bars in the sky
    const vals = [0.35, 0.42, 0.38, 0.5, 0.57, 0.66, 0.78];
    vals.forEach((v, i) => {
      const h = v * 260;
      b += `<rect x="${520 + i * 58}" y="${r1(330 - h)}" width="40" height="${r1(h)}" rx="4" fill="url(#bar)" opacity="0.9"/>`;
    });
    let d = "";
    vals.forEach((v, i) => (d += `${i ? "L" : "M"}${540 + i * 58} ${r1(330 - v * 260 - 20)} `));
    b += `<path d="${d}" stroke="#e8505b" stroke-width="5" fill="none" stroke-linejoin="round"/>`;
    b += `<polygon points="898,98 914,128 880,124" fill="#e8505b"/>`;
    b += `<rect y="330" width="${W}" height="210" fill="url(#sea)"/>`;
    for (let i = 0; i < 30; i++) b += `<rect x="${r1(rand() * W)}" y="${r1(345 + rand() * 190)}" width="${r1(20 + rand() * 40)}" height="3" fill="#ffffff" opacity="0.25"/>`;
    // ship
    b += `<path d="M60 360 L520 360 L480 430 L110 430 Z" fill="#263c52"/><rect x="60" y="355" width="460" height="10" fill="#b33939"/>`;
    const cc = ["#e67e22", "#2980b9", "#c0392b", "#16a085", "#f1c40f", "#8e44ad"];
    for (let col = 0; col < 9; col++) {
      const stack = 2 + ((col * 7) % 3);
      for (let s = 0; s < stack; s++) b += `<rect x="${110 + col * 38}" y="${330 - s * 24}" width="36" height="22" fill="${cc[(col + s * 2) % cc.length]}" stroke="#1b2631" stroke-width="1.5"/>`;
    }
    b += `<rect x="460" y="260" width="46" height="96" fill="#f5f5f5"/><rect x="466" y="270" width="34" height="10" fill="#5d8ab5"/><rect x="466" y="290" width="34" height="10" fill="#5d8ab5"/>`;
    b += `<rect x="476" y="236" width="14" height="26" fill="#b33939"/>`;
    return svg(defs, b);
  },

  /** Map of coloured districts with dashed boundaries. */
  "district-redrawing": () => {
    const defs = linear("bg", [[0, "#f1efe7"], [1, "#e3dfd1"]], 1, 1);
    let b = `<rect width="${W}" height="${H}" fill="url(#bg)"/>`;
    for (let x = 0; x < W; x += 32) b += `<line x1="${x}" y1="0" x2="${x}" y2="${H}" stroke="#cfc8b6" stroke-opacity="0.5"/>`;
    for (let y = 0; y < H; y += 32) b += `<line x1="0" y1="${y}" x2="${W}" y2="${y}" stroke="#cfc8b6" stroke-opacity="0.5"/>`;
    const polys = [
      ["#8ecae6", "180,80 420,60 460,200 300,250 150,210"],
      ["#ffb703", "420,60 700,90 680,230 460,200"],
      ["#90be6d", "700,90 860,140 820,300 680,230"],
      ["#f4a3a8", "150,210 300,250 280,420 120,380"],
      ["#cdb4db", "300,250 460,200 520,330 400,450 280,420"],
      ["#a8dadc", "460,200 680,230 640,380 520,330"],
      ["#f9c784", "680,230 820,300 780,460 640,380"],
      ["#b5e48c", "520,330 640,380 780,460 560,490 400,450"],
    ];
    for (const [c, p] of polys) b += `<polygon points="${p}" fill="${c}" stroke="#ffffff" stroke-width="4" stroke-linejoin="round"/>`;
    // river
    b += `<path d="M0 300 C150 280 220 330 300 320 S470 260 560 300 S760 380 960 340" stroke="#4f8fc0" stroke-width="14" fill="none" opacity="0.7"/>`;
    // new boundary
    b += `<path d="M150 210 L300 250 L400 450" stroke="#d62828" stroke-width="5" fill="none" stroke-dasharray="14 10"/>`;
    b += `<path d="M700 90 L860 140" stroke="#d62828" stroke-width="5" fill="none" stroke-dasharray="14 10"/>`;
    // pins
    for (const [x, y] of [[300, 150], [560, 140], [770, 220], [210, 320], [390, 340], [720, 380]]) {
      b += `<path d="M${x} ${y} c-16 -20 -16 -42 0 -42 c16 0 16 22 0 42 z" fill="#264653"/><circle cx="${x}" cy="${y - 28}" r="6" fill="#fff"/>`;
    }
    return svg(defs, b);
  },

  /** Riverside bike path with trees and a bridge. */
  "riverside-bike-path": () => {
    const rand = rng(44);
    const defs =
      linear("sky", [[0, "#87c6f0"], [1, "#e9f7ff"]]) +
      linear("water", [[0, "#4aa3d8"], [1, "#1f6f9e"]]) +
      linear("grass", [[0, "#9ad06a"], [1, "#5f9e3a"]]);
    let b = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
    b += `<path d="M0 220 Q200 160 420 210 T960 190 L960 260 L0 260 Z" fill="#7fae9a" opacity="0.7"/>`;
    // bridge
    b += `<rect x="0" y="170" width="${W}" height="16" fill="#8d99a6"/>`;
    for (let i = 0; i < 4; i++) b += `<path d="M${i * 260 - 20} 250 Q${i * 260 + 110} 150 ${i * 260 + 240} 250" stroke="#8d99a6" stroke-width="14" fill="none"/>`;
    b += `<rect y="250" width="${W}" height="290" fill="url(#grass)"/>`;
    // river
    b += `<path d="M0 260 C240 300 420 250 620 300 S900 360 960 340 L960 420 C820 420 640 360 420 360 S120 330 0 350 Z" fill="url(#water)"/>`;
    for (let i = 0; i < 18; i++) b += `<rect x="${r1(rand() * W)}" y="${r1(300 + rand() * 60)}" width="${r1(20 + rand() * 30)}" height="3" fill="#fff" opacity="0.4"/>`;
    // bike path
    b += `<path d="M-20 470 C200 420 420 450 600 420 S880 380 980 400" stroke="#c0533a" stroke-width="46" fill="none"/>`;
    b += `<path d="M-20 470 C200 420 420 450 600 420 S880 380 980 400" stroke="#ffffff" stroke-width="3" fill="none" stroke-dasharray="20 16"/>`;
    b += `<path d="M-20 512 C200 462 420 492 600 462 S880 422 980 442" stroke="#d9cfc1" stroke-width="30" fill="none"/>`;
    // trees
    for (let i = 0; i < 9; i++) b += tree(40 + i * 115, 540 - (i % 2) * 4, 1.1, i % 2 ? "#3f8f4e" : "#4ea85d");
    // bicycle
    const bx = 430;
    const by = 418;
    b += `<g stroke="#1d3557" stroke-width="4" fill="none"><circle cx="${bx}" cy="${by}" r="18"/><circle cx="${bx + 56}" cy="${by}" r="18"/>`;
    b += `<path d="M${bx} ${by} L${bx + 22} ${by - 28} L${bx + 48} ${by - 28} L${bx + 56} ${by} M${bx + 22} ${by - 28} L${bx + 30} ${by} L${bx} ${by} M${bx + 30} ${by} L${bx + 48} ${by - 28}"/></g>`;
    // light poles
    for (let i = 0; i < 5; i++) b += `<rect x="${120 + i * 200}" y="${380 - i * 4}" width="4" height="50" fill="#37474f"/><circle cx="${122 + i * 200}" cy="${378 - i * 4}" r="6" fill="#fff59d"/>`;
    return svg(defs, b);
  },

  /** Expo hall: booths with screens and lightbulb motifs. */
  "startup-fair": () => {
    const defs =
      linear("bg", [[0, "#2d1b69"], [1, "#0b8793"]], 1, 1) +
      radial("spot", [[0, "#ffffff", 0.35], [1, "#ffffff", 0]]) +
      linear("floor", [[0, "#e0e4ea"], [1, "#aab2bd"]]);
    let b = `<rect width="${W}" height="${H}" fill="url(#bg)"/>`;
    for (let i = 0; i < 5; i++) b += `<ellipse cx="${100 + i * 190}" cy="40" rx="110" ry="160" fill="url(#spot)"/>`;
    // ceiling truss
    b += `<rect y="60" width="${W}" height="8" fill="#cfd8dc" opacity="0.6"/>`;
    for (let x = 0; x < W; x += 40) b += `<line x1="${x}" y1="60" x2="${x + 20}" y2="68" stroke="#cfd8dc" stroke-opacity="0.6" stroke-width="2"/>`;
    b += `<rect y="400" width="${W}" height="140" fill="url(#floor)"/>`;
    const colors = ["#ff6b6b", "#feca57", "#48dbfb", "#1dd1a1", "#ff9ff3"];
    for (let i = 0; i < 5; i++) {
      const x = 20 + i * 188;
      const c = colors[i];
      b += `<rect x="${x}" y="170" width="172" height="230" fill="#f7f9fb"/>`;
      b += `<rect x="${x}" y="150" width="172" height="28" fill="${c}"/>`;
      b += `<rect x="${x + 26}" y="200" width="120" height="74" rx="6" fill="#22313f"/>`;
      // screen content: bars / line
      for (let k = 0; k < 4; k++) b += `<rect x="${x + 40 + k * 24}" y="${256 - (k + 1) * 10}" width="14" height="${(k + 1) * 10}" fill="${c}"/>`;
      b += `<rect x="${x + 20}" y="330" width="132" height="70" fill="${c}" opacity="0.85"/>`;
      b += `<rect x="${x + 20}" y="330" width="132" height="10" fill="#ffffff" opacity="0.5"/>`;
      // lightbulb
      const lx = x + 86;
      b += `<circle cx="${lx}" cy="305" r="14" fill="#fff59d"/><rect x="${lx - 6}" y="317" width="12" height="9" fill="#90a4ae"/>`;
    }
    // visitors
    for (let i = 0; i < 9; i++) {
      const x = 60 + i * 105;
      const col = ["#34495e", "#8e44ad", "#2c3e50", "#16a085"][i % 4];
      b += `<circle cx="${x}" cy="430" r="15" fill="#f1c27d"/><rect x="${x - 20}" y="446" width="40" height="80" rx="16" fill="${col}"/>`;
    }
    return svg(defs, b);
  },

  /** Gallery wall with framed wave paintings. */
  "museum-exhibition": () => {
    const defs =
      linear("wall", [[0, "#fbfaf7"], [1, "#ebe7df"]]) +
      linear("floor", [[0, "#cdb89a"], [1, "#a58d6c"]]) +
      radial("spot", [[0, "#fffbe8", 0.9], [1, "#fffbe8", 0]]) +
      linear("w1", [[0, "#0f4c75"], [1, "#3282b8"]]) +
      linear("w2", [[0, "#1b998b"], [1, "#c5f0e0"]]) +
      linear("w3", [[0, "#f4a261"], [1, "#264653"]]);
    let b = `<rect width="${W}" height="${H}" fill="url(#wall)"/>`;
    b += `<rect y="430" width="${W}" height="110" fill="url(#floor)"/><rect y="428" width="${W}" height="6" fill="#8d7a61"/>`;
    const frames = [
      [70, 130, 230, 180, "w1"],
      [365, 100, 230, 240, "w2"],
      [660, 140, 230, 170, "w3"],
    ];
    for (const [x, y, w, h, g] of frames) {
      b += `<ellipse cx="${x + w / 2}" cy="${y + h / 2}" rx="${w * 0.8}" ry="${h * 0.9}" fill="url(#spot)"/>`;
      b += `<rect x="${x - 12}" y="${y - 12}" width="${w + 24}" height="${h + 24}" fill="#3b2f2a"/>`;
      b += `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#${g})"/>`;
      for (let k = 0; k < 5; k++) {
        const yy = y + h * (0.3 + k * 0.14);
        let d = `M${x} ${r1(yy)}`;
        for (let xx = x; xx < x + w; xx += 46) d += ` q23 -14 46 0`;
        b += `<path d="${d}" stroke="#ffffff" stroke-opacity="${r1(0.25 + k * 0.12)}" stroke-width="4" fill="none"/>`;
      }
      b += `<rect x="${x + w / 2 - 20}" y="${y + h + 30}" width="40" height="14" fill="#d8d2c6"/>`;
    }
    // bench
    b += `<rect x="360" y="460" width="240" height="20" rx="4" fill="#5d4a3b"/><rect x="380" y="480" width="12" height="40" fill="#5d4a3b"/><rect x="568" y="480" width="12" height="40" fill="#5d4a3b"/>`;
    // spot lights on rail
    b += `<rect y="20" width="${W}" height="8" fill="#9e9e9e"/>`;
    for (const x of [185, 480, 775]) b += `<rect x="${x - 8}" y="28" width="16" height="26" rx="3" fill="#616161"/>`;
    return svg(defs, b);
  },

  /** Snowy night, small warm shelter. */
  "cold-wave-shelters": () => {
    const rand = rng(77);
    const defs =
      linear("sky", [[0, "#0b1d3a"], [1, "#36557a"]]) +
      linear("snow", [[0, "#f5f9ff"], [1, "#cddbeb"]]) +
      radial("warm", [[0, "#ffd28a", 0.8], [1, "#ffb347", 0]]);
    let b = `<rect width="${W}" height="${H}" fill="url(#sky)"/>`;
    // distant houses
    for (let i = 0; i < 9; i++) {
      const x = i * 110 - 20;
      const h = 70 + (i % 3) * 25;
      b += `<rect x="${x}" y="${360 - h}" width="96" height="${h}" fill="#24405f"/><polygon points="${x - 6},${360 - h} ${x + 48},${330 - h} ${x + 102},${360 - h}" fill="#e8f0fa"/>`;
      if (i % 2) b += `<rect x="${x + 36}" y="${380 - h}" width="22" height="22" fill="#ffcf7a" opacity="0.8"/>`;
    }
    b += `<path d="M0 360 Q240 330 480 360 T960 350 L960 540 L0 540 Z" fill="url(#snow)"/>`;
    // shelter
    b += `<circle cx="520" cy="360" r="200" fill="url(#warm)"/>`;
    b += `<rect x="420" y="260" width="200" height="140" fill="#7b4b3a"/>`;
    b += `<polygon points="400,262 520,190 640,262" fill="#f3f7fc"/><polygon points="410,262 520,200 630,262" fill="#a0522d" opacity="0.5"/>`;
    b += `<rect x="440" y="290" width="70" height="60" fill="#ffd88a"/><line x1="475" y1="290" x2="475" y2="350" stroke="#7b4b3a" stroke-width="4"/>`;
    b += `<rect x="540" y="300" width="50" height="100" fill="#ffc764"/>`;
    b += `<rect x="590" y="205" width="18" height="40" fill="#5d3a2e"/>`;
    for (let i = 0; i < 4; i++) b += `<circle cx="${599 + i * 8}" cy="${190 - i * 18}" r="${8 + i * 3}" fill="#c8d3e0" opacity="${r1(0.5 - i * 0.1)}"/>`;
    // snowflakes
    for (let i = 0; i < 160; i++) b += `<circle cx="${r1(rand() * W)}" cy="${r1(rand() * H)}" r="${r1(1 + rand() * 3)}" fill="#ffffff" opacity="${r1(0.5 + rand() * 0.5)}"/>`;
    // pine trees
    for (const [x, s] of [[120, 1.2], [230, 0.9], [780, 1.1], [880, 1.4]]) {
      b += `<polygon points="${x},${r1(460 - 150 * s)} ${r1(x - 45 * s)},460 ${r1(x + 45 * s)},460" fill="#1f4d3f"/>`;
      b += `<polygon points="${x},${r1(460 - 150 * s)} ${r1(x - 22 * s)},${r1(460 - 85 * s)} ${r1(x + 22 * s)},${r1(460 - 85 * s)}" fill="#f2f6fb"/>`;
    }
    return svg(defs, b);
  },

  /** Desk with stacked documents, microphone and gavel. */
  "council-extra-session": () => {
    const defs =
      linear("bg", [[0, "#22577a"], [1, "#38a3a5"]], 1, 1) +
      linear("desk", [[0, "#8b5a3c"], [1, "#5e3a24"]]) +
      radial("halo", [[0, "#ffffff", 0.3], [1, "#ffffff", 0]]);
    let b = `<rect width="${W}" height="${H}" fill="url(#bg)"/>`;
    b += `<circle cx="480" cy="220" r="320" fill="url(#halo)"/>`;
    for (let i = 0; i < 6; i++) b += `<circle cx="${120 + i * 150}" cy="${90 + (i % 2) * 40}" r="${30 + (i % 3) * 12}" fill="#ffffff" opacity="0.06"/>`;
    b += `<rect y="360" width="${W}" height="180" fill="url(#desk)"/><rect y="352" width="${W}" height="12" fill="#a47148"/>`;
    // document stacks
    const stacks = [[120, 9], [250, 6], [380, 11]];
    for (const [x, n] of stacks) {
      for (let k = 0; k < n; k++) {
        const off = (k % 3) * 4 - 4;
        b += `<rect x="${x + off}" y="${352 - (k + 1) * 14}" width="110" height="14" fill="${k % 2 ? "#fdfdfd" : "#eef2f5"}" stroke="#b0bec5" stroke-width="1"/>`;
      }
      b += `<rect x="${x + 4}" y="${352 - n * 14 - 3}" width="40" height="5" fill="#e76f51"/>`;
    }
    // microphone
    b += `<rect x="600" y="330" width="90" height="22" rx="6" fill="#263238"/>`;
    b += `<path d="M645 330 Q650 260 700 200" stroke="#37474f" stroke-width="6" fill="none"/>`;
    b += `<ellipse cx="706" cy="190" rx="18" ry="24" transform="rotate(35 706 190)" fill="#455a64"/>`;
    b += `<circle cx="630" cy="341" r="5" fill="#ef5350"/>`;
    // gavel
    b += `<ellipse cx="830" cy="395" rx="60" ry="14" fill="#4e2f1c"/><ellipse cx="830" cy="388" rx="60" ry="14" fill="#7a4a2c"/>`;
    b += `<g transform="rotate(-25 820 320)"><rect x="770" y="300" width="100" height="40" rx="8" fill="#6d3f22"/><rect x="775" y="306" width="8" height="28" fill="#c9a227"/><rect x="857" y="306" width="8" height="28" fill="#c9a227"/><rect x="814" y="340" width="12" height="100" rx="5" fill="#8b5a3c"/></g>`;
    return svg(defs, b);
  },
};

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, draw] of Object.entries(scenes)) {
    const file = join(OUT_DIR, `${name}.jpg`);
    const buf = await sharp(Buffer.from(draw()))
      .resize(W, H)
      .jpeg({ quality: 70, mozjpeg: true, chromaSubsampling: "4:2:0" })
      .toBuffer();
    writeFileSync(file, buf);
  }
  let total = 0;
  for (const f of readdirSync(OUT_DIR).filter((f) => f.endsWith(".jpg")).sort()) {
    const size = statSync(join(OUT_DIR, f)).size;
    total += size;
    console.log(`${f.padEnd(36)} ${(size / 1024).toFixed(1)} KB`);
  }
  console.log(`total ${(total / 1024).toFixed(1)} KB`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
