import type { Random } from './random.ts';

/** Letters and digits only, lower case, accents dropped: `Anaïs D'Hondt` becomes `anaisdhondt`. */
export function plainAscii(value: string): string {
  return (
    value
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      // Letters that carry no separate accent mark, so NFD leaves them as they are (Turkish ı in Yılmaz).
      .replace(/ı/g, 'i')
      .replace(/[øØ]/g, 'o')
      .replace(/ß/g, 'ss')
      .toLowerCase()
      .replace(/&/g, 'en')
      .replace(/[^a-z0-9-]/g, '')
  );
}

/** The part before the @ as companies usually build it: `pieter-jan.vandenberg`. */
export function emailLocalPart(firstName: string, lastName: string): string {
  return `${plainAscii(firstName)}.${plainAscii(lastName)}`;
}

// Dutch postcodes use every letter pair except SA, SD and SS (their use was avoided after the war).
const POSTCODE_LETTERS = 'ABCDEFGHJKLMNPRSTVWXZ';
export function dutchPostcode(random: Random, range: readonly [number, number]): string {
  let letters = '';
  do letters = random.pick([...POSTCODE_LETTERS]) + random.pick([...POSTCODE_LETTERS]);
  while (letters === 'SA' || letters === 'SD' || letters === 'SS');
  return `${random.int(range[0], range[1])} ${letters}`;
}

/**
 * A phone number in E.164 form. The national part has 9 digits in the Netherlands and 8 for a
 * Belgian landline, the area code included; the subscriber part never starts with 0 or 1.
 */
export function landline(random: Random, country: 'NL' | 'BE', areaCode: string): string {
  const national = country === 'NL' ? 9 : 8;
  const rest = national - areaCode.length;
  return `${country === 'NL' ? '+31' : '+32'}${areaCode}${random.int(2, 9)}${random.digits(rest - 1)}`;
}

/** Dutch mobiles are 06 + 8 digits; Belgian ones 04xx + 6 digits in the 460-499 range. */
export function mobile(random: Random, country: 'NL' | 'BE'): string {
  return country === 'NL'
    ? `+316${random.int(1, 5)}${random.digits(7)}`
    : `+324${random.int(60, 99)}${random.digits(6)}`;
}

export function kvkNumber(random: Random): string {
  return `${random.int(1, 9)}${random.digits(7)}`;
}

/**
 * NL + RSIN + B01. The RSIN passes the eleven test the tax office uses: the weighted sum 9..2 of the
 * first eight digits, modulo 11, is the ninth digit (a remainder of 10 is not a valid number).
 */
export function dutchVatNumber(random: Random): string {
  for (;;) {
    const digits = `${random.int(0, 9)}${random.digits(7)}`;
    const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * (9 - index), 0);
    const check = sum % 11;
    if (check < 10) return `NL${digits}${check}B01`;
  }
}

/**
 * BE + enterprise number: a 0, seven digits, and two check digits equal to 97 minus the first eight
 * digits modulo 97 (the KBO/BCE rule).
 */
export function belgianVatNumber(random: Random): string {
  const base = `0${random.int(2, 9)}${random.digits(6)}`;
  const check = 97 - (Number(base) % 97);
  return `BE${base}${String(check).padStart(2, '0')}`;
}
