// Buffer for the workbook writer (it sets the ZIP entries' times with readUInt32LE and friends).
export { Buffer } from "buffer";
