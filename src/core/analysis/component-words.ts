import type { Component } from "../model/calculate.js";

/** A component's name in running text, Swedish and English. */
export const COMPONENT_WORDS: Record<Component, [string, string]> = {
  fixed: ["fast ersättning", "fixed"],
  variable: ["rörlig ersättning", "variable"],
  unit_price: ["styckpris", "unit price"],
  fixed_only: ["endast fast ersättning", "fixed only"],
  solidarity: ["solidarisk finansiering", "solidarity"],
  grant: ["statsbidrag", "state grant"],
};
