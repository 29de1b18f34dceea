/**
 * The example year 2025 that `vardavtal demo` runs: a consumption extract of about 12 000 rows,
 * as Swedish Excel writes "CSV UTF-8" (semicolons, decimal comma, space as thousands separator,
 * BOM, CRLF), with what a real extract has: spellings of the parties, credits, own patients and
 * late rows of the previous year. Generated, not shipped: a seeded generator gives the same bytes
 * on every machine and every run (the repository's examples/2025/konsumtion-2025.csv is this
 * text; `npm run example` writes it, and a test checks that the two agree). No `node:` import.
 */

/** mulberry32: a small seeded PRNG, so that generated files are the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The example year's consumption file (konsumtion-2025.csv) as text, BOM included. */
export function exampleConsumptionCsv(): string {
  const rand = rng(20250101);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  /** Fixed-point text with `dec` decimals from an integer of 10^-dec units, Swedish style. */
  function sv(units: number, dec: number, group = true): string {
    const neg = units < 0;
    const s = String(Math.abs(units)).padStart(dec + 1, "0");
    let int = s.slice(0, s.length - dec);
    if (group) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
    return (neg ? "-" : "") + int + (dec > 0 ? "," + s.slice(s.length - dec) : "");
  }

  // Areas sold by each region, with DRG codes and typical weights (points × 10 000).
  type Party = "RÖ" | "RJL" | "RKL";
  const SPECIALIST: Record<Party, [string, string[], [number, number]][]> = {
    RÖ: [
      ["neurokirurgi", ["B02A", "B02B", "B03A", "B04C"], [18000, 52000]],
      ["thoraxkirurgi", ["F06A", "F06B", "F04B", "F07A"], [22000, 61000]],
      ["kärlkirurgi", ["F08A", "F08B", "F14B"], [9000, 31000]],
      ["onkologi", ["R61A", "R62B", "R63Z"], [6000, 21000]],
      ["hematologi", ["Q60A", "R60A", "R60B"], [8000, 42000]],
      ["plastikkirurgi", ["J08A", "J08B", "J09Z"], [5000, 19000]],
      ["barnkirurgi", ["G07B", "G10A", "P60A"], [7000, 24000]],
      ["urologi", ["L02A", "M01A", "M02B"], [6000, 22000]],
      ["infektion", ["T01A", "T62A", "S65A"], [4000, 16000]],
      ["ögonsjukvård", ["C01A", "C02B", "C03Z"], [2000, 9000]],
      ["öron-, näs- och halssjukvård", ["D01Z", "D02A", "D06B"], [3000, 12000]],
    ],
    RJL: [
      ["ortopedi", ["I04B", "I08A", "I03B"], [8000, 26000]],
      ["reumatologi", ["I66A", "I66B"], [3000, 11000]],
      ["ögonsjukvård", ["C01A", "C02B", "C03Z"], [2000, 9000]],
      ["kärlkirurgi", ["F08A", "F08B"], [9000, 28000]],
      ["barn- och ungdomsmedicin", ["P67A", "P66B"], [3000, 14000]],
    ],
    RKL: [
      ["ortopedi", ["I04B", "I08A"], [8000, 24000]],
      ["infektion", ["T01A", "T62A"], [4000, 14000]],
      ["urologi", ["L02A", "M02B"], [6000, 20000]],
      ["öron-, näs- och halssjukvård", ["D01Z", "D06B"], [3000, 10000]],
    ],
  };
  // How many specialist episodes each seller→buyer flow has in a year.
  const VOLUME = { "RÖ→RJL": 4420, "RÖ→RKL": 3180, "RJL→RÖ": 640, "RJL→RKL": 500, "RKL→RÖ": 260, "RKL→RJL": 270 };
  // Spellings a real extract has: ids, aliases, full names.
  const SPELL: Record<Party, string[]> = {
    RÖ: ["RÖ", "RÖ", "RÖ", "Region Östergötland", "Östergötland"],
    RJL: ["RJL", "RJL", "RJL", "Region Jönköpings län", "Jönköping"],
    RKL: ["RKL", "RKL", "Kalmar", "Region Kalmar län"],
  };

  function date(year: number): string {
    const month = int(1, 12);
    const days = [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
    return `${year}-${String(month).padStart(2, "0")}-${String(int(1, days)).padStart(2, "0")}`;
  }

  const rows: string[][] = [];
  const add = (d: string, s: Party, b: Party, area: string, drg: string, points: string, amount: string, episodes = 1): number =>
    rows.push([d.slice(0, 4), d, pick(SPELL[s]), pick(SPELL[b]), area, drg, points, amount, String(episodes), `K${int(100000, 999999)}`]);

  for (const [flow, n] of Object.entries(VOLUME)) {
    const [s, b] = flow.split("→") as [Party, Party];
    for (let i = 0; i < n; i++) {
      const [area, drgs, [lo, hi]] = pick(SPECIALIST[s]);
      const pts = int(lo, hi) * (rand() < 0.04 ? 3 : 1); // a few heavy cases
      add(date(2025), s, b, area, pick(drgs), sv(pts, 4, false), "");
    }
  }
  // Fixed-only areas at RÖ: reported, no flow.
  for (let i = 0; i < 260; i++) {
    const b = pick<Party>(["RJL", "RKL"]);
    const [area, lo, hi] = pick<[string, number, number]>([
      ["klinisk genetik", 4500, 38000],
      ["brännskadevård", 60000, 900000],
      ["arbets- och miljömedicin", 2500, 16000],
    ]);
    add(date(2025), "RÖ", b, area, "", "", sv(int(lo * 100, hi * 100), 2));
  }
  // Unit price: primärvård (every seller) and psykiatri sold by RJL and RKL, billed in full per visit.
  for (let i = 0; i < 1400; i++) {
    const [s, b] = pick<[Party, Party]>([["RÖ", "RJL"], ["RÖ", "RKL"], ["RJL", "RÖ"], ["RJL", "RKL"], ["RKL", "RÖ"], ["RKL", "RJL"]]);
    add(date(2025), s, b, "primärvård", "", "", sv(int(180000, 950000), 2));
  }
  for (let i = 0; i < 520; i++) {
    const [s, b] = pick<[Party, Party]>([["RJL", "RÖ"], ["RJL", "RKL"], ["RKL", "RÖ"], ["RKL", "RJL"]]);
    add(date(2025), s, b, "psykiatri", "", "", sv(int(350000, 6800000), 2));
  }
  // Psykiatri sold by RÖ is not exempted: it is valued by points like other specialist care.
  for (let i = 0; i < 240; i++) add(date(2025), "RÖ", pick<Party>(["RJL", "RKL"]), "psykiatri", "U67B", sv(int(5000, 30000), 4, false), "");
  // Rättspsykiatri RÖ–RJL: its own agreement, reported only.
  for (let i = 0; i < 36; i++) {
    const [s, b] = pick<[Party, Party]>([["RÖ", "RJL"], ["RJL", "RÖ"]]);
    add(date(2025), s, b, "rättspsykiatri", "", "", sv(int(8000000, 42000000), 2));
  }
  // Credits: corrections of earlier invoices (negative amounts).
  for (let i = 0; i < 45; i++) add(date(2025), "RÖ", pick<Party>(["RJL", "RKL"]), pick(["neurokirurgi", "onkologi", "thoraxkirurgi"]), "", "", sv(-int(2000000, 18000000), 2));
  // Own patients (skipped) and late rows of the previous year (skipped).
  for (let i = 0; i < 300; i++) {
    const s = pick<Party>(["RÖ", "RJL", "RKL"]);
    add(date(2025), s, s, pick(SPECIALIST[s])[0], "", sv(int(5000, 30000), 4, false), "");
  }
  for (let i = 0; i < 120; i++) add(date(2024), "RÖ", pick<Party>(["RJL", "RKL"]), "neurokirurgi", "B03A", sv(int(18000, 40000), 4, false), "");

  // Stable shuffle so that the file is not ordered by flow.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j] as string[], rows[i] as string[]];
  }
  rows.sort((x, y) => ((x[1] as string) < (y[1] as string) ? -1 : (x[1] as string) > (y[1] as string) ? 1 : 0));

  const header = ["år", "datum", "säljare", "köpare", "verksamhet", "drg", "poäng", "belopp", "vårdtillfällen", "kontakt-id"];
  return "\ufeff" + [header, ...rows].map((r) => r.join(";")).join("\r\n") + "\r\n";
}
