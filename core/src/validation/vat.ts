import { type Checked, quoted, valid } from './checked.ts';

/**
 * The VAT numbers of the EU member states as VIES knows them: the country prefix (EL for Greece, XI
 * for Northern Ireland) and the shape of the rest. Only NL and BE have their check digits tested
 * (below); the others get this format check.
 */
const euFormats: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[0-9A-Z]\d{7}[0-9A-Z]$/,
  FI: /^\d{8}$/,
  FR: /^[0-9A-HJ-NP-Z]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(?:\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(?:\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{12}$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  XI: /^(?:\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

/** The remainder modulo 97 of a long digit string, in chunks so that no step exceeds 2^53. */
function mod97(digits: string): number {
  let remainder = 0;
  for (let index = 0; index < digits.length; index += 7) {
    remainder = Number(`${remainder}${digits.slice(index, index + 7)}`) % 97;
  }
  return remainder;
}

/** Letters as ISO 7064 numbers: A = 10 … Z = 35. */
const lettersAsDigits = (value: string) =>
  value.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));

/**
 * The Dutch rules. Numbers given out before 2020 are the RSIN (or BSN) + B + two digits; the RSIN
 * passes the eleven test: digits weighted 9, 8, … 2 and the last one -1 sum to a multiple of 11.
 * Since 1 January 2020 sole traders get a btw-identificatienummer without their BSN in it, which
 * passes ISO 7064 MOD 97-10 instead: the whole number `NL…B..`, letters written as numbers
 * (N = 23, L = 21, B = 11), leaves 1 when divided by 97. A valid number passes either test.
 */
export function isDutchVatNumber(number: string): boolean {
  if (!/^\d{9}B\d{2}$/.test(number)) return false;
  const weighted = [...number.slice(0, 9)].reduce(
    (sum, digit, index) => sum + Number(digit) * (index === 8 ? -1 : 9 - index),
    0,
  );
  return weighted % 11 === 0 || mod97(lettersAsDigits(`NL${number}`)) === 1;
}

/**
 * The Belgian rules: the enterprise number (ondernemingsnummer) of 10 digits starting with 0 or 1;
 * its last two digits are 97 minus the first eight modulo 97.
 */
export function isBelgianVatNumber(number: string): boolean {
  if (!/^[01]\d{9}$/.test(number)) return false;
  return 97 - (Number(number.slice(0, 8)) % 97) === Number(number.slice(8));
}

/**
 * A VAT number upper-cased without spaces, dots or dashes: `nl 8535.44.217.B01` becomes
 * `NL853544217B01`. A Belgian number of the old 9-digit form gets its leading 0, a Dutch RSIN written without its
 * leading zeros gets them back, a Greek GR prefix
 * becomes EL as VIES writes it. NL and BE numbers must pass their check digits; other EU numbers
 * must have their country's format; numbers of other countries only the general shape.
 * Empty input is no number (null).
 */
export function normalizeVatNumber(raw: string): Checked<string | null> {
  let value = raw
    .trim()
    .toUpperCase()
    .replace(/[\s.\-/]/g, '');
  if (value === '') return valid(null);
  if (value.startsWith('GR')) value = `EL${value.slice(2)}`;
  if (/^BE\d{9}$/.test(value)) value = `BE0${value.slice(2)}`;
  const shortDutch = /^NL(\d{7,8})(B\d{2})$/.exec(value);
  if (shortDutch) value = `NL${shortDutch[1]!.padStart(9, '0')}${shortDutch[2]}`;
  const country = value.slice(0, 2);
  const number = value.slice(2);
  if (!/^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(value))
    return {
      ok: false,
      message: `Use a VAT number with its country code, such as NL123456789B01; ${quoted(raw)} is not one.`,
    };
  const format = euFormats[country];
  if (format && !format.test(number))
    return {
      ok: false,
      message: `Not a valid VAT number: ${quoted(raw)} does not have the format of ${country} numbers.`,
    };
  const checkDigits = country === 'NL' ? isDutchVatNumber : country === 'BE' ? isBelgianVatNumber : null;
  if (checkDigits && !checkDigits(number))
    return {
      ok: false,
      message: `Not a valid VAT number: ${quoted(raw)} fails the check digits of ${country} numbers.`,
    };
  return valid(value);
}
