-- The word dictionary serves typo correction, which only corrects typed words of four letters or
-- more (MIN_TYPO_LENGTH in record-search.ts) and only suggests words made of letters. Shorter words
-- and words with digits in them (house numbers, the unique parts of email addresses) were never a
-- suggestion, yet every insert of a record probed or grew the dictionary and its trigram index
-- for them: they are left out now, and the ones stored are removed.
create or replace function search_words_of_new_rows() returns trigger
language plpgsql as $$
begin
  insert into search_words (workspace_id, record_type, word)
  select distinct r.workspace_id, tg_argv[0], w.word
  from new_rows r
  cross join lateral unnest(tsvector_to_array(to_tsvector('simple', r.search_text))) as w(word)
  where w.word ~ '^[^0-9]{4,}$'
  -- One order for every writer, so that two transactions adding the same words cannot deadlock.
  order by 1, 2, 3
  on conflict do nothing;
  return null;
end
$$;

create or replace function search_words_of_changed_row() returns trigger
language plpgsql as $$
begin
  insert into search_words (workspace_id, record_type, word)
  select distinct new.workspace_id, tg_argv[0], w.word
  from unnest(tsvector_to_array(to_tsvector('simple', new.search_text))) as w(word)
  where w.word ~ '^[^0-9]{4,}$'
  order by 3
  on conflict do nothing;
  return null;
end
$$;

delete from search_words where word !~ '^[^0-9]{4,}$';
