/** Worker thread entry of the fast reader: scans one byte range and posts the result. */
import { parentPort, workerData } from "node:worker_threads";
import { scanRange, type ScanSetup } from "./fast-scan.js";

parentPort?.postMessage(scanRange(workerData as ScanSetup));
