// Lists kept as one '|'-separated string each: a name per line would make this file 150 lines of noise.
const list = (names: string) => names.split('|');

/**
 * Names of people. Dutch surnames keep their particles in lower case after a first name
 * (`Pieter van den Berg`) and capitalise them at the start of a company name; Flemish surnames
 * capitalise them always (`De Smet`, `Van Damme`), as is the custom in each country.
 */
export const firstNames = {
  NL: list(
    'Jan|Pieter|Sanne|Daan|Lotte|Thijs|Anouk|Bram|Femke|Joost|Marieke|Sven|Eline|Ruud|Ingrid|Kees|Willemijn|' +
      'Maarten|Esther|Jeroen|Sophie|Niels|Iris|Wouter|Linda|Bas|Marloes|Sander|Fleur|Hans|Annemiek|Tim|Rianne|' +
      'Gerrit|Mirjam|Koen|Noortje|René|Chloë|Zoë|Joëlle|Mehmet|Fatima|Rachid|Priya',
  ),
  BE: list(
    'Jens|Lies|Wout|Els|Koen|An|Pieter-Jan|Sofie|Bart|Griet|Stijn|Nele|Tom|Katrien|Joris|Hanne|Dries|Leen|' +
      'Geert|Ann-Sophie|Kris|Evelien|Frederik|Inge|Anaïs|Frédéric|Céline|Jonas|Lore|Thomas|Elke|Maarten|' +
      'Karolien|Youssef',
  ),
} as const;

export const lastNames = {
  NL: list(
    'Jansen|de Vries|van den Berg|van Dijk|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|' +
      'Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra|de Graaf|van der Meer|van der Linden|Kok|de Haan|' +
      'Vermeulen|van den Heuvel|van der Veen|van den Broek|de Bruijn|de Jong|van Beek|Hoekstra|Koster|Prins|' +
      "Postma|Kuipers|ter Horst|van 't Hof|Yılmaz|El Amrani|Wijnands|Scholten|Veenstra|Timmermans",
  ),
  BE: list(
    'Peeters|Janssens|Maes|Jacobs|Mertens|Willems|Claes|Goossens|Wouters|De Smet|Vermeulen|Van Damme|' +
      'De Clercq|Verstraete|Vandenberghe|Van den Broeck|De Backer|Lambrechts|Michiels|Hermans|Coppens|' +
      "Van Acker|Vanhove|Martens|Segers|De Wilde|D'Hondt|Desmet|Verhaeghe|Van de Velde|Dewulf|Callens|" +
      'Demeyer|Lemmens',
  ),
} as const;

/** A surname as it opens a company name: `van den Berg` becomes `Van den Berg`. */
export function companyFamilyName(lastName: string): string {
  return lastName.charAt(0).toUpperCase() + lastName.slice(1);
}
