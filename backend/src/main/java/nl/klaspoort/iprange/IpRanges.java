package nl.klaspoort.iprange;

import java.time.Instant;
import nl.klaspoort.iprange.internal.IpRangeStore;
import org.springframework.stereotype.Service;

/** School IP ranges for other modules: adding ranges that were active already (imports, demo data). */
@Service
public class IpRanges {

    private final IpRangeStore store;

    IpRanges(IpRangeStore store) {
        this.store = store;
    }

    /** A range of the school, active since {@code since}, unless the school has one with this notation already. */
    public void addActiveSince(long schoolId, String connectionType, String notation, String first, String last,
            Instant since) {
        store.addActiveSince(schoolId, connectionType, notation, first, last, since);
    }
}
