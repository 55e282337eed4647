-- User administration, read side: accent- and case-insensitive search and name order on users.
-- unaccent ships with PostgreSQL's contrib (also in the embedded binaries); an external server needs it installed.
create extension if not exists unaccent;

-- The normal form searched and sorted on: lower case without diacritics ("Zoë" -> "zoe"). Immutable (the dictionary
-- is named explicitly), so generated columns and indexes may use it.
create function search_norm(text) returns text
    language sql immutable strict parallel safe
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- Normalised once on write instead of on every list request: computing unaccent for every member of a school on each
-- page was most of the time of a page of 50 from 1,500 students (see docs/benchmarks.md). Maintained by PostgreSQL;
-- the application never writes them.
alter table app_user
    add column search_last text generated always as (search_norm(last_name)) stored,
    add column search_first text generated always as (search_norm(first_name)) stored,
    add column search_text text generated always as (search_norm(
        first_name || ' ' || coalesce(name_prefix || ' ', '') || last_name || ' '
        || coalesce(username, '') || ' ' || coalesce(email, ''))) stored;

-- A student's enrollments at a school (linked state, filters, SchoolUser.products/enrollments).
create index enrollment_school_student_idx on enrollment (school_id, student_id);
