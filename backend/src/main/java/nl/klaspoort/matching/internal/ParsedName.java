package nl.klaspoort.matching.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.klaspoort.matching.Pupil;

/**
 * A pupil's name taken apart once, however it was typed: the last name's core words, its tussenvoegsels, the name
 * the child goes by (roepnaam), every given name, the initials.
 *
 * @param core          the last name without tussenvoegsels, words joined ("van der Berg" → "berg",
 *                      "El Amrani" → "elamrani")
 * @param full          tussenvoegsels and last name joined ("vanderberg")
 * @param coreTokens    the words of the core
 * @param prefix        the tussenvoegsels, in order ("van", "der")
 * @param first         the roepnaam: the first word of the first name that is not an initial; "" when none
 * @param firstJoined   every word of the first name joined ("Anne-Marie" → "annemarie")
 * @param given         every given name known: the first name's words and the voornamen
 * @param initials      first letters: of the initials field, else of the voornamen, else of the first name
 */
record ParsedName(String core, String full, List<String> coreTokens, List<String> prefix, String first,
        String firstJoined, Set<String> given, String initials, String corePhonetic, String firstPhonetic) {

    static ParsedName of(Pupil pupil) {
        List<String> prefix = new ArrayList<>(Names.tokens(Names.fold(pupil.prefix())));
        String last = Names.fold(pupil.lastName());
        List<String> core;
        int comma = last.indexOf(',');
        if (comma >= 0) {
            // "Berg, van der"
            core = new ArrayList<>(Names.tokens(last.substring(0, comma)));
            addAbsent(prefix, Names.tokens(last.substring(comma + 1)));
        } else {
            core = new ArrayList<>(Names.tokens(last));
            List<String> leading = new ArrayList<>();
            while (core.size() > 1 && Names.PREFIX_WORDS.contains(core.getFirst())) {
                leading.add(core.removeFirst());
            }
            List<String> trailing = new ArrayList<>();
            while (core.size() > 1 && Names.PREFIX_WORDS.contains(core.getLast())) {
                trailing.addFirst(core.removeLast());
            }
            addAbsent(prefix, leading);
            addAbsent(prefix, trailing);
        }
        String coreText = String.join("", core);
        String full = String.join("", prefix) + coreText;

        List<String> firstWords = Names.tokens(Names.fold(pupil.firstName()));
        List<String> givenWords = Names.tokens(Names.fold(pupil.givenNames()));
        String first = firstWords.stream().filter(w -> w.length() > 1).findFirst().orElse("");
        Set<String> given = new LinkedHashSet<>();
        firstWords.stream().filter(w -> w.length() > 1).forEach(given::add);
        givenWords.stream().filter(w -> w.length() > 1).forEach(given::add);
        String initials = String.join("", Names.tokens(Names.fold(pupil.initials())));
        if (initials.isEmpty()) {
            initials = initials(givenWords);
        }
        if (initials.isEmpty()) {
            initials = initials(firstWords);
        }
        String firstJoined = String.join("", firstWords.stream().filter(w -> w.length() > 1).toList());
        return new ParsedName(coreText, full, List.copyOf(core), List.copyOf(prefix), first, firstJoined,
                Set.copyOf(given), initials, Names.phonetic(coreText), Names.phonetic(first));
    }

    /** The first letters of the words ("johannes", "petrus" → "jp"; "j", "p" → "jp"). */
    private static String initials(List<String> words) {
        StringBuilder letters = new StringBuilder();
        for (String word : words) {
            letters.append(word.charAt(0));
        }
        return letters.toString();
    }

    private static void addAbsent(List<String> prefix, List<String> words) {
        if (!prefix.equals(words)) {
            prefix.addAll(words);
        }
    }
}
