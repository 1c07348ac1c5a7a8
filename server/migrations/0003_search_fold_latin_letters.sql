-- Search folds every letter of Latin-1, Latin Extended-A and Romanian (Ș, Ț) to its ASCII base
-- letter, the same way searchWords() in core does. baken_fold() knew a fixed list of letters only,
-- and lower() under the C locale leaves capitals outside ASCII alone, so names such as Şahin, Doğan,
-- Güneş or ČAPEK were not found even when typed exactly as stored.

create or replace function baken_fold(value text) returns text
language sql immutable parallel safe
as $$
  select lower(translate(value,
    'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿĀā' ||
    'ĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĲĳĴĵĶķĸĹĺĻļĽľĿŀŁ' ||
    'łŃńŅņŇňŉŊŋŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſȘș' ||
    'Țț@._-/+',
    'aaaaaaaceeeeiiiidnoooooouuuuytsaaaaaaaceeeeiiiidnoooooouuuuytyaa' ||
    'aaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllllll' ||
    'lnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzsss' ||
    'tt      '))
$$;

-- Stored generated columns are computed when a row is written: rewrite the rows whose folded text changes.
update accounts set name = name
  where search_text is distinct from baken_fold(name || ' ' || coalesce(domain, ''));
update contacts set first_name = first_name
  where search_text is distinct from
    baken_fold(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, ''));
update deals set name = name
  where search_text is distinct from baken_fold(name);
