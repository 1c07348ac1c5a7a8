/** Every IANA time zone the browser knows, for a searchable picker. */
export function timeZoneOptions(): string[] {
  // Older engines lack supportedValuesOf; the browser's own zone is then the one sensible choice.
  if (typeof Intl.supportedValuesOf !== 'function') return [browserTimeZone()];
  const zones = Intl.supportedValuesOf('timeZone');
  // Chromium omits "UTC" from the list although it is a valid zone that workspaces often use.
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
