package nl.klaspoort.edexml;

import java.util.List;
import java.util.Set;

/**
 * The jaargroep values EDEXML allows, kept as strings exactly as written: {@code B} (baby's), {@code D} (dreumesen),
 * {@code 0} (peuters), {@code 1}–{@code 8} (groep 1–8), {@code 11}–{@code 16} (special education levels), {@code S}
 * (speciaal onderwijs), {@code V} (voortgezet), {@code C}, {@code N}, {@code H} (see the EDEXML types). {@code 0} is a
 * real value, not "missing".
 */
public final class Jaargroep {

    /** Every allowed value, in the schema's order. */
    public static final List<String> VALUES = List.of(
            "B", "D", "0", "1", "2", "3", "4", "5", "6", "7", "8", "11", "12", "13", "14", "15", "16", "S", "V", "C",
            "N", "H");

    private static final Set<String> ALLOWED = Set.copyOf(VALUES);

    /** The allowed values as a Dutch phrase for error messages. */
    public static final String ALLOWED_DUTCH = "B, D, 0 t/m 8, 11 t/m 16, S, V, C, N en H";

    private Jaargroep() {
    }

    public static boolean isValid(String value) {
        return value != null && ALLOWED.contains(value);
    }
}
