/**
 * Every message the tool writes about the input, in Swedish and English. The code is the
 * stable part (tests and scripts match on it); the text may be improved freely.
 */
export type Lang = "sv" | "en";

interface Entry {
  sv: string;
  en: string;
  hint?: { sv: string; en: string };
}

export const MESSAGES = {
  // Files and CSV structure
  FILE_READ: {
    sv: "kan inte läsa filen: {reason}",
    en: "cannot read the file: {reason}",
  },
  CSV_EMPTY: {
    sv: "filen är tom: en rubrikrad saknas",
    en: "the file is empty: it has no header line",
  },
  CSV_ENCODING: {
    sv: "ogiltig UTF-8 (filen började som UTF-8 men innehåller här en byte som inte är UTF-8)",
    en: "invalid UTF-8 (the file started as UTF-8 but holds a byte here that is not UTF-8)",
    hint: {
      sv: "spara filen som \"CSV UTF-8\" eller som \"CSV (semikolonavgränsad)\" i Excel, inte som en blandning",
      en: "save the file as \"CSV UTF-8\" or as \"CSV (semicolon delimited)\" from Excel, not a mix",
    },
  },
  CSV_QUOTE: {
    sv: "citattecken som inte avslutas eller står fel i fältet",
    en: "a quote that is not closed, or stands in the wrong place in the field",
    hint: {
      sv: "ett fält inom citattecken slutar med \" och ett \" inuti skrivs \"\"",
      en: "a quoted field ends with \" and a \" inside it is written \"\"",
    },
  },
  CSV_FIELD_COUNT: {
    sv: "raden har {found} fält men rubrikraden har {expected}",
    en: "the line has {found} fields but the header has {expected}",
    hint: {
      sv: "ett tal med decimalkomma i en kommaavgränsad fil måste stå inom citattecken",
      en: "a number with a decimal comma in a comma-delimited file must be quoted",
    },
  },
  MISSING_COLUMN: {
    sv: "kolumnen {column} saknas",
    en: "the column {column} is missing",
    hint: {
      sv: "godtagna rubriker: {accepted}",
      en: "accepted headers: {accepted}",
    },
  },
  DUPLICATE_COLUMN: {
    sv: "kolumnen {column} förekommer två gånger (även som {other})",
    en: "the column {column} appears twice (also as {other})",
  },
  // Values
  BAD_NUMBER: {
    sv: "\"{text}\" är inget giltigt tal",
    en: "\"{text}\" is not a valid number",
    hint: {
      sv: "skriv t.ex. 1234,56 eller 1 234,56 eller -1234.56 (inga exponenter, tusental i grupper om tre)",
      en: "write e.g. 1234.56 or 1 234,56 or -1234.56 (no exponent, thousands in groups of three)",
    },
  },
  TOO_MANY_DECIMALS: {
    sv: "\"{text}\" har fler än {max} decimaler ({what})",
    en: "\"{text}\" has more than {max} decimals ({what})",
  },
  BAD_DATE: {
    sv: "\"{text}\" är inget giltigt datum (ÅÅÅÅ-MM-DD)",
    en: "\"{text}\" is not a valid date (YYYY-MM-DD)",
  },
  BAD_YEAR: {
    sv: "\"{text}\" är inget giltigt år",
    en: "\"{text}\" is not a valid year",
  },
  YEAR_DATE_MISMATCH: {
    sv: "året {year} stämmer inte med datumet {date}",
    en: "the year {year} does not match the date {date}",
  },
  NO_YEAR: {
    sv: "raden saknar både år och datum",
    en: "the row has neither a year nor a date",
  },
  UNKNOWN_PARTY: {
    sv: "okänd part \"{text}\"",
    en: "unknown party \"{text}\"",
    hint: {
      sv: "kända parter och alias: {known}",
      en: "known parties and aliases: {known}",
    },
  },
  MISSING_VALUE: {
    sv: "{what} saknas",
    en: "{what} is missing",
  },
  NO_VALUE: {
    sv: "raden har varken belopp eller poäng",
    en: "the row has neither an amount nor points",
  },
  NO_PRICE: {
    sv: "inget poängpris för {seller} den {date}",
    en: "no point price for {seller} on {date}",
    hint: {
      sv: "lägg till ett poängpris i tariffen med validFrom på eller före {date}",
      en: "add a point price to the tariff with validFrom on or before {date}",
    },
  },
  UNDATED_PRICE_CHANGE: {
    sv: "raden saknar datum men poängpriset för {seller} ändras under {year} ({changes})",
    en: "the row has no date but the point price of {seller} changes during {year} ({changes})",
    hint: {
      sv: "ange datum på raden, eller belopp i stället för poäng",
      en: "give the row a date, or an amount instead of points",
    },
  },
  BAD_POPULATION: {
    sv: "\"{text}\" är ingen giltig befolkning (ett heltal ≥ 0)",
    en: "\"{text}\" is not a valid population (a whole number ≥ 0)",
  },
  DUPLICATE_PARTY: {
    sv: "{party} förekommer redan på rad {first}",
    en: "{party} already appears on line {first}",
  },
  MISSING_PARTY: {
    sv: "befolkning saknas för {party}",
    en: "population is missing for {party}",
  },
  ZERO_POPULATION: {
    sv: "den totala befolkningen är 0: nyckeln kan inte beräknas",
    en: "the total population is 0: the key cannot be computed",
  },
  // Tariff
  TARIFF_JSON: {
    sv: "ogiltig JSON: {reason}",
    en: "invalid JSON: {reason}",
  },
  TARIFF_SCHEMA: {
    sv: "{path}: {reason}",
    en: "{path}: {reason}",
  },
  TARIFF_KEY_SUM: {
    sv: "andelarna i fördelningsnyckeln summerar till {sum}, inte exakt 1",
    en: "the key's shares sum to {sum}, not exactly 1",
  },
  TARIFF_RULE_OVERLAP: {
    sv: "vårdregeln för \"{area}\" kan träffa samma säljare ({sellers}) som regeln på {other}",
    en: "the care rule for \"{area}\" can match the same sellers ({sellers}) as the rule at {other}",
  },
  TARIFF_UNKNOWN_PARTY: {
    sv: "{path}: okänd part \"{party}\"",
    en: "{path}: unknown party \"{party}\"",
  },
  TARIFF_DUPLICATE: {
    sv: "{path}: {what} förekommer redan på {other}",
    en: "{path}: {what} already appears at {other}",
  },
  TARIFF_NO_POPULATION: {
    sv: "nyckeln bygger på befolkning men befolkning saknas för {parties} (i tariffen eller via --population)",
    en: "the key is by population but the population of {parties} is missing (in the tariff or via --population)",
  },
  TARIFF_HOST_PAYS_ITSELF: {
    sv: "{path}: värdregionen {host} betalar inte till sig själv; beloppet stannar hos {host} och ger inget flöde",
    en: "{path}: the host {host} does not pay itself; the amount stays with {host} and makes no flow",
  },
  TARIFF_NOT_BUNDLED: {
    sv: "det finns ingen medföljande tariff för år {year} (finns: {years})",
    en: "there is no bundled tariff for the year {year} (bundled: {years})",
  },
  // API rows
  BAD_ROW: {
    sv: "ogiltig rad: {reason}",
    en: "invalid row: {reason}",
  },
  // Key check
  COSTS_EMPTY: {
    sv: "filen med gemensamma kostnader har inga rader",
    en: "the joint-costs file has no rows",
  },
  // Warnings
  NO_REFERENCE: {
    sv: "{seller}→{buyer} har konsumtion ({value} kr) med fast/rörlig ersättning men inget referensbelopp: bara rörlig ersättning betalas",
    en: "{seller}→{buyer} has consumption ({value} SEK) under fixed/variable reimbursement but no reference amount: only the variable part is paid",
  },
  POPULATION_UNUSED: {
    sv: "nyckeln är fast ({basis}); befolkningsfilen används inte i beräkningen",
    en: "the key is fixed ({basis}); the population file is not used in the calculation",
  },
  POPULATION_FROM_FILE: {
    sv: "befolkningen kommer från {file} och ersätter tariffens",
    en: "the population comes from {file} and replaces the tariff's",
  },
} satisfies Record<string, Entry>;

export type Code = keyof typeof MESSAGES;

export const CODES = Object.keys(MESSAGES) as Code[];
