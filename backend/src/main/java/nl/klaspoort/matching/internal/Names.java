package nl.klaspoort.matching.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Dutch names made comparable: folding, tokens, tussenvoegsels, roepnamen and a rough phonetic key. */
final class Names {

    /** Tussenvoegsels (after folding, apostrophes dropped: 't → t, 's → s, d' → d), and their usual abbreviations. */
    static final Set<String> PREFIX_WORDS = Set.of("van", "de", "der", "den", "het", "t", "te", "ten", "ter", "in",
            "op", "aan", "bij", "uit", "voor", "onder", "over", "tot", "la", "le", "les", "l", "du", "d", "da", "dal",
            "dalla", "del", "della", "dei", "di", "do", "dos", "das", "des", "s", "von", "vom", "zu", "zum", "zur",
            "am", "auf", "im", "v", "vd", "vdr", "vden");

    /** Usual roepnamen of formal voornamen (both folded); a name maps to itself too. */
    private static final Map<String, Set<String>> FORMS = new HashMap<>();

    static {
        String[][] pairs = {
                {"johannes", "jan", "hans", "johan", "joop"}, {"cornelis", "kees", "cor"}, {"abraham", "bram"},
                {"daniel", "daan"}, {"matthijs", "thijs"}, {"gijsbert", "gijs"}, {"antonius", "teun", "toon", "ton"},
                {"augustus", "guus"}, {"koenraad", "koen"}, {"josephus", "joep", "jos"}, {"lucas", "luuk"},
                {"petrus", "piet"}, {"nicolaas", "klaas", "niek"}, {"jacobus", "jaap", "koos"}, {"hendrik", "henk"},
                {"willem", "wim", "pim"}, {"samuel", "sam"}, {"maximiliaan", "max"}, {"benjamin", "ben"},
                {"timotheus", "tim"}, {"thomas", "tom"}, {"alexander", "alex", "xander", "sander"},
                {"sebastiaan", "bas"}, {"christiaan", "chris"}, {"theodorus", "theo", "dorus"},
                {"mohammed", "mohamed", "muhammed", "muhammad"}, {"charlotte", "lotte", "lotje"},
                {"sara", "saar", "saartje"}, {"rosalie", "roos"}, {"eleonora", "noor", "nora"},
                {"isabella", "isa", "bella"}, {"olivia", "liv"}, {"evelien", "evi"}, {"tessa", "tess"},
                {"sophia", "sophie", "sofie", "fien"}, {"johanna", "hanna", "jo"}, {"maria", "marieke", "mieke"},
                {"catharina", "ineke", "tineke", "kaat"}, {"elisabeth", "lisa", "lies", "els", "liesbeth"},
                {"wilhelmina", "willemijn", "mien"}, {"femmigje", "femke"}, {"helena", "lena", "leny"}};
        for (String[] forms : pairs) {
            for (String form : forms) {
                FORMS.computeIfAbsent(form, k -> new java.util.HashSet<>()).add(forms[0]);
            }
        }
    }

    private Names() {
    }

    /**
     * Lower case, accents and special letters folded ("Özdemir" → "ozdemir", "Yılmaz" → "yilmaz", "Zoë" → "zoe"),
     * every apostrophe written the same; other characters kept.
     */
    static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        boolean ascii = true;
        for (int i = 0; i < text.length() && ascii; i++) {
            char c = text.charAt(i);
            ascii = c < 128 && c != '`';
        }
        if (ascii) {
            return text.toLowerCase(java.util.Locale.ROOT);
        }
        StringBuilder plain = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case 'ı', 'İ' -> plain.append('i');
                case 'ß' -> plain.append("ss");
                case 'æ', 'Æ' -> plain.append("ae");
                case 'œ', 'Œ' -> plain.append("oe");
                case 'ø', 'Ø' -> plain.append('o');
                case 'ł', 'Ł' -> plain.append('l');
                case 'đ', 'Đ' -> plain.append('d');
                case '’', '‘', '`', '´', 'ʼ' -> plain.append('\'');
                default -> plain.append(c);
            }
        }
        String decomposed = Normalizer.normalize(plain, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                folded.append(Character.toLowerCase(c));
            }
        }
        return folded.toString();
    }

    /** The words of a folded text: runs of letters and digits (spaces, hyphens, dots, commas, apostrophes split). */
    static List<String> tokens(String folded) {
        List<String> tokens = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean letter = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                tokens.add(folded.substring(start, i));
                start = -1;
            }
        }
        return tokens;
    }

    /** The formal voornamen a (folded) roepnaam is a usual form of, itself included ("bram" → abraham, bram). */
    static Set<String> formalForms(String name) {
        Set<String> forms = FORMS.get(name);
        return forms == null ? Set.of(name) : forms;
    }

    /**
     * A rough Dutch sound key: ij/ei/y → y, ph → f, ck/c/q → k, x → ks, z → s, th → t, dt → t, au → ou, a final h after
     * a vowel dropped, double consonants single. Vowels stay (Daan is not Dan).
     */
    static String phonetic(String folded) {
        String s = folded.replace("ij", "y").replace("ei", "y").replace("ph", "f").replace("ck", "k").replace('c', 'k')
                .replace('q', 'k').replace("x", "ks").replace('z', 's').replace("th", "t").replace("dt", "t")
                .replace("au", "ou");
        if (s.length() > 2 && s.endsWith("h") && "aeiouy".indexOf(s.charAt(s.length() - 2)) >= 0) {
            s = s.substring(0, s.length() - 1);
        }
        StringBuilder key = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i > 0 && c == s.charAt(i - 1) && "aeiouy".indexOf(c) < 0) {
                continue;
            }
            key.append(c);
        }
        return key.toString();
    }
}
