// node:path for the offline page: the CSV writers only join a folder and a file name.
export function join(...parts) {
  return parts.filter((p) => p !== "").join("/");
}
export function basename(p) {
  return String(p).split(/[\\/]/).pop() ?? "";
}
export function dirname(p) {
  const i = String(p).lastIndexOf("/");
  return i < 0 ? "." : String(p).slice(0, i) || "/";
}
export function resolve(...parts) {
  return join(...parts);
}
export default { join, basename, dirname, resolve };
