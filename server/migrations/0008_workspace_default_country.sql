-- The country a national phone number is read in when its record has no country of its own
-- (contacts always, accounts without a country): `06-12345678` becomes +31612345678 in NL.
alter table workspaces add column default_country char(2) not null default 'NL'
  check (default_country ~ '^[A-Z]{2}$');
