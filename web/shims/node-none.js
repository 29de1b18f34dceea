// node:fs and node:crypto for the offline page: the page writes no files (it offers downloads),
// so what the file writer would call is never reached here.
function unavailable() {
  throw new Error("not available in the browser");
}
export const constants = {};
export const randomBytes = unavailable;
export const createHash = unavailable;
export default {};
