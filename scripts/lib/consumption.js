// A deterministic patient-level consumption file of N rows for the 2025 tariff (the bench's
// "plain" dialect: UTF-8 without BOM, `;`, decimal comma, LF), for `npm run bench` and the
// offline page's timing test.
import { closeSync, openSync, renameSync, writeSync } from "node:fs";
import { rng } from "./rng.js";

export function generate(file, rows) {
  const rand = rng(42);
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const PARTIES = ["RJL", "RKL", "RÖ"];
  const SPECIALIST = ["neurokirurgi", "thoraxkirurgi", "kärlkirurgi", "onkologi", "hematologi", "plastikkirurgi", "barnkirurgi", "urologi", "infektion", "ögonsjukvård", "ortopedi", "reumatologi"];
  const UNIT = ["primärvård", "psykiatri"];
  const OTHER = ["rättspsykiatri", "klinisk genetik", "brännskadevård", "arbets- och miljömedicin"];
  const DRG = Array.from({ length: 400 }, (_, i) => `${String.fromCharCode(65 + (i % 20))}${String(i).padStart(2, "0")}${"ABCZ"[i % 4]}`);
  const dec = (units, d) => {
    const s = String(units).padStart(d + 1, "0");
    return `${s.slice(0, s.length - d)},${s.slice(s.length - d)}`;
  };
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, "w");
  writeSync(fd, "år;datum;säljare;köpare;verksamhet;drg;poäng;belopp;patient;vårdtillfälle;ålder;kön\n");
  const batch = 50_000;
  for (let done = 0; done < rows; done += batch) {
    const lines = [];
    for (let i = done; i < Math.min(rows, done + batch); i++) {
      const seller = PARTIES[rand() < 0.7 ? 2 : int(0, 1)];
      const buyer = rand() < 0.25 ? seller : PARTIES[int(0, 2)];
      const year = rand() < 0.02 ? 2024 : 2025;
      const month = int(1, 12);
      const day = int(1, 28);
      const date = `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
      const r = rand();
      let area, points = "", amount = "";
      if (r < 0.72) {
        area = SPECIALIST[int(0, SPECIALIST.length - 1)];
        points = dec(int(800, 90000), 4);
      } else if (r < 0.95) {
        area = UNIT[int(0, 1)];
        amount = dec(int(150000, 2500000), 2);
      } else {
        area = OTHER[int(0, 3)];
        amount = dec(int(500000, 90000000), 2);
      }
      lines.push(`${year};${date};${seller};${buyer};${area};${DRG[int(0, 399)]};${points};${amount};P${int(1000000, 9999999)};V${i};${int(0, 99)};${rand() < 0.5 ? "K" : "M"}`);
    }
    writeSync(fd, lines.join("\n") + "\n");
    if (process.stderr.isTTY) process.stderr.write(`\rgenerating ${Math.min(rows, done + batch).toLocaleString("sv-SE")} / ${rows.toLocaleString("sv-SE")} rows`);
  }
  closeSync(fd);
  renameSync(tmp, file);
  if (process.stderr.isTTY) process.stderr.write("\n");
}
