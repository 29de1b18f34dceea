/**
 * Small SVG charts drawn by the page. The lengths are drawn from the amounts as numbers (a
 * picture needs no öre); every figure written on or beside a chart is the exact text of the
 * contract, formatted, never a float.
 */
const SVG = "http://www.w3.org/2000/svg";

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** One bar: its group (a region), its series (plan, forecast, outcome…), the amount's text and the figure shown. */
export interface Bar {
  group: string;
  series: number;
  amount: string;
  label: string;
}

/** Horizontal bars from a zero line, grouped by region, each with its exact figure at its end. */
export function hbarChart(bars: Bar[], colors: string[]): SVGSVGElement {
  const groups = [...new Set(bars.map((b) => b.group))];
  const perGroup = Math.max(1, ...groups.map((g) => bars.filter((b) => b.group === g).length));
  const barH = 18;
  const gap = 14;
  const labelW = 56;
  const figureW = 150;
  const plotW = 420;
  const width = labelW + plotW + 2 * figureW;
  const height = groups.length * (perGroup * barH + gap) + gap;
  const values = bars.map((b) => Number(b.amount));
  const max = Math.max(1, ...values.map(Math.abs));
  const hasNeg = values.some((v) => v < 0);
  const hasPos = values.some((v) => v > 0);
  // the zero line in the middle when both signs occur, else at the side
  const zero = labelW + figureW + (hasNeg && hasPos ? plotW / 2 : hasNeg ? plotW : 0);
  const scale = (hasNeg && hasPos ? plotW / 2 : plotW) / max;
  const svg = svgEl("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img" });
  groups.forEach((g, gi) => {
    const top = gap + gi * (perGroup * barH + gap);
    svg.appendChild(svgEl("text", { x: 6, y: top + (perGroup * barH) / 2 + 4, "font-weight": 600 }, g));
    bars
      .filter((b) => b.group === g)
      .forEach((b, k) => {
        const v = Number(b.amount);
        const w = Math.max(v === 0 ? 0 : 1, Math.abs(v) * scale);
        const y = top + k * barH;
        const x = v < 0 ? zero - w : zero;
        const rect = svgEl("rect", { x, y: y + 2, width: w, height: barH - 4, fill: colors[b.series % colors.length] ?? "#2469b8", rx: 2 });
        rect.appendChild(svgEl("title", {}, b.label));
        svg.appendChild(rect);
        const tx = v < 0 ? x - 6 : x + w + 6;
        svg.appendChild(svgEl("text", { x: tx, y: y + barH - 5, "text-anchor": v < 0 ? "end" : "start", class: "figure" }, b.label));
      });
  });
  svg.appendChild(svgEl("line", { x1: zero, x2: zero, y1: 4, y2: height - 4, stroke: "#5d6777", "stroke-width": 1 }));
  return svg;
}

/** Columns per month, one per party side by side, from a zero line (the a-conto months). */
export function monthColumns(series: readonly (readonly string[])[], months: string[], colors: string[]): SVGSVGElement {
  const colW = 9;
  const groupW = Math.max(36, series.length * colW + 10);
  const left = 8;
  const plotH = 220;
  const width = left + months.length * groupW + 8;
  const height = plotH + 34;
  const values = series.flatMap((s) => s.map(Number));
  const max = Math.max(1, ...values.map(Math.abs));
  const hasNeg = values.some((v) => v < 0);
  const hasPos = values.some((v) => v > 0);
  const zero = 8 + (hasNeg && hasPos ? plotH / 2 : hasPos ? plotH : 0);
  const scale = (hasNeg && hasPos ? plotH / 2 : plotH) / max;
  const svg = svgEl("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img" });
  months.forEach((m, k) => {
    const x0 = left + k * groupW + (groupW - series.length * colW) / 2;
    series.forEach((s, i) => {
      const v = Number(s[k] ?? "0");
      const h = Math.max(v === 0 ? 0 : 1, Math.abs(v) * scale);
      const rect = svgEl("rect", { x: x0 + i * colW, y: v < 0 ? zero : zero - h, width: colW - 2, height: h, fill: colors[i % colors.length] ?? "#2469b8" });
      rect.appendChild(svgEl("title", {}, `${m}: ${s[k] ?? ""}`));
      svg.appendChild(rect);
    });
    svg.appendChild(svgEl("text", { x: left + k * groupW + groupW / 2, y: height - 8, "text-anchor": "middle" }, m.slice(0, 3)));
  });
  svg.appendChild(svgEl("line", { x1: left, x2: width - 8, y1: zero, y2: zero, stroke: "#5d6777", "stroke-width": 1 }));
  return svg;
}
