/**
 * Every message the tool writes about the input, in Swedish and English. The code is the
 * stable part (tests and scripts match on it); the text may be improved freely.
 */
import type { Code, Lang } from "../core/model/codes.js";
import { COMPARE_MESSAGES } from "./messages-compare.js";
import { DECIDED_MESSAGES } from "./messages-decided.js";
import type { MessageEntry as Entry } from "./message-entry.js";

export type { Code, Lang } from "../core/model/codes.js";
export type { MessageEntry } from "./message-entry.js";


const BASE_MESSAGES = {
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
    sv: "kolumnen {column} saknas (rubrikraden har {found})",
    en: "the column {column} is missing (the header has {found})",
    hint: {
      sv: "godtagna rubriker: {accepted}",
      en: "accepted headers: {accepted}",
    },
  },
  CSV_RECORD_TOO_LONG: {
    sv: "en post i filen är längre än {max} tecken; resten av filen läses inte",
    en: "a record of the file is longer than {max} characters; the rest of the file is not read",
    hint: {
      sv: "oftast ett citattecken som aldrig avslutas, eller en fil som inte är CSV",
      en: "usually a quote that is never closed, or a file that is not CSV",
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
    suggestionHint: {
      sv: "ta bort valutan: skriv bara talet, {suggestion} (i Excel: formatet Tal i stället för Valuta innan filen sparas)",
      en: "drop the currency: write the number alone, {suggestion} (in Excel: the Number format instead of Currency before saving)",
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
  NO_DATE_FORECAST: {
    sv: "raden saknar datum; en prognos till och med {through} måste veta om raden ligger före eller efter",
    en: "the row has no date; a forecast through {through} must know whether the row falls before or after",
  },
  BAD_THROUGH: {
    sv: "\"{text}\" är inget datum i tariffens år {year} (--through ÅÅÅÅ-MM-DD)",
    en: "\"{text}\" is not a date in the tariff's year {year} (--through YYYY-MM-DD)",
  },
  UNKNOWN_PARTY: {
    sv: "okänd part \"{text}\"",
    en: "unknown party \"{text}\"",
    hint: {
      sv: "kända parter och alias: {known}",
      en: "known parties and aliases: {known}",
    },
    suggestionHint: {
      sv: "menade du {suggestion}? Kända parter och alias: {known}",
      en: "did you mean {suggestion}? Known parties and aliases: {known}",
    },
  },
  BAD_TEXT: {
    sv: "otillåtet tecken {char} i {what} (kontroll- eller formattecken syns inte men gör texten till en annan)",
    en: "forbidden character {char} in {what} (control and format characters are invisible but make the text a different one)",
    hint: {
      sv: "skriv om värdet i Excel eller en texteditor utan dolda tecken",
      en: "retype the value in Excel or a text editor without hidden characters",
    },
  },
  TEXT_TOO_LONG: {
    sv: "{what} är {length} tecken långt; högst {max} tecken",
    en: "{what} is {length} characters long; at most {max} characters",
  },
  AMOUNT_TOO_LARGE: {
    sv: "\"{text}\" är större än vad vardavtal tar emot ({what}: högst {max})",
    en: "\"{text}\" is larger than vardavtal accepts ({what}: at most {max})",
  },
  TOTAL_TOO_LARGE: {
    sv: "{what} blir {amount} kr, mer än högst {max} kr som ett resultat får innehålla",
    en: "{what} comes to SEK {amount}, more than the SEK {max} a result may hold",
    hint: {
      sv: "kontrollera beloppen och poängen i indata: inget verkligt avtal kommer i närheten",
      en: "check the amounts and points in the input: no real agreement comes near",
    },
  },
  TOO_MANY_AREAS: {
    sv: "filen har fler än {max} olika verksamheter",
    en: "the file has more than {max} different areas of care",
  },
  NO_ROWS_COUNTED: {
    sv: "ingen rad räknades för {year}: {read} rader lästa, {otherYear} av annat år, {ownRegion} egen region (säljare = köpare)",
    en: "no row was counted for {year}: {read} rows read, {otherYear} of another year, {ownRegion} own region (seller = buyer)",
    hint: {
      sv: "kontrollera att tariffens år ({year}) är filens år och att säljare och köpare är rätt kolumner",
      en: "check that the tariff's year ({year}) is the file's year and that seller and buyer are the right columns",
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
  TARIFF_GRANT_EXCEEDS: {
    sv: "{path}: beloppen per part summerar till {sum} kr, mer än statsbidraget {amount} kr",
    en: "{path}: the amounts per party sum to SEK {sum}, more than the grant of SEK {amount}",
  },
  TARIFF_NO_POPULATION: {
    sv: "nyckeln bygger på befolkning men befolkning saknas för {parties} (i tariffen eller via --population)",
    en: "the key is by population but the population of {parties} is missing (in the tariff or via --population)",
  },
  TARIFF_HOST_PAYS_ITSELF: {
    warning: true,
    sv: "{path}: värdregionen {host} betalar inte till sig själv; beloppet stannar hos {host} och ger inget flöde",
    en: "{path}: the host {host} does not pay itself; the amount stays with {host} and makes no flow",
  },
  TARIFF_DECISION_MISSING: {
    sv: "tariffen har \"status\": \"decided\" men inget beslut ({path}): vem som beslutade, datum och paragraf saknas",
    en: "the tariff says \"status\": \"decided\" but names no decision ({path}): who decided it, the date and the paragraph are missing",
    hint: {
      sv: "lägg till \"decision\": { \"body\": \"Samverkansnämnden\", \"date\": \"2025-12-08\", \"paragraph\": \"§ 12\" } i tariffen",
      en: "add \"decision\": { \"body\": \"Samverkansnämnden\", \"date\": \"2025-12-08\", \"paragraph\": \"§ 12\" } to the tariff",
    },
  },
  TARIFF_DECIDED_ILLUSTRATIVE_SOURCE: {
    sv: "källan {path} säger att värdet är illustrativt, men tariffen har \"status\": \"decided\"",
    en: "the source {path} says the value is illustrative, but the tariff says \"status\": \"decided\"",
    hint: {
      sv: "för in det beslutade värdet och skriv beslutets källa, eller sätt \"status\": \"illustrative\" tills värdena är beslutade",
      en: "enter the decided value and write the decision's source, or set \"status\": \"illustrative\" until the values are decided",
    },
  },
  TARIFF_ILLUSTRATIVE: {
    warning: true,
    sv: "tariffen innehåller {status}: resultatet är ett UTKAST och kan inte användas för betalningar",
    en: "the tariff holds {status}: the result is a DRAFT and cannot be used for payments",
    hint: {
      sv: "för in de beslutade beloppen och sätt \"status\": \"decided\" i tariffen",
      en: "enter the decided amounts and set \"status\": \"decided\" in the tariff",
    },
  },
  TARIFF_STALE_DATE: {
    warning: true,
    sv: "{path}: nyckeldatumet {date} ligger mer än två år före avtalsåret {year}",
    en: "{path}: the key date {date} is more than two years before the agreement year {year}",
    hint: {
      sv: "är tariffen kopierad från ett äldre år? Ange befolkningen för rätt datum (eller --population)",
      en: "was the tariff copied from an earlier year? Give the population of the right date (or --population)",
    },
  },
  TARIFF_VALID_FROM_OUTSIDE_YEAR: {
    warning: true,
    sv: "{path}: poängpriset gäller från {date}, utanför avtalsåret {year}",
    en: "{path}: the point price is valid from {date}, outside the agreement year {year}",
    hint: {
      sv: "ett pris från ett tidigare år gäller tills ett nyare anges; är det årets pris?",
      en: "a price from an earlier year applies until a newer one is given; is it this year's price?",
    },
  },
  TARIFF_TOO_LARGE: {
    sv: "tariffilen är {bytes} byte; högst {max} byte",
    en: "the tariff file is {bytes} bytes; at most {max} bytes",
  },
  TARIFF_NOT_BUNDLED: {
    sv: "det finns ingen medföljande tariff för år {year} (finns: {years})",
    en: "there is no bundled tariff for the year {year} (bundled: {years})",
  },
  // Final settlement
  RESULT_FILE: {
    sv: "inte en giltig {what}-fil: {reason}",
    en: "not a valid {what} file: {reason}",
    hint: {
      sv: "använd en fil som vardavtal skrivit (calculate --json, acconto --json) och ändra den inte för hand",
      en: "use a file that vardavtal wrote (calculate --json, acconto --json) and do not edit it by hand",
    },
  },
  SETTLE_FORECAST: {
    sv: "resultatet är en prognos (till och med {through}); slutregleringen görs mot årets utfall",
    en: "the result is a forecast (through {through}); the final settlement is made against the year's outcome",
  },
  SETTLE_YEAR: {
    sv: "resultatet gäller {year} men betalningarna gäller {other}",
    en: "the result is for {year} but the payments are for {other}",
  },
  PAYMENT_SAME_PARTY: {
    sv: "betalare och mottagare är samma part ({party})",
    en: "payer and payee are the same party ({party})",
  },
  USAGE: {
    sv: "{message}",
    en: "{message}",
    hint: { sv: "se 'vardavtal --help' eller 'vardavtal <kommando> --help'", en: "see 'vardavtal --help' or 'vardavtal <command> --help'" },
  },
  // Proposal
  BAD_INDEX: {
    sv: "\"{text}\" är inget index ÅR=PROCENT (t.ex. 2025=3,1)",
    en: "\"{text}\" is not an index YEAR=PERCENT (e.g. 2025=3.1)",
  },
  PROPOSE_NO_INDEX: {
    sv: "index saknas för {year}",
    en: "the index for {year} is missing",
    hint: { sv: "ange --index {year}=PROCENT (t.ex. LPIK)", en: "give --index {year}=PERCENT (e.g. LPIK)" },
  },
  PROPOSE_NO_BASE: {
    sv: "inga basår: ange minst ett resultat med --results",
    en: "no base years: give at least one result with --results",
  },
  PROPOSE_BASE_YEAR: {
    sv: "resultatet gäller {year}, men förslaget gäller {next}: ett basår måste vara tidigare",
    en: "the result is for {year} but the proposal is for {next}: a base year must be earlier",
  },
  PROPOSE_BASE_YEAR_TWICE: {
    sv: "två resultat gäller samma år {year}",
    en: "two results are for the same year {year}",
  },
  // Outputs (usage errors: nothing is written)
  OUTPUT_IS_INPUT: {
    sv: "utfilen är samma fil som indatafilen {input}; den skulle skrivas över",
    en: "the output is the same file as the input {input}; it would be overwritten",
    hint: {
      sv: "ange ett annat namn för {option}",
      en: "give {option} another name",
    },
  },
  OUTPUT_TWICE: {
    sv: "samma utfil anges för {option} och {other}",
    en: "the same output file is given for {option} and {other}",
  },
  OUTPUT_NOT_FILE: {
    sv: "{option} pekar på {kind}, inte en vanlig fil; inget skrivs över",
    en: "{option} points at {kind}, not a regular file; nothing is replaced",
  },
  OUTPUT_WRITE: {
    sv: "kan inte skriva {option}: {reason}; inget skrevs och äldre filer är orörda",
    en: "cannot write {option}: {reason}; nothing was written and older files are untouched",
  },
  XLSX_UNAVAILABLE: {
    sv: "Excelrapporten kräver paketet exceljs, som inte är installerat; inget skrevs",
    en: "the Excel workbook needs the package exceljs, which is not installed; nothing was written",
    hint: {
      sv: "installera det med npm install exceljs (ett valfritt beroende av vardavtal), eller kör utan {option}",
      en: "install it with npm install exceljs (an optional dependency of vardavtal), or run without {option}",
    },
  },
  BAD_SOURCE_DATE_EPOCH: {
    sv: "SOURCE_DATE_EPOCH=\"{text}\" är inget heltal sekunder sedan 1970-01-01 UTC",
    en: "SOURCE_DATE_EPOCH=\"{text}\" is not a whole number of seconds since 1970-01-01 UTC",
    hint: {
      sv: "ta bort variabeln, eller sätt den t.ex. till $(date +%s)",
      en: "unset the variable, or set it to e.g. $(date +%s)",
    },
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
    warning: true,
    sv: "{seller}→{buyer} har konsumtion ({value} kr) med fast/rörlig ersättning men inget referensbelopp: bara rörlig ersättning betalas",
    en: "{seller}→{buyer} has consumption ({value} SEK) under fixed/variable reimbursement but no reference amount: only the variable part is paid",
  },
  POPULATION_UNUSED: {
    warning: true,
    sv: "nyckeln är fast ({basis}); befolkningsfilen används inte i beräkningen",
    en: "the key is fixed ({basis}); the population file is not used in the calculation",
  },
  TARIFF_FIXED_ONLY_NO_RULE: {
    warning: true,
    sv: "{path}: \"{area}\" har endast fast ersättning men ingen vårdregel med model \"fixed_only\"; konsumtion där räknas som fast och rörlig ersättning utöver det fasta beloppet",
    en: "{path}: \"{area}\" has a fixed-only amount but no care rule with model \"fixed_only\"; consumption there counts as fixed and variable care on top of the fixed amount",
    hint: {
      sv: "lägg till { \"area\": \"{area}\", \"model\": \"fixed_only\" } i careRules",
      en: "add { \"area\": \"{area}\", \"model\": \"fixed_only\" } to careRules",
    },
  },
  UNKNOWN_AREA: {
    warning: true,
    sv: "verksamheten \"{area}\" nämns inte i tariffen och räknas som fast och rörlig ersättning (rader: {rows}, värde: {value} kr)",
    en: "the area \"{area}\" is not named in the tariff and counts as fixed and variable reimbursement (rows: {rows}, value: SEK {value})",
    hint: {
      sv: "är den rätt, lägg den i tariffens \"areas\"; annars rätta namnet i filen",
      en: "if it is right, add it to the tariff's \"areas\"; otherwise correct the name in the file",
    },
    suggestionHint: {
      sv: "menade du \"{suggestion}\"?",
      en: "did you mean \"{suggestion}\"?",
    },
  },
  PAYMENT_WITHOUT_FLOW: {
    warning: true,
    sv: "{payer} har betalat {payee} {amount} kr men resultatet har inget flöde mellan dem; betalningen räknas ändå",
    en: "{payer} paid {payee} SEK {amount} but the result has no flow between them; the payment counts all the same",
  },
  PROPOSE_FORECAST_BASE: {
    warning: true,
    sv: "basåret {year} är en prognos (till och med {through}), inte ett utfall",
    en: "the base year {year} is a forecast (through {through}), not an outcome",
  },
  PROPOSE_REFERENCE_NEW: {
    warning: true,
    sv: "{seller}→{buyer} får ett referensbelopp ({amount} kr) men hade inget i årets tariff",
    en: "{seller}→{buyer} gets a reference amount (SEK {amount}) but had none in this year's tariff",
  },
  PROPOSE_REFERENCE_DROPPED: {
    warning: true,
    sv: "{seller}→{buyer} har referensbeloppet {amount} kr i årets tariff men inget värde i något basår: inget referensbelopp i förslaget",
    en: "{seller}→{buyer} has a reference amount of SEK {amount} this year but no value in any base year: no reference amount in the proposal",
  },
  PROPOSE_KEY_KEPT: {
    warning: true,
    sv: "ingen befolkningsfil: förslaget behåller befolkningen och nyckeln från {year}",
    en: "no population file: the proposal keeps the population and the key of {year}",
  },
  MANY_SKIPPED: {
    warning: true,
    sv: "{skipped} av {read} rader hoppades över: {otherYear} av annat år än {year}, {ownRegion} egen region",
    en: "{skipped} of {read} rows were skipped: {otherYear} of another year than {year}, {ownRegion} own region",
  },
  POPULATION_YEAR_COLUMN: {
    warning: true,
    sv: "befolkningsfilen har en kolumn per år ({columns}): nyckeln tar kolumnen {column}, {why}, som folkmängd per {year}-12-31",
    en: "the population file has one column per year ({columns}): the key takes the column {column}, {why}, as the population on {year}-12-31",
  },
  POPULATION_OTHER_REGIONS: {
    warning: true,
    sv: "befolkningsfilen har rader för regioner som inte är parter i överenskommelsen; de används inte ({count}): {regions}",
    en: "the population file has rows of regions that are not parties of the agreement; they are not used ({count}): {regions}",
  },
  POPULATION_FROM_FILE: {
    warning: true,
    sv: "befolkningen kommer från {file} och ersätter tariffens",
    en: "the population comes from {file} and replaces the tariff's",
  },
} satisfies Record<string, Entry>;

/** The table of every code: the base codes and those of the comparison commands (own module). */
export const MESSAGES: Record<Code, Entry> = { ...BASE_MESSAGES, ...COMPARE_MESSAGES, ...DECIDED_MESSAGES };
