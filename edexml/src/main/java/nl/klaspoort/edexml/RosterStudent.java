package nl.klaspoort.edexml;

import java.time.LocalDate;
import java.util.List;

/**
 * A pupil as the source knows them; only what a Klaspoort feature needs (data minimisation: no BSN, gender, address,
 * nationality or weights). Optional values are null.
 *
 * @param key                the LAS key (EDEXML {@code leerling@key}, Basispoort {@code lasKey})
 * @param basispoortId       Basispoort's stable user id; null for an EDEXML file
 * @param eckId              ECK iD ({@code https://ketenid.nl/…}); personal data: never in logs or URLs
 * @param name               the pupil's name
 * @param jaargroep          effective grade: the pupil's own jaargroep, else that of their main group, else null
 * @param groupKey           key of the main group, or null
 * @param compositeGroupKeys keys of the composite groups (samengestelde groepen / subgroepen), possibly empty
 * @param birthDate          only for matching existing pupils (X1), or null
 * @param instroomdatum      date the pupil entered the school, or null
 * @param uitstroomdatum     date the pupil left (pupils who left stay in EDEXML files with this date), or null
 * @param line               line of the pupil's element in the source file (0 when the source is not a file)
 */
public record RosterStudent(String key, Long basispoortId, String eckId, PersonName name, String jaargroep,
        String groupKey, List<String> compositeGroupKeys, LocalDate birthDate, LocalDate instroomdatum,
        LocalDate uitstroomdatum, int line) {

    public RosterStudent {
        compositeGroupKeys = List.copyOf(compositeGroupKeys);
    }

    /** True when the pupil has left the school on or before {@code date}. */
    public boolean leftOn(LocalDate date) {
        return uitstroomdatum != null && !uitstroomdatum.isAfter(date);
    }
}
