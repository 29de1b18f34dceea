/**
 * Messages of the comparison commands (compare, scenarios with --set, explain), kept in their own
 * module and merged into MESSAGES. Same shape as the base table.
 */
import type { MessageEntry } from "./messages.js";

export const COMPARE_MESSAGES = {} satisfies Record<string, MessageEntry>;
