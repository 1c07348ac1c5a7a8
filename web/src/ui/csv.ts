// CSV as spreadsheets open it: Dutch Excel expects semicolons, English a comma; a byte order mark
// makes Excel read UTF-8 (accents in names) correctly.
export function csvSeparator(language: string): string {
  return language === 'nl' ? ';' : ',';
}

function csvCell(value: string, separator: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet (CSV injection); a quote defuses it.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /["\n\r]/.test(safe) || safe.includes(separator) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(values: string[], separator: string): string {
  return values.map((value) => csvCell(value, separator)).join(separator);
}

export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
