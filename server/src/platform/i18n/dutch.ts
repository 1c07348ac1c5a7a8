// Dutch for every message the API can answer with (problem+json titles, details and field errors).
// Keys are the English texts as the code writes them; `{name}` marks a part filled in at run time,
// which is translated too when it is a key here (e.g. the record label in "{what} not found.").
// message-completeness.test.ts fails when a message in the code has no entry here.
export const dutch: Record<string, string> = {
  // Titles of the problem kinds
  'Bad request': 'Ongeldig verzoek',
  'Not signed in': 'Niet ingelogd',
  'Not allowed': 'Niet toegestaan',
  'Not found': 'Niet gevonden',
  Conflict: 'Conflict',
  'Request too large': 'Verzoek te groot',
  'Unsupported media type': 'Niet-ondersteund mediatype',
  'Invalid input': 'Ongeldige invoer',
  'Too many requests': 'Te veel verzoeken',
  'Internal error': 'Interne fout',

  // Record labels (filled into "{what} not found.")
  'API token': 'API-token',
  'Contact on this deal': 'Contactpersoon op deze deal',
  'Custom field': 'Eigen veld',
  Deal: 'Deal',
  Invitation: 'Uitnodiging',
  Pipeline: 'Pijplijn',
  'Saved view': 'Opgeslagen weergave',
  Tag: 'Tag',
  User: 'Gebruiker',
  Workspace: 'Werkruimte',
  Account: 'Bedrijf',
  Contact: 'Contactpersoon',
  Activity: 'Activiteit',
  '{what} not found.': '{what} niet gevonden.',

  // Request shape
  'The request has an error: {list}': 'Het verzoek bevat een fout: {list}',
  'The request has {count} errors: {list}': 'Het verzoek bevat {count} fouten: {list}',
  'The body has an error: {list}': 'De inhoud bevat een fout: {list}',
  'The body has {count} errors: {list}': 'De inhoud bevat {count} fouten: {list}',
  'The querystring has an error: {list}': 'De zoekparameters bevatten een fout: {list}',
  'The querystring has {count} errors: {list}': 'De zoekparameters bevatten {count} fouten: {list}',
  'The params has an error: {list}': 'Het adres bevat een fout: {list}',
  'The params has {count} errors: {list}': 'Het adres bevat {count} fouten: {list}',
  'The headers has an error: {list}': 'De headers bevatten een fout: {list}',
  'The headers has {count} errors: {list}': 'De headers bevatten {count} fouten: {list}',
  'Unknown field: remove it or check its spelling.': 'Onbekend veld: laat het weg of controleer de spelling.',
  'The request body is too large.': 'De inhoud van het verzoek is te groot.',
  'Send the request body as application/json.': 'Stuur de inhoud van het verzoek als application/json.',
  'The request body is empty: send a JSON object.':
    'De inhoud van het verzoek is leeg: stuur een JSON-object.',
  'The request body is not valid JSON: {message}':
    'De inhoud van het verzoek is geen geldige JSON: {message}',
  'The path has a malformed %-escape.': 'Het pad bevat een ongeldige %-code.',
  'A part of the path is too long to be an id.': 'Een deel van het pad is te lang voor een id.',
  'Too many requests: wait a minute and try again.':
    'Te veel verzoeken: wacht een minuut en probeer het opnieuw.',
  'Something went wrong on our side. It has been logged; try again.':
    'Er ging bij ons iets mis. Het is vastgelegd; probeer het opnieuw.',
  'There is no {method} {path}.': '{method} {path} bestaat niet.',
  'Still in use by {what}: move or delete those first.':
    'Nog in gebruik door {what}: verplaats of verwijder die eerst.',
  '{field}: {message}': '{field}: {message}',
  '{label}: {message}': '{label}: {message}',

  // Signing in and access
  'Sign in first.': 'Log eerst in.',
  'Sign in again.': 'Log opnieuw in.',
  'Sign in first, or send an API token as "Authorization: Bearer <token>".':
    'Log eerst in, of stuur een API-token als "Authorization: Bearer <token>".',
  'This API token has been revoked.': 'Dit API-token is ingetrokken.',
  'Your session has expired: sign in again.': 'Je sessie is verlopen: log opnieuw in.',
  'Missing or wrong {header} header: send the csrfToken from /api/v1/auth/me.':
    'De header {header} ontbreekt of klopt niet: stuur het csrfToken van /api/v1/auth/me mee.',
  'This API token may only read; create a read-write token to make changes.':
    'Dit API-token mag alleen lezen; maak een token met schrijfrechten om iets te wijzigen.',
  'Baken is already set up: sign in, or ask an admin for an invitation.':
    'Baken is al ingericht: log in, of vraag een beheerder om een uitnodiging.',
  'That email and password do not match an account.':
    'Dit e-mailadres en wachtwoord horen niet bij een account.',
  'This account has no access to that workspace (any more).':
    'Dit account heeft (niet langer) toegang tot die werkruimte.',
  'Enter your current password to set a new one.':
    'Vul je huidige wachtwoord in om een nieuw wachtwoord te kiezen.',
  'Manage API tokens from a signed-in session, not with a token.':
    'Beheer API-tokens vanuit een ingelogde sessie, niet met een token.',
  'You can only revoke your own API tokens.': 'Je kunt alleen je eigen API-tokens intrekken.',
  'Your role (viewer) can only read.': 'Met jouw rol (kijker) kun je alleen lezen.',

  // Users, workspace, roles
  'Only admins and owners can change workspace settings.':
    'Alleen beheerders en eigenaren kunnen de instellingen van de werkruimte wijzigen.',
  'Only admins and owners can manage users.': 'Alleen beheerders en eigenaren kunnen gebruikers beheren.',
  'Only an owner can make someone an owner or change an owner’s role.':
    'Alleen een eigenaar kan iemand eigenaar maken of de rol van een eigenaar wijzigen.',
  'A workspace needs at least one owner: make someone else owner first.':
    'Een werkruimte heeft minstens één eigenaar nodig: maak eerst iemand anders eigenaar.',
  'Only an owner can remove an owner.': 'Alleen een eigenaar kan een eigenaar verwijderen.',
  'Only an owner can invite another owner.': 'Alleen een eigenaar kan een andere eigenaar uitnodigen.',
  'This invitation link is not valid (any more): ask for a new one.':
    'Deze uitnodigingslink is (niet langer) geldig: vraag om een nieuwe.',
  'You already have a Baken account with this email: enter its password.':
    'Je hebt al een Baken-account met dit e-mailadres: vul het wachtwoord daarvan in.',
  'Enter your name.': 'Vul je naam in.',
  'name: enter your name.': 'name: vul je naam in.',
  'currentPassword: enter your current password to set a new one.':
    'currentPassword: vul je huidige wachtwoord in om een nieuw wachtwoord te kiezen.',
  'options: a select field needs at least one option.':
    'options: een keuzeveld heeft minstens één optie nodig.',
  'options: only select fields have options.': 'options: alleen keuzevelden hebben opties.',
  'Enter a name.': 'Vul een naam in.',
  'Enter a workspace name.': 'Vul een naam voor de werkruimte in.',
  'Give the token a name.': 'Geef het token een naam.',
  'Use at least 10 characters.': 'Gebruik minstens 10 tekens.',
  'Use an IANA time zone such as Europe/Amsterdam.': 'Gebruik een IANA-tijdzone zoals Europe/Amsterdam.',
  'Use a three-letter ISO currency code such as EUR.':
    'Gebruik een ISO-valutacode van drie letters, zoals EUR.',
  'Only admins and owners can read the audit log.':
    'Alleen beheerders en eigenaren kunnen het auditlog lezen.',
  'Only owners can download a backup of the workspace.':
    'Alleen eigenaren kunnen een back-up van de werkruimte downloaden.',

  // Records and fields
  'Not a valid id.': 'Geen geldige id.',
  'Not a valid pipeline id.': 'Geen geldige id van een pijplijn.',
  'Use at most {max} characters.': 'Gebruik hoogstens {max} tekens.',
  'Use at most 50 characters.': 'Gebruik hoogstens 50 tekens.',
  'Use at most 80 characters.': 'Gebruik hoogstens 80 tekens.',
  'Use at most 100 characters.': 'Gebruik hoogstens 100 tekens.',
  'Use at most 200 characters.': 'Gebruik hoogstens 200 tekens.',
  'Use at most 256 characters.': 'Gebruik hoogstens 256 tekens.',
  'Use at most 1000 characters.': 'Gebruik hoogstens 1000 tekens.',
  'Enter a web address such as https://acme.nl.': 'Vul een webadres in zoals https://acme.nl.',
  'Enter a domain such as acme.nl.': 'Vul een domein in zoals acme.nl.',
  'Enter a domain such as acme.nl; {raw} has no public domain ending.':
    'Vul een domein in zoals acme.nl; {raw} heeft geen openbare domeinextensie.',
  'Use an SBI code such as 62.01 (software development); {raw} is not one.':
    'Gebruik een SBI-code zoals 62.01 (ontwikkelen van software); {raw} is dat niet.',
  'A KvK number has 8 digits; {raw} does not.': 'Een KvK-nummer heeft 8 cijfers; {raw} niet.',
  'Not a valid phone number: {raw}.': 'Geen geldig telefoonnummer: {raw}.',
  'Not a valid phone number for {country}: {raw}. Numbers of other countries start with + and the country code.':
    'Geen geldig telefoonnummer voor {country}: {raw}. Nummers uit andere landen beginnen met + en de landcode.',
  'Use a Dutch postcode such as 1234 AB; {raw} is not one.':
    'Gebruik een Nederlandse postcode zoals 1234 AB; {raw} is dat niet.',
  'Use a Belgian postcode of four digits such as 1000; {raw} is not one.':
    'Gebruik een Belgische postcode van vier cijfers, zoals 1000; {raw} is dat niet.',
  'Use a VAT number with its country code, such as NL123456789B01; {raw} is not one.':
    'Gebruik een btw-nummer met landcode, zoals NL123456789B01; {raw} is dat niet.',
  'Not a valid VAT number: {raw} does not have the format of {country} numbers.':
    'Geen geldig btw-nummer: {raw} heeft niet de vorm van nummers uit {country}.',
  'Not a valid VAT number: {raw} fails the check digits of {country} numbers.':
    'Geen geldig btw-nummer: {raw} klopt niet met de controlecijfers van nummers uit {country}.',
  'Enter a web address such as https://acme.nl; {url} has no public domain.':
    'Vul een webadres in zoals https://acme.nl; {url} heeft geen openbaar domein.',
  'Enter a valid email address, like name@company.nl.':
    'Vul een geldig e-mailadres in, zoals naam@bedrijf.nl.',
  'An email address has at most 254 characters.': 'Een e-mailadres heeft hoogstens 254 tekens.',
  'Use a two-letter country code such as NL or BE.': 'Gebruik een landcode van twee letters, zoals NL of BE.',
  'Use a date as YYYY-MM-DD.': 'Gebruik een datum als JJJJ-MM-DD.',
  'This date does not exist.': 'Deze datum bestaat niet.',
  'Use a date and time in ISO 8601, such as 2026-11-26T14:30:00Z.':
    'Gebruik een datum en tijd in ISO 8601, zoals 2026-11-26T14:30:00Z.',
  'Send amounts in cents, as whole numbers.': 'Stuur bedragen in centen, als hele getallen.',
  'Use a three-letter currency code such as EUR.': 'Gebruik een valutacode van drie letters, zoals EUR.',
  'Give at least a first name, a last name or an email address.':
    'Geef minstens een voornaam, een achternaam of een e-mailadres.',
  'Enter the company name.': 'Vul de naam van het bedrijf in.',
  'The company name cannot be empty.': 'De naam van het bedrijf mag niet leeg zijn.',
  'Give the deal a name.': 'Geef de deal een naam.',
  'The deal name cannot be empty.': 'De naam van de deal mag niet leeg zijn.',
  'This list has no search box: narrow it with filter=field:contains:text instead.':
    'Deze lijst heeft geen zoekvak: verfijn haar met filter=veld:contains:tekst.',

  // Lists: filters, sorting, paging
  "{field}: '{raw}' is not {expected}.": "{field}: '{raw}' is niet {expected}.",
  'a number': 'een getal',
  'a date (YYYY-MM-DD)': 'een datum (JJJJ-MM-DD)',
  'a date and time (ISO 8601)': 'een datum en tijd (ISO 8601)',
  'an id': 'een id',
  'one of {values}': 'een van {values}',
  'true or false': 'true of false',
  'at most 500 characters long': 'hoogstens 500 tekens lang',
  'At most 20 filters at once.': 'Hoogstens 20 filters tegelijk.',
  "'{item}' is not of the form field:operator:value.": "'{item}' heeft niet de vorm veld:operator:waarde.",
  "Unknown field '{field}'. Fields you can filter on: {fields}.":
    "Onbekend veld '{field}'. Velden waarop je kunt filteren: {fields}.",
  "Operator '{op}' does not apply to {field}; use one of {operators}.":
    "Operator '{op}' past niet bij {field}; gebruik een van {operators}.",
  '{field}:{op} needs a value.': '{field}:{op} heeft een waarde nodig.',
  '{field}:in takes at most {count} values.': '{field}:in neemt hoogstens {count} waarden.',
  "Cannot sort by '{field}'. Sort by one of {fields} (prefix - for descending).":
    "Sorteren op '{field}' kan niet. Sorteer op een van {fields} (met - ervoor voor aflopend).",
  'This cursor is not valid: use the nextCursor of a previous page.':
    'Deze cursor is ongeldig: gebruik de nextCursor van een vorige pagina.',
  'This cursor belongs to another sort order: start again without a cursor.':
    'Deze cursor hoort bij een andere sortering: begin opnieuw zonder cursor.',

  // Custom fields
  "There is no custom field '{key}' here; define it first under custom fields.":
    "Er is hier geen eigen veld '{key}'; maak het eerst aan bij de eigen velden.",
  '{label} is required.': '{label} is verplicht.',
  'Use lower-case letters, digits and _, starting with a letter.':
    'Gebruik kleine letters, cijfers en _, te beginnen met een letter.',
  'A select field needs at least one option.': 'Een keuzeveld heeft minstens één optie nodig.',
  'Only select fields have options.': 'Alleen keuzevelden hebben opties.',
  'Only admins can define custom fields.': 'Alleen beheerders kunnen eigen velden aanmaken.',

  // Pipelines and deals
  'Give the stage a name.': 'Geef de fase een naam.',
  'A pipeline needs at least one stage.': 'Een pijplijn heeft minstens één fase nodig.',
  'A pipeline needs at least one open stage.': 'Een pijplijn heeft minstens één open fase nodig.',
  'Stage names must differ.': 'De namen van de fasen moeten verschillen.',
  'Each stage appears once: two entries have the same id.':
    'Elke fase komt één keer voor: twee regels hebben dezelfde id.',
  'Give the pipeline a name.': 'Geef de pijplijn een naam.',
  'This stage is not part of the pipeline; leave the id out to add a stage.':
    'Deze fase hoort niet bij de pijplijn; laat de id weg om een fase toe te voegen.',
  'stages.{index}.id: this stage is not part of the pipeline.':
    'stages.{index}.id: deze fase hoort niet bij de pijplijn.',
  'Only admins can change pipelines.': 'Alleen beheerders kunnen pijplijnen wijzigen.',
  'This is the default pipeline: make another pipeline the default first.':
    'Dit is de standaardpijplijn: maak eerst een andere pijplijn de standaard.',
  'This pipeline still holds {deals} deals: move or delete them first.':
    'Deze pijplijn bevat nog {deals} deals: verplaats of verwijder die eerst.',
  'There is no such stage in this workspace.': 'Deze fase bestaat niet in deze werkruimte.',
  'This stage belongs to another pipeline.': 'Deze fase hoort bij een andere pijplijn.',
  'There is no such pipeline in this workspace.': 'Deze pijplijn bestaat niet in deze werkruimte.',
  'This workspace has no pipeline yet: create one first.':
    'Deze werkruimte heeft nog geen pijplijn: maak er eerst een.',

  // Tags and saved views
  'Use a colour such as #1c7ed6.': 'Gebruik een kleur zoals #1c7ed6.',
  'Enter a tag name.': 'Vul een naam voor de tag in.',
  'Only managers and admins can rename or delete tags.':
    'Alleen managers en beheerders kunnen tags hernoemen of verwijderen.',
  'Viewers cannot create tags.': 'Kijkers kunnen geen tags aanmaken.',
  'Name a field.': 'Noem een veld.',
  'Use at most {count} filters.': 'Gebruik hoogstens {count} filters.',
  'Show at most {count} columns.': 'Toon hoogstens {count} kolommen.',
  'This view is too large to save (at most {count} characters).':
    'Deze weergave is te groot om op te slaan (hoogstens {count} tekens).',
  'Enter a name for the view.': 'Vul een naam voor de weergave in.',
  'You already have {count} saved views of this list, the most there can be: delete one you no longer use, or save under the name of an existing view to replace it.':
    'Je hebt al {count} opgeslagen weergaven van deze lijst, het maximum: verwijder er een die je niet meer gebruikt, of sla op onder de naam van een bestaande weergave om die te vervangen.',
  // Imports
  'Choose a file.': 'Kies een bestand.',
  'Send the file as multipart/form-data in a field named file.':
    'Stuur het bestand als multipart/form-data in een veld met de naam file.',
  'The upload could not be read: {message}': 'De upload kon niet worden gelezen: {message}',
  'No file was sent.': 'Er is geen bestand verstuurd.',
  'The upload was cut off: {message}': 'De upload is afgebroken: {message}',
  'The file is larger than {max} MB.': 'Het bestand is groter dan {max} MB.',
  'Upload a CSV or XLSX file.': 'Upload een CSV- of XLSX-bestand.',
  'This file cannot be read as CSV or XLSX: {message}':
    'Dit bestand is niet te lezen als CSV of XLSX: {message}',
  'This import is {status}; its mapping can no longer change.':
    'Deze import is {status}; de koppeling van de kolommen kan niet meer veranderen.',
  'This import is {status}; it cannot be {action} now.':
    'Deze import is {status}; hij kan nu niet worden {action}.',
  'Only the person who ran this import or a manager can undo it.':
    'Alleen wie deze import uitvoerde of een manager kan hem ongedaan maken.',
  'This import is {status}; only a finished import can be undone.':
    'Deze import is {status}; alleen een voltooide import kan ongedaan worden gemaakt.',
  '{count} of the records this import wrote were changed since; undo with force to overwrite those changes.':
    '{count} van de records die deze import schreef zijn sindsdien gewijzigd; maak ongedaan met force om die wijzigingen te overschrijven.',
  'The file has no header row: its first row must name the columns.':
    'Het bestand heeft geen kopregel: de eerste regel moet de kolommen benoemen.',
  'Give one field (or null) for each of the {count} columns.':
    'Geef één veld (of null) voor elk van de {count} kolommen.',
  '{recordType}s are matched by {keys}.': 'Een {recordType} wordt herkend aan {keys}.',
  'Map at least one column to a field first.': 'Koppel eerst minstens één kolom aan een veld.',
  Import: 'Import',
  'A {noun} with this {by} exists already; this import only creates.':
    'Er bestaat al een {noun} met dit {by}; deze import maakt alleen nieuwe aan.',
  'No {noun} with this {by} to update.': 'Geen {noun} met dit {by} om bij te werken.',
  'You can only change {noun}s you own; this one belongs to someone else.':
    'Je kunt alleen je eigen records wijzigen ({noun}); deze is van iemand anders.',
  'This row has no values in the mapped columns.': 'Deze rij heeft geen waarden in de gekoppelde kolommen.',
  'Same {by} as row {row}; this row was skipped.': 'Zelfde {by} als rij {row}; deze rij is overgeslagen.',
  'A {noun} with this email or external id exists already.':
    'Er bestaat al een {noun} met dit e-mailadres of deze externe id.',
  'Another contact has this email address already.': 'Een andere contactpersoon heeft dit e-mailadres al.',
  contact: 'contactpersoon',
  account: 'bedrijf',
  email: 'e-mailadres',
  'external id': 'externe id',
  domain: 'domein',
  'KvK number': 'KvK-nummer',
  uploaded: 'geüpload',
  checking: 'in controle',
  checked: 'gecontroleerd',
  queued: 'in de wachtrij',
  running: 'bezig',
  completed: 'voltooid',
  failed: 'mislukt',
  undone: 'ongedaan gemaakt',
  started: 'gestart',

  // Enrichment
  'Send ids or a filter, not both.': 'Stuur ids of een filter, niet allebei.',
  'Enriching many accounts at once takes a manager, an admin or the owner.':
    'Veel bedrijven tegelijk verrijken mag alleen een manager, een beheerder of de eigenaar.',
  'Enrichment run': 'Verrijkingsronde',
  'Enrichment is switched off on this server: no providers are configured (BAKEN_ENRICHMENT_PROVIDERS).':
    'Verrijken staat uit op deze server: er zijn geen bronnen ingesteld (BAKEN_ENRICHMENT_PROVIDERS).',

  // Duplicates and merges
  'A duplicate scan is already queued or running; follow it at GET /duplicates/scan.':
    'Er wacht of loopt al een zoektocht naar dubbelen; volg die via GET /duplicates/scan.',
  'This pair is {status} already.': 'Dit paar is al {status}.',
  merged: 'samengevoegd',
  dismissed: 'afgewezen',
  'Duplicate pair': 'Dubbel paar',
  'This merge was undone already.': 'Deze samenvoeging is al ongedaan gemaakt.',
  'A record cannot be merged with itself.': 'Een record kan niet met zichzelf worden samengevoegd.',
  'Unknown field {fields}; choose per field of the {recordType}.':
    'Onbekend veld {fields}; kies per veld van de {recordType}.',
  Merge: 'Samenvoeging',

  // Lead scoring
  'Changing the scoring model takes a manager, an admin or the owner.':
    'Het scoremodel wijzigen mag alleen een manager, een beheerder of de eigenaar.',
  'An event cannot happen in the future.': 'Een gebeurtenis kan niet in de toekomst liggen.',
  'Give a minimum, a maximum or both.': 'Geef een minimum, een maximum of allebei.',
  'Use lower case letters, digits and _.': 'Gebruik kleine letters, cijfers en _.',
  'Rule id {repeated} is used twice.': 'Regel-id {repeated} komt twee keer voor.',

  // The default scoring model's rules
  'Decision maker': 'Beslisser',
  'Buying job title': 'Functie met inkoopbevoegdheid',
  'Company of 10 to 500 people': 'Bedrijf van 10 tot 500 mensen',
  'Company in the Benelux': 'Bedrijf in de Benelux',
  'Viewed the pricing page': 'Bekeek de prijzenpagina',
  'Page views': 'Paginabezoeken',
  'Submitted a form': 'Verstuurde een formulier',
  'Clicked an email': 'Klikte in een e-mail',
  'Had a meeting': 'Had een afspraak',

  // Lead handover and service levels
  'Changing lead routing takes a manager, an admin or the owner.':
    'De leadverdeling wijzigen mag alleen een manager, een beheerder of de eigenaar.',
  'This person is not in the workspace.': 'Deze persoon hoort niet bij deze werkruimte.',
  'This lead was {status} already.': 'Deze lead is al {status}.',
  'Name at least one account executive.': 'Noem minstens één accountmanager.',
  accepted: 'geaccepteerd',
  rejected: 'afgewezen',
  'Lead handover': 'Leadoverdracht',
  Notification: 'Melding',
  'Use a two-letter country code such as NL.': 'Gebruik een landcode van twee letters, zoals NL.',
  'The working day must end after it starts.': 'De werkdag moet eindigen na het begin.',
  'Unknown time zone.': 'Onbekende tijdzone.',
  'Routing by territory needs at least one territory.': 'Verdelen per regio vraagt minstens één regio.',
  'Choose a reason from the list.': 'Kies een reden uit de lijst.',
  'Use a date such as 2026-01-31.': 'Gebruik een datum zoals 2026-01-31.',
  'The period must end on or after its start.': 'De periode moet op of na het begin eindigen.',

  // Ideal customer profile
  'Changing the ideal customer profile takes a manager, an admin or the owner.':
    'Het ideale klantprofiel wijzigen mag alleen een manager, een beheerder of de eigenaar.',
  'No company custom field has this key.': 'Geen eigen veld van bedrijven heeft deze sleutel.',
  'Set up the ideal customer profile first.': 'Stel eerst het ideale klantprofiel in.',
  'Criterion id {repeated} is used twice.': 'Criterium-id {repeated} komt twee keer voor.',
  'Use a company field or custom.<key>.': 'Gebruik een veld van het bedrijf of custom.<sleutel>.',

  // Revenue metrics
  'Give both from and to, or neither.': 'Geef zowel van als tot, of geen van beide.',
  'Setting quotas takes a manager, an admin or the owner.':
    'Quota instellen mag alleen een manager, een beheerder of de eigenaar.',
  'A period starts on the first day of a month or quarter.':
    'Een periode begint op de eerste dag van een maand of kwartaal.',
  Quota: 'Quotum',

  // Predictive score
  'Training the predictive model takes a manager, an admin or the owner.':
    'Het voorspellende model trainen mag alleen een manager, een beheerder of de eigenaar.',
  'Not enough history to learn from: need at least {MIN_TRAINING_ROWS} contacts with both customers and non-customers.':
    'Te weinig geschiedenis om van te leren: minstens {MIN_TRAINING_ROWS} contactpersonen nodig, met zowel klanten als niet-klanten.',
};
