package nl.klaspoort.matching;

/**
 * Why a suggestion has its confidence: one piece of evidence and the points it added (or, negative, took away).
 * The screen shows it in the user's language from its {@link Code}.
 */
public record Reason(Code code, int points) {

    public enum Code {
        /** Same last name (accents, case, spaces and where the tussenvoegsel was typed do not count). */
        LAST_NAME_EQUAL,
        /** Last names that sound the same (ij/y, ph/f, ck/k, double consonants). */
        LAST_NAME_SOUNDS_ALIKE,
        /** Last names one or two typing errors apart. */
        LAST_NAME_TYPO,
        /** One last name is part of the other (a double last name). */
        LAST_NAME_PART,
        LAST_NAME_DIFFERENT,
        /** Tussenvoegsels that mean the same written differently ("v.d." and "van der"), or de/der/den. */
        PREFIX_SIMILAR,
        /** A tussenvoegsel on one side only ("Vries" and "de Vries"). */
        PREFIX_MISSING,
        PREFIX_DIFFERENT,
        /** Same first name (roepnaam). */
        FIRST_NAME_EQUAL,
        /** The first name on one side is one of the voornamen on the other. */
        FIRST_NAME_AMONG_GIVEN_NAMES,
        /** A usual roepnaam of the other's name (Bram and Abraham, Lotte and Charlotte) or a short form (Sam, Samuel). */
        FIRST_NAME_SHORT_FORM,
        FIRST_NAME_SOUNDS_ALIKE,
        FIRST_NAME_TYPO,
        /** Only initials on one side, and they fit the other's name. */
        INITIALS_MATCH,
        /** No first name on one side. */
        FIRST_NAME_MISSING,
        FIRST_NAME_DIFFERENT,
        GRADE_EQUAL,
        /** The grade is one year on, as for every pupil of the school (the school year moved on since). */
        GRADE_FOLLOWS_SCHOOL_YEAR,
        GRADE_OFF_BY_ONE,
        GRADE_DIFFERENT,
        GROUP_EQUAL,
        /** The group differs (no points: groups are renamed and pupils move between parallel groups). */
        GROUP_DIFFERENT,
        BIRTH_DATE_EQUAL,
        /** Birth dates one typing error apart, or with day and month swapped. */
        BIRTH_DATE_ALMOST,
        BIRTH_DATE_DIFFERENT,
        /** Another pupil fits (almost) as well: a person should choose. */
        AMBIGUOUS
    }
}
