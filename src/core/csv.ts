/** The records of a CSV text, or where an unclosed quote began. */
export type CsvTable = {
  /** Records in file order; each a list of fields (the header, if any, is the first). */
  readonly records: readonly (readonly string[])[];
  /** 1-based record number whose quoted field never closes, when one doesn't. */
  readonly unclosedQuoteRow?: number;
};

/**
 * Parses RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks inside; LF, CRLF or CR
 * record ends; a leading byte-order mark is dropped. Lenient where the RFC is silent: a quote inside an
 * unquoted field is kept as text, and text after a closing quote is appended to the field.
 */
export function parseCsv(text: string): CsvTable {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedFieldRow = 0;
  // Copies runs of plain text in one slice rather than a character at a time: large files parse in milliseconds.
  const special = /[",\r\n]/g;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    if (inQuotes) {
      const quote = text.indexOf('"', i);
      if (quote === -1) return { records, unclosedQuoteRow: quotedFieldRow };
      field += text.slice(i, quote);
      if (text[quote + 1] === '"') field += '"';
      else inQuotes = false;
      i = quote + (inQuotes ? 2 : 1);
      continue;
    }
    special.lastIndex = i;
    const at = special.exec(text)?.index ?? text.length;
    field += text.slice(i, at);
    const char = text[at];
    i = at + 1;
    if (char === '"' && field === '') {
      inQuotes = true;
      quotedFieldRow = records.length + 1;
    } else if (char === '"') {
      field += char;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char !== undefined) {
      if (char === '\r' && text[i] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    }
  }
  if (inQuotes) return { records, unclosedQuoteRow: quotedFieldRow };
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return { records };
}
