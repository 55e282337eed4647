package klaspoort.peers.basispoort;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import nl.klaspoort.edexml.RosterGroup;
import nl.klaspoort.edexml.RosterSnapshot;
import nl.klaspoort.edexml.RosterStudent;
import nl.klaspoort.edexml.RosterTeacher;
import klaspoort.peers.basispoort.Api.BulkPermissions;
import klaspoort.peers.basispoort.Api.GebruikerEckId;
import klaspoort.peers.basispoort.Api.Groep;
import klaspoort.peers.basispoort.Api.Leerling;
import klaspoort.peers.basispoort.Api.Medewerker;
import klaspoort.peers.basispoort.Api.Methode;
import klaspoort.peers.basispoort.Api.Persoonsgegevens;
import klaspoort.peers.basispoort.Api.Product;

/**
 * Everything the Basispoort simulator knows: schools with their groups, pupils and staff, which school gave this
 * publisher consent (and on which day), the hosted licences pushed to it, and the failures a test asked for. The
 * public methods are the control API that tests (in-process) and the demo (over HTTP, see {@link ControlApi}) use to
 * change the world; a school's mutation timestamp moves only when its data changes. Thread-safe.
 */
public final class BasispoortWorld {

    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** What describes a school in the details call. */
    public record SchoolInfo(String naam, String straat, String huisnummer, String huisnummertoevoeging, String postcode,
            String woonplaats, String brincode, String dependancecode, String schoolkey, String bestuurscode) {
    }

    /** A school as the control API shows it. */
    public record SchoolState(long id, String naam, String brincode, String dependancecode, boolean consent,
            boolean actief, Long gefuseerdNaar, int groepen, int leerlingen, int medewerkers, Instant mutationTimestamp) {
    }

    /** One push received on the Hosted Lika API, kept so tests can read back what Klaspoort sent. */
    public record LikaPush(Instant at, String operation, List<String> targets, List<Long> gebruikers,
            List<GebruikerEckId> gebruikerEckIds) {
    }

    /** A consent given or withdrawn on a day. */
    public record ConsentEvent(long schoolId, LocalDate day, boolean granted) {
    }

    static final class School {
        final long id;
        SchoolInfo info;
        boolean actief = true;
        Long gefuseerdNaar;
        boolean consent;
        boolean permissionRequested;
        Instant mutation;
        final Map<String, Groep> groepen = new LinkedHashMap<>();
        final Map<String, Groep> subgroepen = new LinkedHashMap<>();
        final Map<Long, Leerling> leerlingen = new LinkedHashMap<>();
        final Map<Long, Medewerker> medewerkers = new LinkedHashMap<>();

        School(long id, SchoolInfo info, boolean consent, Instant mutation) {
            this.id = id;
            this.info = info;
            this.consent = consent;
            this.mutation = mutation;
        }

        String ref() {
            return "bp" + Long.toString(id, 36);
        }
    }

    private record Failure(String pathPrefix, int status, int[] remaining) {
    }

    private final Clock clock;
    private final Map<Long, School> schools = new TreeMap<>();
    private final List<ConsentEvent> consentEvents = new ArrayList<>();
    private final Map<String, Methode> methodes = new LinkedHashMap<>();
    private final Map<String, Map<String, Product>> producten = new LinkedHashMap<>();
    private final Map<String, Set<Long>> likaUsers = new LinkedHashMap<>();
    private final Map<String, Set<GebruikerEckId>> likaEckUsers = new LinkedHashMap<>();
    private final List<LikaPush> pushes = new ArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Deque<Hold> holds = new ArrayDeque<>();
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<Long, LongAdder> schoolRequests = new ConcurrentHashMap<>();
    private long nextUserId = 5_000_001;

    public BasispoortWorld(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    // ---- schools ----

    public synchronized long addSchool(long id, SchoolInfo info, boolean consent) {
        if (schools.containsKey(id)) {
            throw new IllegalArgumentException("school " + id + " exists");
        }
        schools.put(id, new School(id, info, consent, clock.instant()));
        if (consent) {
            consentEvents.add(new ConsentEvent(id, today(), true));
        }
        return id;
    }

    public synchronized long addSchool(SchoolInfo info, boolean consent) {
        long id = schools.isEmpty() ? 100_001 : ((TreeMap<Long, School>) schools).lastKey() + 1;
        return addSchool(id, info, consent);
    }

    public synchronized List<SchoolState> schools() {
        return schools.values().stream().map(s -> new SchoolState(s.id, s.info.naam(), s.info.brincode(),
                s.info.dependancecode(), s.consent, s.actief, s.gefuseerdNaar, s.groepen.size() + s.subgroepen.size(),
                s.leerlingen.size(), s.medewerkers.size(), s.mutation)).toList();
    }

    public synchronized void changeSchool(long schoolId, SchoolInfo info) {
        School school = school(schoolId);
        school.info = info;
        touch(school);
    }

    /** The school gives (or gives again) this publisher consent on {@code day}. */
    public synchronized void grantConsent(long schoolId, LocalDate day) {
        School school = school(schoolId);
        school.consent = true;
        consentEvents.add(new ConsentEvent(schoolId, day, true));
    }

    /** The school withdraws its consent on {@code day}. */
    public synchronized void revokeConsent(long schoolId, LocalDate day) {
        School school = school(schoolId);
        school.consent = false;
        consentEvents.add(new ConsentEvent(schoolId, day, false));
    }

    /** The school was merged into another: it becomes inactive and points at the other. */
    public synchronized void merge(long schoolId, long intoSchoolId) {
        school(intoSchoolId);
        School school = school(schoolId);
        school.actief = false;
        school.gefuseerdNaar = intoSchoolId;
        touch(school);
    }

    public synchronized void deactivate(long schoolId) {
        School school = school(schoolId);
        school.actief = false;
        touch(school);
    }

    // ---- groups, pupils, staff ----

    public synchronized void putGroup(long schoolId, Groep groep, boolean subgroep) {
        School school = school(schoolId);
        (subgroep ? school.subgroepen : school.groepen).put(groep.lasKey(), subgroep
                ? new Groep(groep.lasKey(), groep.naam(), null, groep.omschrijving()) : groep);
        touch(school);
    }

    public synchronized void removeGroup(long schoolId, String lasKey) {
        School school = school(schoolId);
        if (school.groepen.remove(lasKey) == null && school.subgroepen.remove(lasKey) == null) {
            throw new NoSuchElementException("group " + lasKey);
        }
        touch(school);
    }

    /** Adds a pupil; an id of 0 gets the next free Basispoort user id. Returns the pupil as stored. */
    public synchronized Leerling addPupil(long schoolId, Leerling pupil) {
        Leerling stored = pupil.id() == 0 ? withId(pupil, nextUserId) : pupil;
        return put(schoolId, school -> school.leerlingen, stored.id(), stored, false);
    }

    public synchronized Leerling changePupil(long schoolId, Leerling pupil) {
        return put(schoolId, school -> school.leerlingen, pupil.id(), pupil, true);
    }

    public synchronized void removePupil(long schoolId, long pupilId) {
        remove(schoolId, school -> school.leerlingen, pupilId);
    }

    /** Adds a staff member; an id of 0 gets the next free Basispoort user id. Returns them as stored. */
    public synchronized Medewerker addStaff(long schoolId, Medewerker staff) {
        Medewerker stored = staff.id() == 0 ? withId(staff, nextUserId) : staff;
        return put(schoolId, school -> school.medewerkers, stored.id(), stored, false);
    }

    public synchronized Medewerker changeStaff(long schoolId, Medewerker staff) {
        return put(schoolId, school -> school.medewerkers, staff.id(), staff, true);
    }

    public synchronized void removeStaff(long schoolId, long staffId) {
        remove(schoolId, school -> school.medewerkers, staffId);
    }

    private <T> T put(long schoolId, Function<School, Map<Long, T>> users, long id, T user, boolean existing) {
        School school = school(schoolId);
        Map<Long, T> map = users.apply(school);
        if (existing && !map.containsKey(id)) {
            throw new NoSuchElementException("user " + id);
        }
        nextUserId = Math.max(nextUserId, id + 1);
        map.put(id, user);
        touch(school);
        return user;
    }

    private <T> void remove(long schoolId, Function<School, Map<Long, T>> users, long id) {
        School school = school(schoolId);
        if (users.apply(school).remove(id) == null) {
            throw new NoSuchElementException("user " + id);
        }
        touch(school);
    }

    public synchronized List<Leerling> pupils(long schoolId) {
        return List.copyOf(school(schoolId).leerlingen.values());
    }

    public synchronized List<Medewerker> staff(long schoolId) {
        return List.copyOf(school(schoolId).medewerkers.values());
    }

    /**
     * Replaces a school's groups, pupils and staff with an EDEXML file's roster, as Basispoort does after a manual
     * import. A pupil or teacher whose LAS key is already known keeps their Basispoort id; pupils who left are dropped.
     */
    public synchronized void loadRoster(long schoolId, RosterSnapshot roster) {
        School school = school(schoolId);
        Map<String, Long> pupilIds = new LinkedHashMap<>();
        school.leerlingen.values().forEach(l -> pupilIds.put(l.lasKey(), l.id()));
        Map<String, Long> staffIds = new LinkedHashMap<>();
        school.medewerkers.values().forEach(m -> staffIds.put(m.lasKey(), m.id()));
        school.groepen.clear();
        school.subgroepen.clear();
        school.leerlingen.clear();
        school.medewerkers.clear();
        Set<String> composite = new LinkedHashSet<>();
        for (RosterGroup group : roster.groups()) {
            if (group.composite()) {
                composite.add(group.key());
                school.subgroepen.put(group.key(), new Groep(group.key(), group.name(), null, null));
            } else {
                school.groepen.put(group.key(), new Groep(group.key(), group.name(), group.jaargroep(), null));
            }
        }
        LocalDate today = today();
        for (RosterStudent student : roster.students()) {
            if (student.leftOn(today)) {
                continue;
            }
            long id = pupilIds.containsKey(student.key()) ? pupilIds.get(student.key()) : nextUserId++;
            school.leerlingen.put(id, new Leerling(id, student.eckId(), student.key(), persoon(student.name()),
                    student.jaargroep(), student.groupKey(), student.compositeGroupKeys()));
        }
        for (RosterTeacher teacher : roster.teachers()) {
            long id = staffIds.containsKey(teacher.key()) ? staffIds.get(teacher.key()) : nextUserId++;
            school.medewerkers.put(id, new Medewerker(id, teacher.eckId(), teacher.key(), persoon(teacher.name()),
                    teacher.email(), null, Set.of("Leerkracht"),
                    teacher.groupKeys().stream().filter(k -> !composite.contains(k)).toList(),
                    teacher.groupKeys().stream().filter(composite::contains).toList()));
        }
        touch(school);
    }

    private static Persoonsgegevens persoon(nl.klaspoort.edexml.PersonName name) {
        return new Persoonsgegevens(name.achternaam(), name.firstName(), name.voorvoegsel(), name.voorletters());
    }

    // ---- failures and counters ----

    /** The next {@code count} requests whose path starts with {@code pathPrefix} are answered with {@code status}. */
    public synchronized void failNext(int count, int status, String pathPrefix) {
        failures.add(new Failure(pathPrefix, status, new int[] {count}));
    }

    synchronized Optional<Integer> failure(String path) {
        for (Failure failure : failures) {
            if (path.startsWith(failure.pathPrefix) && failure.remaining[0] > 0) {
                if (--failure.remaining[0] == 0) {
                    failures.remove(failure);
                }
                return Optional.of(failure.status);
            }
        }
        return Optional.empty();
    }

    /**
     * A Hosted Lika bulk request held after the simulator applied it and before it answers, so that a test can kill the
     * caller while its push is in flight: {@link #reached()} counts down when such a request arrives,
     * {@link #release()} lets it answer.
     */
    public record Hold(String pathPrefix, int[] passing, java.util.concurrent.CountDownLatch arrived,
            java.util.concurrent.CountDownLatch released) {

        /** Waits until a request was held; false after {@code seconds}. */
        public boolean reached(long seconds) throws InterruptedException {
            return arrived.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
        }

        public void release() {
            released.countDown();
        }
    }

    /**
     * Lets {@code passing} bulk requests on a path starting with {@code pathPrefix} through, then holds the next one once
     * it is applied (see {@link Hold}).
     */
    public synchronized Hold holdAfterApplying(String pathPrefix, int passing) {
        Hold hold = new Hold(pathPrefix, new int[] {passing}, new java.util.concurrent.CountDownLatch(1),
                new java.util.concurrent.CountDownLatch(1));
        holds.add(hold);
        return hold;
    }

    /** The hold for a request on this path, taken (each holds one request). */
    synchronized Optional<Hold> takeHold(String path) {
        for (Hold hold : holds) {
            if (path.startsWith(hold.pathPrefix()) && hold.passing()[0]-- == 0) {
                holds.remove(hold);
                return Optional.of(hold);
            }
        }
        return Optional.empty();
    }

    void countRequest(String method, String template) {
        requests.computeIfAbsent(method + " " + template, k -> new LongAdder()).increment();
    }

    void countSchoolRequest(long schoolId) {
        schoolRequests.computeIfAbsent(schoolId, k -> new LongAdder()).increment();
    }

    /** Requests served so far about one school ({@code /rest/v2/instellingen/{id}/…}). */
    public long requestsFor(long schoolId) {
        LongAdder count = schoolRequests.get(schoolId);
        return count == null ? 0 : count.sum();
    }

    /** Requests served so far, by method and path template ({@code GET /rest/v2/instellingen/{id}/leerlingen}). */
    public Map<String, Long> requestCounts() {
        Map<String, Long> counts = new TreeMap<>();
        requests.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    // ---- hosted licences ----

    public synchronized List<LikaPush> likaPushes() {
        return List.copyOf(pushes);
    }

    /** Users (Basispoort ids) who have access to a method ({@code methode/ID}) or product ({@code product/ID}). */
    public synchronized Set<Long> likaUsers(String target) {
        return Set.copyOf(likaUsers.getOrDefault(target, Set.of()));
    }

    /** Users (institution + ECK iD) who have access to a method or product. */
    public synchronized Set<GebruikerEckId> likaEckUsers(String target) {
        return Set.copyOf(likaEckUsers.getOrDefault(target, Set.of()));
    }

    synchronized List<Methode> methodes() {
        return List.copyOf(methodes.values());
    }

    synchronized Optional<Methode> methode(String id) {
        return Optional.ofNullable(methodes.get(id));
    }

    synchronized void putMethode(Methode methode) {
        methodes.put(methode.id(), methode);
        producten.computeIfAbsent(methode.id(), k -> new LinkedHashMap<>());
    }

    synchronized boolean removeMethode(String id) {
        producten.remove(id);
        return methodes.remove(id) != null;
    }

    synchronized Optional<List<Product>> producten(String methodeId) {
        return Optional.ofNullable(producten.get(methodeId)).map(p -> List.copyOf(p.values()));
    }

    synchronized Optional<Product> product(String methodeId, String productId) {
        return Optional.ofNullable(producten.get(methodeId)).map(p -> p.get(productId));
    }

    synchronized boolean putProduct(String methodeId, Product product) {
        Map<String, Product> products = producten.get(methodeId);
        if (products == null) {
            return false;
        }
        products.put(product.id(), product);
        return true;
    }

    synchronized boolean removeProduct(String methodeId, String productId) {
        Map<String, Product> products = producten.get(methodeId);
        return products != null && products.remove(productId) != null;
    }

    synchronized boolean knownTarget(String target) {
        if (target.startsWith("methode/")) {
            return methodes.containsKey(target.substring(8));
        }
        String productId = target.substring(8);
        return producten.values().stream().anyMatch(p -> p.containsKey(productId));
    }

    /** Changes who has access to a target: ADD, REMOVE, REPLACE or CLEAR, by user id and/or ECK iD. */
    synchronized void changeUsers(String operation, List<String> targets, List<Long> ids, List<GebruikerEckId> eckIds) {
        List<Long> idList = ids == null ? List.of() : ids;
        List<GebruikerEckId> eckIdList = eckIds == null ? List.of() : eckIds;
        for (String target : targets) {
            Set<Long> users = likaUsers.computeIfAbsent(target, k -> new LinkedHashSet<>());
            Set<GebruikerEckId> eckUsers = likaEckUsers.computeIfAbsent(target, k -> new LinkedHashSet<>());
            switch (operation) {
                case "ADD", "GRANT" -> {
                    users.addAll(idList);
                    eckUsers.addAll(eckIdList);
                }
                case "REMOVE", "REVOKE" -> {
                    idList.forEach(users::remove);
                    eckIdList.forEach(eckUsers::remove);
                }
                case "REPLACE" -> {
                    if (ids != null) {
                        users.clear();
                        users.addAll(ids);
                    }
                    if (eckIds != null) {
                        eckUsers.clear();
                        eckUsers.addAll(eckIds);
                    }
                }
                case "CLEAR" -> {
                    users.clear();
                    eckUsers.clear();
                }
                default -> throw new IllegalArgumentException(operation);
            }
        }
        pushes.add(new LikaPush(clock.instant(), operation, List.copyOf(targets), List.copyOf(idList),
                List.copyOf(eckIdList)));
    }

    /** Bulk grant or revoke; unknown methods or products refuse the whole request. Returns the unknown ones. */
    synchronized List<String> bulk(boolean grant, BulkPermissions request) {
        List<String> targets = new ArrayList<>();
        request.methodes().forEach(m -> targets.add("methode/" + m));
        request.producten().forEach(p -> targets.add("product/" + p));
        List<String> unknown = targets.stream().filter(t -> !knownTarget(t)).toList();
        if (unknown.isEmpty()) {
            changeUsers(grant ? "GRANT" : "REVOKE", targets, request.gebruikers(), request.gebruikerEckIds());
        }
        return unknown;
    }

    // ---- reads for the API ----

    synchronized Optional<School> find(long id) {
        return Optional.ofNullable(schools.get(id));
    }

    synchronized List<Long> readableSchoolIds() {
        return schools.values().stream().filter(s -> s.consent).map(s -> s.id).toList();
    }

    synchronized List<Long> consentChanges(LocalDate day, boolean granted) {
        return consentEvents.stream().filter(e -> e.day().equals(day) && e.granted() == granted)
                .map(ConsentEvent::schoolId).distinct().toList();
    }

    synchronized void permissionRequested(long schoolId) {
        school(schoolId).permissionRequested = true;
    }

    /** True when the publisher asked the school for consent ({@code request-permission=true}). */
    public synchronized boolean permissionWasRequested(long schoolId) {
        return school(schoolId).permissionRequested;
    }

    synchronized Api.Overzicht overzicht(School s) {
        return new Api.Overzicht(List.copyOf(s.groepen.values()), List.copyOf(s.subgroepen.values()),
                List.copyOf(s.leerlingen.values()), List.copyOf(s.medewerkers.values()), s.actief, s.gefuseerdNaar, meta(s));
    }

    synchronized Api.Details details(School s) {
        SchoolInfo i = s.info;
        return new Api.Details(i.naam(), i.straat(), i.huisnummer(), i.huisnummertoevoeging(), i.postcode(),
                i.woonplaats(), i.brincode(), i.dependancecode(), i.schoolkey(), s.ref(), i.bestuurscode(), s.actief,
                s.gefuseerdNaar, meta(s));
    }

    synchronized Api.Groepen groepen(School s) {
        return new Api.Groepen(List.copyOf(s.groepen.values()), List.copyOf(s.subgroepen.values()), meta(s));
    }

    synchronized Api.Leerlingen leerlingen(School s, Collection<Long> ids, Collection<String> eckIds) {
        List<Leerling> selected = s.leerlingen.values().stream()
                .filter(l -> ids == null || ids.contains(l.id()))
                .filter(l -> eckIds == null || l.eckid() != null && eckIds.contains(l.eckid()))
                .toList();
        return new Api.Leerlingen(selected, meta(s));
    }

    synchronized Api.Staf staf(School s) {
        return new Api.Staf(List.copyOf(s.medewerkers.values()), meta(s));
    }

    synchronized void giveUpPermission(long schoolId) {
        revokeConsent(schoolId, today());
    }

    // ---- helpers ----

    LocalDate today() {
        return LocalDate.now(clock.withZone(AMSTERDAM));
    }

    private Api.MetaResult meta(School school) {
        return new Api.MetaResult(school.mutation, clock.instant());
    }

    private School school(long id) {
        School school = schools.get(id);
        if (school == null) {
            throw new NoSuchElementException("school " + id);
        }
        return school;
    }

    /** A change moves the school's mutation timestamp, strictly forward even within one millisecond. */
    private void touch(School school) {
        Instant now = clock.instant();
        Instant next = school.mutation.plusMillis(1);
        school.mutation = now.isAfter(next) ? now : next;
    }

    private static Leerling withId(Leerling l, long id) {
        return new Leerling(id, l.eckid(), l.lasKey(), l.persoonsgegevens(), l.jaargroep(), l.groep(), l.subgroepen());
    }

    private static Medewerker withId(Medewerker m, long id) {
        return new Medewerker(id, m.eckid(), m.lasKey(), m.persoonsgegevens(), m.emailadres(), m.einddatum(), m.rollen(),
                m.groepen(), m.subgroepen());
    }
}
