/**
 * The time a run is reported at. With SOURCE_DATE_EPOCH set (the reproducible-builds convention:
 * whole seconds since 1970-01-01 UTC) it is that time, so that the same inputs give byte-identical
 * outputs; otherwise now. A malformed value is a usage error (BAD_SOURCE_DATE_EPOCH), never ignored
 * (https://reproducible-builds.org/specs/source-date-epoch/).
 */
import { InputError } from "../core/model/diagnostics.js";

export function runTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return new Date();
  const d = /^\d{1,12}$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
  if (!d || Number.isNaN(d.getTime())) {
    throw new InputError([{ severity: "error", code: "BAD_SOURCE_DATE_EPOCH", params: { text: epoch }, file: "SOURCE_DATE_EPOCH", line: 1, column: 1 }]);
  }
  return d;
}
