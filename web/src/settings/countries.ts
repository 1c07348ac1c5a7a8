const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
// Region codes that name no country: groupings, user-assigned and unknown ones.
const notCountries = /^(?:EU|EZ|UN|ZZ|Q[M-Z]|X[A-JL-Z])$/;

/** Every two-letter region code the browser has a name for, named in the user's language. */
export function countryOptions(language: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  const options: { value: string; label: string }[] = [];
  for (const first of letters)
    for (const second of letters) {
      const code = `${first}${second}`;
      if (notCountries.test(code)) continue;
      const name = names.of(code);
      if (name && name !== code) options.push({ value: code, label: `${name} (${code})` });
    }
  return options.sort((a, b) => a.label.localeCompare(b.label, language));
}
