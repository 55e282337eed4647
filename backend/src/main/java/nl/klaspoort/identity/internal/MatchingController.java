package nl.klaspoort.identity.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.matching.Suggestion;
import nl.klaspoort.school.School;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code School.basispoortMatching} (BP2, X1) and the link and unlink mutations. */
@Controller
class MatchingController {

    record PairInput(long localPupilId, long basispoortPupilId) {}

    record LinkInput(long schoolId, List<PairInput> pairs) {}

    record UnlinkInput(long schoolId, List<Long> localPupilIds) {}

    private final MatchingService matching;
    private final SchoolAccess access;

    MatchingController(MatchingService matching, SchoolAccess access) {
        this.matching = matching;
        this.access = access;
    }

    /** Null for a school where the caller is not ADMIN. One Basispoort read per school asked for. */
    @BatchMapping(typeName = "School", field = "basispoortMatching")
    Map<School, MatchingService.Matching> basispoortMatching(List<School> schools) {
        Map<Long, java.util.Set<Role>> roles = access.rolesAt(schools.stream().map(School::id).toList());
        Map<School, MatchingService.Matching> result = new LinkedHashMap<>();
        for (School school : schools) {
            if (roles.getOrDefault(school.id(), java.util.Set.of()).contains(Role.ADMIN)) {
                result.put(school, matching.matching(school.id()));
            }
        }
        return result;
    }

    @SchemaMapping(typeName = "BasispoortMatching", field = "automaticCount")
    int automaticCount(MatchingService.Matching matching) {
        return matching.automaticCount();
    }

    @SchemaMapping(typeName = "MatchSuggestion", field = "reasons")
    List<String> reasons(Suggestion suggestion) {
        return suggestion.reasons().stream().map(r -> r.code().name()).toList();
    }

    @SchemaMapping(typeName = "MatchSuggestion", field = "localPupilId")
    long localPupilId(Suggestion suggestion) {
        return suggestion.localId();
    }

    @SchemaMapping(typeName = "MatchSuggestion", field = "basispoortPupilId")
    long basispoortPupilId(Suggestion suggestion) {
        return suggestion.basispoortId();
    }

    @MutationMapping
    MatchingService.LinkPayload basispoortPupilsLink(@Argument LinkInput input) {
        return matching.link(input.schoolId(), input.pairs().stream()
                .map(p -> new MatchingService.Pair(p.localPupilId(), p.basispoortPupilId())).toList());
    }

    @MutationMapping
    MatchingService.LinkPayload basispoortPupilsUnlink(@Argument UnlinkInput input) {
        return matching.unlink(input.schoolId(), input.localPupilIds());
    }
}
