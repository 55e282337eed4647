-- User administration, read side: accent- and case-insensitive search on names and logins.
-- unaccent ships with PostgreSQL's contrib (also in the embedded binaries); an external server needs it installed.
create extension if not exists unaccent;

-- The normal form searched and sorted on: lower case without diacritics ("Zoë" -> "zoe"). Immutable (the dictionary
-- is named explicitly), so it may be used in indexes.
create function search_norm(text) returns text
    language sql immutable strict parallel safe
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- Students followed by a supervisor: enrollment_supervisor -> enrollment by id is the primary key; the reverse
-- (a student's enrollments at a school) needs this one.
create index enrollment_school_student_idx on enrollment (school_id, student_id);
