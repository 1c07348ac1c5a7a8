-- The typo fallback of search no longer compares the typed words with the search_text of every
-- record (a trigram scan of a million contacts took 0.2-1.3 s). It looks the typed words up in a
-- small dictionary instead: the distinct words of each workspace's accounts, contacts and deals,
-- exactly as the full-text index knows them. The nearest words found there through a trigram index
-- are then searched for through the full-text index, in the list's own order (list-page.ts).

-- The full-text parser reads < as the start of an HTML tag and skips what follows up to its end, and
-- all of <script> or <style>, and reads &name; as an entity it drops: a contact called
-- "<script>alert(1)</script> Jansen" was not found as Jansen. The old fallback scanned the raw text
-- and hid that; the dictionary is made of the parser's words. So < > & become spaces, as the search
-- box's searchWords() already treats them.
create or replace function baken_fold(value text) returns text
language sql immutable parallel safe
as $$
  select lower(translate(value,
    'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿĀā' ||
    'ĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĲĳĴĵĶķĸĹĺĻļĽľĿŀŁ' ||
    'łŃńŅņŇňŉŊŋŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſȘș' ||
    'Țț@._-/+<>&',
    'aaaaaaaceeeeiiiidnoooooouuuuytsaaaaaaaceeeeiiiidnoooooouuuuytyaa' ||
    'aaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllll' ||
    'lnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzsss' ||
    'tt         '))
$$;

-- Stored generated columns are computed when a row is written: rewrite the rows holding < > or &.
update accounts set name = name
  where search_text is distinct from baken_fold(name || ' ' || coalesce(domain, ''));
update contacts set first_name = first_name
  where search_text is distinct from
    baken_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, ''));
update deals set name = name
  where search_text is distinct from baken_fold(name);

create table search_words (
  workspace_id uuid not null references workspaces (id) on delete cascade,
  record_type text not null check (record_type in ('account', 'contact', 'deal')),
  -- Byte order, so that "words starting with" is a range of the primary key under any locale.
  word text collate "C" not null,
  primary key (workspace_id, record_type, word)
);

-- New words arrive with the records that hold them. Words of deleted or changed records stay: a
-- stale word can only widen a typo search to a word that no record holds any more.
create function search_words_of_new_rows() returns trigger
language plpgsql as $$
begin
  insert into search_words (workspace_id, record_type, word)
  select distinct r.workspace_id, tg_argv[0], w.word
  from new_rows r
  cross join lateral unnest(tsvector_to_array(to_tsvector('simple', r.search_text))) as w(word)
  -- One order for every writer, so that two transactions adding the same words cannot deadlock.
  order by 1, 2, 3
  on conflict do nothing;
  return null;
end
$$;

create function search_words_of_changed_row() returns trigger
language plpgsql as $$
begin
  insert into search_words (workspace_id, record_type, word)
  select distinct new.workspace_id, tg_argv[0], w.word
  from unnest(tsvector_to_array(to_tsvector('simple', new.search_text))) as w(word)
  order by 3
  on conflict do nothing;
  return null;
end
$$;

-- Inserts: once per statement, so a bulk insert or COPY adds its words in one set-based insert.
-- Updates: per row, and only when the searched text changed (a tag rename updates every record).
create trigger accounts_search_words_insert after insert on accounts
  referencing new table as new_rows for each statement execute function search_words_of_new_rows('account');
create trigger accounts_search_words_update after update on accounts
  for each row when (old.search_text is distinct from new.search_text)
  execute function search_words_of_changed_row('account');
create trigger contacts_search_words_insert after insert on contacts
  referencing new table as new_rows for each statement execute function search_words_of_new_rows('contact');
create trigger contacts_search_words_update after update on contacts
  for each row when (old.search_text is distinct from new.search_text)
  execute function search_words_of_changed_row('contact');
create trigger deals_search_words_insert after insert on deals
  referencing new table as new_rows for each statement execute function search_words_of_new_rows('deal');
create trigger deals_search_words_update after update on deals
  for each row when (old.search_text is distinct from new.search_text)
  execute function search_words_of_changed_row('deal');

insert into search_words (workspace_id, record_type, word)
select distinct workspace_id, 'account', w.word
from accounts cross join lateral unnest(tsvector_to_array(to_tsvector('simple', search_text))) as w(word);
insert into search_words (workspace_id, record_type, word)
select distinct workspace_id, 'contact', w.word
from contacts cross join lateral unnest(tsvector_to_array(to_tsvector('simple', search_text))) as w(word);
insert into search_words (workspace_id, record_type, word)
select distinct workspace_id, 'deal', w.word
from deals cross join lateral unnest(tsvector_to_array(to_tsvector('simple', search_text))) as w(word);

create index search_words_trgm_idx on search_words using gin (word gin_trgm_ops);

-- The records' own trigram indexes served only the old fallback; every write paid for them.
drop index accounts_search_trgm_idx;
drop index contacts_search_trgm_idx;
drop index deals_search_trgm_idx;
