package nl.klaspoort.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.audit.AuditAction;
import nl.klaspoort.audit.AuditLog;
import nl.klaspoort.audit.AuditTarget;
import nl.klaspoort.basispoort.BasispoortClient;
import nl.klaspoort.basispoort.BasispoortConnections;
import nl.klaspoort.basispoort.BasispoortData;
import nl.klaspoort.basispoort.BasispoortException;
import nl.klaspoort.basispoort.BasispoortLinks;
import nl.klaspoort.matching.MatchResult;
import nl.klaspoort.matching.Pupil;
import nl.klaspoort.matching.PupilMatcher;
import nl.klaspoort.matching.Suggestion;
import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.PayloadError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * BP2, linking a school's existing Klaspoort pupils to its Basispoort pupils so that nobody loses their progress: left
 * the school's pupils (not archived) without a link, in the middle the school's Basispoort pupils (read from Basispoort
 * now) that no such pupil is linked to yet — also those the sync put in the archive as new accounts, whose link moves
 * to the existing pupil when linked — and on the right the linked pairs. X1 proposes pairs ({@link PupilMatcher}).
 * ADMIN of the school only; links are written through {@link BasispoortLinks}, all or nothing, and each linked or
 * unlinked pupil is an event in the school's Logboek.
 */
@Service
class MatchingService {

    /** Why the matching screen cannot be shown. */
    enum Status { READY, NOT_CONNECTED, UNAVAILABLE }

    /** The error codes of the link mutations ({@code extend enum ErrorCode} in {@code identity.graphqls}). */
    enum MatchingError implements ErrorCode {
        NOT_CONNECTED, BASISPOORT_UNAVAILABLE, NOT_A_LOCAL_PUPIL, ALREADY_LINKED, NOT_A_BASISPOORT_PUPIL, PUPIL_TWICE
    }

    /** The Logboek's actions of this screen ({@code extend enum AuditAction} in {@code identity.graphqls}). */
    enum MatchingAction implements AuditAction { BASISPOORT_PUPILS_LINK, BASISPOORT_PUPILS_UNLINK }

    /** A pupil in a column: Klaspoort's user id or Basispoort's pupil id. */
    record MatchPupil(long id, String name, String gradeYear, String group) {}

    record MatchPair(MatchPupil localPupil, MatchPupil basispoortPupil) {}

    /** GraphQL {@code BasispoortMatching}. */
    record Matching(Status status, List<MatchPupil> localPupils, List<MatchPupil> basispoortPupils, List<MatchPair> linked,
            List<Suggestion> suggestions, List<Suggestion> likelyDuplicates) {

        static Matching of(Status status) {
            return new Matching(status, List.of(), List.of(), List.of(), List.of(), List.of());
        }

        int automaticCount() {
            return (int) suggestions.stream().filter(Suggestion::automatic).count();
        }
    }

    /** One pair to link. */
    record Pair(long localPupilId, long basispoortPupilId) {}

    /** GraphQL {@code BasispoortPupilsLinkPayload}. */
    record LinkPayload(int changed, List<PayloadError> errors) {}

    private final SchoolAccess access;
    private final BasispoortConnections connections;
    private final BasispoortClient basispoort;
    private final BasispoortLinks links;
    private final IdentityQueries queries;
    private final AuditLog audit;
    private final Clock clock;

    MatchingService(SchoolAccess access, BasispoortConnections connections, BasispoortClient basispoort,
            BasispoortLinks links, IdentityQueries queries, AuditLog audit, Clock clock) {
        this.access = access;
        this.connections = connections;
        this.basispoort = basispoort;
        this.links = links;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    /** The three columns and the suggestions; the caller is ADMIN of the school (checked by the controller). */
    Matching matching(long schoolId) {
        Long institution = connections.connection(schoolId).basispoortId();
        if (institution == null) {
            return Matching.of(Status.NOT_CONNECTED);
        }
        Roster roster;
        try {
            roster = roster(institution);
        } catch (BasispoortException e) {
            return Matching.of(Status.UNAVAILABLE);
        }
        List<IdentityQueries.LocalPupil> pupils = queries.pupils(schoolId);
        Set<Long> linkedIds = pupils.stream().map(IdentityQueries.LocalPupil::basispoortId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        List<IdentityQueries.LocalPupil> unlinked = pupils.stream().filter(p -> p.basispoortId() == null).toList();
        List<BasispoortData.Pupil> open = roster.pupils().stream().filter(p -> !linkedIds.contains(p.id())).toList();
        Map<Long, BasispoortData.Pupil> byId = roster.pupils().stream()
                .collect(Collectors.toMap(BasispoortData.Pupil::id, Function.identity(), (a, b) -> a));

        MatchResult result = PupilMatcher.match(
                unlinked.stream().map(p -> Pupil.of(p.id(), p.firstName(), p.prefix(), p.lastName(), p.grade(), p.group())).toList(),
                open.stream().map(p -> Pupil.of(p.id(), p.person() == null ? null : p.person().firstName(),
                        p.person() == null ? null : p.person().prefix(), p.person() == null ? null : p.person().lastName(),
                        p.jaargroep(), roster.groupName(p))).toList());
        List<MatchPair> pairs = pupils.stream().filter(p -> p.basispoortId() != null)
                .map(p -> new MatchPair(local(p), byId.containsKey(p.basispoortId()) ? remote(byId.get(p.basispoortId()), roster)
                        : new MatchPupil(p.basispoortId(), null, null, null)))
                .toList();
        return new Matching(Status.READY, unlinked.stream().map(MatchingService::local).toList(),
                open.stream().map(p -> remote(p, roster)).sorted(java.util.Comparator.comparing(MatchPupil::name)).toList(),
                pairs, result.assignment(), result.likelyDuplicates());
    }

    /**
     * Links the pairs, all or nothing: each local pupil is the school's, not archived and not linked yet, each
     * Basispoort pupil is the school's in Basispoort now and not linked to another pupil that is not archived, and no
     * pupil occurs twice. A Basispoort pupil's link to an account the sync made (archived, never used) moves over.
     */
    @Transactional
    LinkPayload link(long schoolId, List<Pair> pairs) {
        access.require(schoolId, Role.ADMIN);
        Long institution = connections.connection(schoolId).basispoortId();
        if (institution == null) {
            return new LinkPayload(0, List.of(PayloadError.of(MatchingError.NOT_CONNECTED)));
        }
        Roster roster;
        try {
            roster = roster(institution);
        } catch (BasispoortException e) {
            return new LinkPayload(0, List.of(PayloadError.of(MatchingError.BASISPOORT_UNAVAILABLE)));
        }
        Map<Long, IdentityQueries.LocalPupil> pupils = queries.pupils(schoolId).stream()
                .collect(Collectors.toMap(IdentityQueries.LocalPupil::id, Function.identity()));
        Set<Long> linkedIds = pupils.values().stream().map(IdentityQueries.LocalPupil::basispoortId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<Long, BasispoortData.Pupil> remote = roster.pupils().stream()
                .collect(Collectors.toMap(BasispoortData.Pupil::id, Function.identity(), (a, b) -> a));
        List<PayloadError> errors = new ArrayList<>();
        Set<Long> seenLocal = new HashSet<>();
        Set<Long> seenRemote = new HashSet<>();
        for (Pair pair : pairs) {
            IdentityQueries.LocalPupil local = pupils.get(pair.localPupilId());
            if (!seenLocal.add(pair.localPupilId()) || !seenRemote.add(pair.basispoortPupilId())) {
                errors.add(PayloadError.of(MatchingError.PUPIL_TWICE).field("pairs").item(Long.toString(pair.localPupilId())));
            } else if (local == null) {
                errors.add(PayloadError.of(MatchingError.NOT_A_LOCAL_PUPIL).field("pairs").item(Long.toString(pair.localPupilId())));
            } else if (local.basispoortId() != null || linkedIds.contains(pair.basispoortPupilId())) {
                errors.add(PayloadError.of(MatchingError.ALREADY_LINKED).field("pairs").item(Long.toString(pair.localPupilId())));
            } else if (!remote.containsKey(pair.basispoortPupilId())) {
                errors.add(PayloadError.of(MatchingError.NOT_A_BASISPOORT_PUPIL).field("pairs")
                        .item(Long.toString(pair.localPupilId())));
            }
        }
        if (!errors.isEmpty() || pairs.isEmpty()) {
            return new LinkPayload(0, errors);
        }
        links.put(schoolId, pairs.stream().map(pair -> {
            BasispoortData.Pupil p = remote.get(pair.basispoortPupilId());
            return new BasispoortLinks.Link(schoolId, pair.localPupilId(), BasispoortLinks.Kind.STUDENT, p.id(), p.eckId(),
                    p.lasKey(), Map.of(), clock.instant(), null);
        }).toList());
        audit.record(schoolId, MatchingAction.BASISPOORT_PUPILS_LINK, pairs.stream()
                .map(pair -> linkEvent(pair.localPupilId(), null, pair.basispoortPupilId())).toList());
        return new LinkPayload(pairs.size(), List.of());
    }

    /** Removes the links of these pupils of the school (all or nothing: each must be linked). */
    @Transactional
    LinkPayload unlink(long schoolId, Collection<Long> localPupilIds) {
        access.require(schoolId, Role.ADMIN);
        Map<Long, IdentityQueries.LocalPupil> pupils = queries.pupils(schoolId).stream()
                .collect(Collectors.toMap(IdentityQueries.LocalPupil::id, Function.identity()));
        List<PayloadError> errors = localPupilIds.stream()
                .filter(id -> !pupils.containsKey(id) || pupils.get(id).basispoortId() == null)
                .map(id -> PayloadError.of(MatchingError.NOT_A_LOCAL_PUPIL).field("localPupilIds").item(Long.toString(id)))
                .toList();
        if (!errors.isEmpty() || localPupilIds.isEmpty()) {
            return new LinkPayload(0, errors);
        }
        links.remove(schoolId, localPupilIds);
        audit.record(schoolId, MatchingAction.BASISPOORT_PUPILS_UNLINK, localPupilIds.stream().distinct()
                .map(id -> linkEvent(id, pupils.get(id).basispoortId(), null)).toList());
        return new LinkPayload(localPupilIds.size(), List.of());
    }

    /** A pupil's Basispoort id before and after, as the Logboek shows it ("Basispoort-nummer"). */
    private static AuditLog.Entry linkEvent(long pupil, Long before, Long after) {
        return new AuditLog.Entry(AuditTarget.user(pupil), basispoortId(before), basispoortId(after));
    }

    private static String basispoortId(Long id) {
        return id == null ? "{}" : "{\"basispoortId\":" + id + "}";
    }

    private static MatchPupil local(IdentityQueries.LocalPupil p) {
        return new MatchPupil(p.id(), name(p.firstName(), p.prefix(), p.lastName()), p.grade(), p.group());
    }

    private static MatchPupil remote(BasispoortData.Pupil p, Roster roster) {
        BasispoortData.Person person = p.person();
        return new MatchPupil(p.id(), person == null ? "" : name(person.firstName(), person.prefix(), person.lastName()),
                p.jaargroep(), roster.groupName(p));
    }

    static String name(String first, String prefix, String last) {
        return Stream.of(first, prefix, last).filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
    }

    /** The school's pupils in Basispoort now, with the names of their groups (two requests). */
    private Roster roster(long institution) {
        BasispoortData.SchoolGroups groups = basispoort.groups(institution);
        Map<String, String> names = new HashMap<>();
        Stream.concat(groups.groups().stream(), groups.subgroups().stream()).forEach(g -> names.put(g.key(), g.name()));
        return new Roster(basispoort.pupils(institution).pupils(), names);
    }

    private record Roster(List<BasispoortData.Pupil> pupils, Map<String, String> groupNames) {
        String groupName(BasispoortData.Pupil p) {
            return p.groupKey() == null ? null : groupNames.getOrDefault(p.groupKey(), null);
        }
    }

}
