/** The records of a CSV text, or where an unclosed quote began. */
export type CsvTable = {
  /** Records in file order; each a list of fields (the header, if any, is the first). */
  readonly records: readonly (readonly string[])[];
  /** 1-based record number whose quoted field never closes, when one doesn't. */
  readonly unclosedQuoteRow?: number;
};

/**
 * Parses RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks inside; LF or CRLF
 * record ends. Lenient where the RFC is silent: a quote inside an unquoted field is kept as text.
 */
export function parseCsv(text: string): CsvTable {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedFieldRow = 0;
  const endRecord = (): void => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inQuotes) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') (field += '"'), (i += 1);
      else inQuotes = false;
    } else if (char === '"' && field === '') {
      inQuotes = true;
      quotedFieldRow = records.length + 1;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
    } else {
      field += char;
    }
  }
  if (inQuotes) return { records, unclosedQuoteRow: quotedFieldRow };
  if (field !== '' || record.length > 0) endRecord();
  return { records };
}
