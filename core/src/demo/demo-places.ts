/** Towns the demo companies sit in, with what their addresses and phone numbers look like there. */
export interface Place {
  city: string;
  region: string;
  country: 'NL' | 'BE';
  /** Dutch towns: the 4-digit part of their postcodes; Belgian towns: their postcodes. */
  postcodes: readonly number[] | readonly [number, number];
  /** Area code without the trunk 0, as it follows +31 or +32. */
  areaCode: string;
}

const nl = (city: string, region: string, low: number, high: number, areaCode: string): Place => ({
  city,
  region,
  country: 'NL',
  postcodes: [low, high],
  areaCode,
});
const be = (city: string, region: string, postcodes: number[], areaCode: string): Place => ({
  city,
  region,
  country: 'BE',
  postcodes,
  areaCode,
});

export const dutchPlaces: readonly Place[] = [
  nl('Amsterdam', 'Noord-Holland', 1011, 1109, '20'),
  nl('Rotterdam', 'Zuid-Holland', 3011, 3089, '10'),
  nl('Utrecht', 'Utrecht', 3511, 3585, '30'),
  nl('Den Haag', 'Zuid-Holland', 2491, 2597, '70'),
  nl('Eindhoven', 'Noord-Brabant', 5611, 5658, '40'),
  nl('Groningen', 'Groningen', 9711, 9747, '50'),
  nl('Zwolle', 'Overijssel', 8011, 8045, '38'),
  nl('Hoogeveen', 'Drenthe', 7901, 7909, '528'),
  nl('Amersfoort', 'Utrecht', 3811, 3829, '33'),
  nl('Breda', 'Noord-Brabant', 4811, 4839, '76'),
  nl('Tilburg', 'Noord-Brabant', 5011, 5049, '13'),
  nl('Nijmegen', 'Gelderland', 6511, 6546, '24'),
  nl('Arnhem', 'Gelderland', 6811, 6846, '26'),
  nl('Enschede', 'Overijssel', 7511, 7548, '53'),
  nl('Leeuwarden', 'Friesland', 8911, 8941, '58'),
  nl('Maastricht', 'Limburg', 6211, 6229, '43'),
  nl("'s-Hertogenbosch", 'Noord-Brabant', 5211, 5248, '73'),
  nl('Apeldoorn', 'Gelderland', 7311, 7339, '55'),
  nl('Veenendaal', 'Utrecht', 3901, 3907, '318'),
  nl('Venlo', 'Limburg', 5911, 5928, '77'),
  nl('Almere', 'Flevoland', 1311, 1359, '36'),
  nl('Deventer', 'Overijssel', 7411, 7429, '570'),
  nl('Drachten', 'Friesland', 9200, 9206, '512'),
  nl('Emmen', 'Drenthe', 7811, 7833, '591'),
  nl('Zaandam', 'Noord-Holland', 1501, 1509, '75'),
  nl('Barneveld', 'Gelderland', 3771, 3774, '342'),
  nl('Helmond', 'Noord-Brabant', 5701, 5709, '492'),
  nl('Alkmaar', 'Noord-Holland', 1811, 1829, '72'),
];

export const belgianPlaces: readonly Place[] = [
  be('Antwerpen', 'Antwerpen', [2000, 2018, 2020, 2030, 2060], '3'),
  be('Gent', 'Oost-Vlaanderen', [9000, 9030, 9040, 9050], '9'),
  be('Brugge', 'West-Vlaanderen', [8000, 8200, 8310], '50'),
  be('Leuven', 'Vlaams-Brabant', [3000, 3001, 3010], '16'),
  be('Mechelen', 'Antwerpen', [2800], '15'),
  be('Hasselt', 'Limburg', [3500, 3510], '11'),
  be('Kortrijk', 'West-Vlaanderen', [8500, 8501], '56'),
  be('Brussel', 'Brussels Hoofdstedelijk Gewest', [1000, 1020, 1030, 1050], '2'),
  be('Aalst', 'Oost-Vlaanderen', [9300, 9320], '53'),
  be('Genk', 'Limburg', [3600], '89'),
  be('Roeselare', 'West-Vlaanderen', [8800], '51'),
  be('Turnhout', 'Antwerpen', [2300], '14'),
  be('Sint-Niklaas', 'Oost-Vlaanderen', [9100], '3'),
  be('Oostende', 'West-Vlaanderen', [8400], '59'),
  be('Geel', 'Antwerpen', [2440], '14'),
  be('Lokeren', 'Oost-Vlaanderen', [9160], '9'),
  be('Waregem', 'West-Vlaanderen', [8790], '56'),
  be('Zaventem', 'Vlaams-Brabant', [1930], '2'),
  be('Beringen', 'Limburg', [3580], '11'),
];

export const dutchStreets = [
  'Industrieweg',
  'Nijverheidsweg',
  'Ambachtsweg',
  'Energieweg',
  'Kanaalweg',
  'Havenstraat',
  'Edisonstraat',
  'Marconistraat',
  'Transportweg',
  'Zuiderzeestraat',
  'Stationsplein',
  'Handelsweg',
  'Celsiusstraat',
  'Laan van Westenenk',
  'Bedrijvenpark Noord',
] as const;

export const belgianStreets = [
  'Industriepark',
  'Nijverheidsstraat',
  'Ambachtenlaan',
  'Kortrijksesteenweg',
  'Brusselsesteenweg',
  'Antwerpsesteenweg',
  'Kleinhoefstraat',
  'Noorderlaan',
  'Europalaan',
  'Kanaaldijk',
  'Zandvoortstraat',
  'Hulsdonk',
] as const;

/** Regions that local firms like to put in their names. */
export const regionNames = {
  NL: [
    'Rijnmond',
    'Twente',
    'Veluwe',
    'Brabant',
    'Noord',
    'Zeeland',
    'Drenthe',
    'Gooi',
    'Kennemer',
    'Achterhoek',
  ],
  BE: ['Kempen', 'Waasland', 'Westhoek', 'Pajottenland', 'Haspengouw', 'Meetjesland', 'Noorderkempen'],
} as const;
