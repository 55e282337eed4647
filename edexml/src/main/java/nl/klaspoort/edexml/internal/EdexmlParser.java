package nl.klaspoort.edexml.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.ValidatorHandler;
import nl.klaspoort.edexml.EdexmlReader;
import nl.klaspoort.edexml.EdexmlResult;
import nl.klaspoort.edexml.Jaargroep;
import nl.klaspoort.edexml.PersonName;
import nl.klaspoort.edexml.RosterGroup;
import nl.klaspoort.edexml.RosterSchool;
import nl.klaspoort.edexml.RosterSnapshot;
import nl.klaspoort.edexml.RosterStudent;
import nl.klaspoort.edexml.RosterTeacher;
import nl.klaspoort.edexml.RowError;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * One pass over one file: StAX events go first to the extraction (what the snapshot keeps) and then, as SAX events,
 * to the schema's validator, so a schema error is reported while the reader still knows which pupil, group or teacher
 * it is about, and can say so in Dutch. Not thread-safe: one instance per file.
 */
public final class EdexmlParser implements ErrorHandler {

    private static final XMLInputFactory FACTORY = secureFactory();
    private static final Pattern EXPECTED = Pattern.compile("'\\{(.*)}'");
    private static final Pattern ATTRIBUTE = Pattern.compile("attribute '([^']+)'");
    /** Fields whose value may be quoted back in an error: none of them is personal. */
    private static final Set<String> QUOTABLE = Set.of("jaargroep", "schooljaar", "peildatum", "brincode",
            "dependancecode", "instellingsnummer", "schoolkey", "instroomdatum", "uitstroomdatum", "naam");
    private static final Set<String> DATES = Set.of("peildatum", "geboortedatum", "instroomdatum", "uitstroomdatum",
            "start_ondw_jgr3", "aanmaakdatum", "mutatiedatum");

    private final EdexmlReader.Limits limits;
    private final List<RowError> errors = new ArrayList<>();
    private final Deque<String> path = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private XMLStreamReader reader;
    private boolean stopped;
    private int skipDepth;
    private int lastErrorLine = -1;
    private String lastErrorElement;

    // what the snapshot keeps
    private final Map<String, String> school = new HashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Student> students = new LinkedHashMap<>();
    private final Map<String, Teacher> teachers = new LinkedHashMap<>();
    private final Map<String, Integer> vestigingen = new HashMap<>();
    private final Map<String, Record> eckIds = new HashMap<>();
    private final List<Ref> refs = new ArrayList<>();
    private Record current;

    public EdexmlParser(EdexmlReader.Limits limits) {
        this.limits = limits;
    }

    public EdexmlResult parse(InputStream in) {
        ValidatorHandler validator = EdexmlSchema.get().newValidatorHandler();
        validator.setErrorHandler(this);
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setProperty("http://apache.org/xml/properties/locale", java.util.Locale.ENGLISH);
        } catch (SAXException ignored) {
            // the messages are only used for the expected-element hint; the Dutch reason does not depend on them
        }
        try {
            reader = FACTORY.createXMLStreamReader(in);
            validator.setDocumentLocator(new StaxLocator());
            validator.startDocument();
            while (!stopped && reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> fail(line(), "Een DOCTYPE (DTD) is niet toegestaan in een EDEXML-bestand.");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (path.size() + 1 > limits.maxDepth()) {
                            fail(line(), "Het bestand is te diep genest (meer dan " + limits.maxDepth() + " niveaus).");
                        } else {
                            start();
                            forwardStart(validator);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (skipDepth == 0) {
                            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                        }
                        validator.characters(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        validator.endElement(reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI(),
                                reader.getLocalName(), qualified(reader.getPrefix(), reader.getLocalName()));
                        for (int i = 0; i < reader.getNamespaceCount(); i++) {
                            validator.endPrefixMapping(nonNull(reader.getNamespacePrefix(i)));
                        }
                        end();
                    }
                    case XMLStreamConstants.END_DOCUMENT -> validator.endDocument();
                    default -> { }
                }
            }
        } catch (XMLStreamException e) {
            if (causedByTooLarge(e)) {
                fail(0, "Het bestand is groter dan " + (limits.maxBytes() / (1024 * 1024)) + " MB.");
            } else {
                Location location = e.getLocation();
                fail(location == null ? 0 : Math.max(location.getLineNumber(), 0), notXml(e));
            }
        } catch (SAXException e) {
            // a fatal schema error was reported through fatalError
            stopped = true;
        } finally {
            close();
        }
        if (!stopped) {
            checkReferences();
        }
        return new EdexmlResult(snapshot(), sorted());
    }

    // ---- extraction ----

    private void start() {
        String name = reader.getLocalName();
        String parent = path.peek();
        path.push(name);
        text.setLength(0);
        int depth = path.size();
        if (skipDepth > 0) {
            return;
        }
        if ("toevoegingen".equals(name)) {
            skipDepth = depth; // supplier blocks: neither read nor kept
            return;
        }
        if (depth == 3) {
            switch (name) {
                case "groep", "samengestelde_groep" -> {
                    if ("groepen".equals(parent)) {
                        record(new Group(attribute("key"), name.equals("samengestelde_groep"), line()), groups);
                    }
                }
                case "leerling" -> {
                    if ("leerlingen".equals(parent)) {
                        record(new Student(attribute("key"), attribute("eckid"), line()), students);
                    }
                }
                case "leerkracht" -> {
                    if ("leerkrachten".equals(parent)) {
                        record(new Teacher(attribute("key"), attribute("eckid"), line()), teachers);
                    }
                }
                case "vestiging" -> {
                    String key = attribute("key");
                    if ("vestigingen".equals(parent) && key != null) {
                        Integer earlier = vestigingen.putIfAbsent(key, line());
                        if (earlier != null) {
                            error(line(), "Vestiging \"" + key + "\": de sleutel komt al voor op regel " + earlier + ".");
                        }
                    }
                }
                default -> { }
            }
        } else if (depth == 4 && current instanceof Student student) {
            String key = attribute("key");
            if (key != null && name.equals("groep")) {
                student.groupKey = key;
                refs.add(new Ref(student, key, RefKind.GROUP, line()));
            } else if (key != null && name.equals("vestiging")) {
                refs.add(new Ref(student, key, RefKind.VESTIGING, line()));
            }
        } else if (depth == 5 && current != null) {
            String key = attribute("key");
            if (key != null && current instanceof Student student && "samengestelde_groepen".equals(parent)
                    && name.equals("samengestelde_groep")) {
                student.compositeGroupKeys.add(key);
                refs.add(new Ref(student, key, RefKind.COMPOSITE, line()));
            } else if (key != null && current instanceof Teacher teacher && "groepen".equals(parent)) {
                teacher.groupKeys.add(key);
                refs.add(new Ref(teacher, key, name.equals("groep") ? RefKind.GROUP : RefKind.COMPOSITE, line()));
            }
        }
    }

    private <R extends Record> void record(R record, Map<String, R> byKey) {
        current = record;
        if (record.key == null) {
            return; // the schema reports the missing key
        }
        R earlier = byKey.putIfAbsent(record.key, record);
        if (earlier != null) {
            error(record.line, record.describe() + ": de sleutel komt al voor op regel " + earlier.line + ".");
        }
        if (record.eckId != null) {
            Record other = eckIds.putIfAbsent(record.kind() + '|' + record.eckId, record);
            if (other != null) {
                error(record.line, record.describe() + ": hetzelfde ECK iD staat ook bij " + other.describe().toLowerCase()
                        + " (regel " + other.line + ").");
            }
        }
    }

    private void end() {
        String name = path.pop();
        int depth = path.size() + 1;
        if (skipDepth > 0) {
            if (depth == skipDepth) {
                skipDepth = 0;
            }
            text.setLength(0);
            return;
        }
        String value = text.toString().strip();
        text.setLength(0);
        if (depth == 3 && "school".equals(path.peek())) {
            school.put(name, value);
        } else if (depth == 3) {
            current = null;
        } else if (depth == 4 && current != null) {
            current.field(name, value);
        }
    }

    private void checkReferences() {
        for (Ref ref : refs) {
            switch (ref.kind) {
                case VESTIGING -> {
                    if (!vestigingen.containsKey(ref.key)) {
                        error(ref.line, ref.owner.describe() + ": vestiging \"" + ref.key + "\" bestaat niet in dit bestand.");
                    }
                }
                case GROUP, COMPOSITE -> {
                    Group group = groups.get(ref.key);
                    boolean composite = ref.kind == RefKind.COMPOSITE;
                    if (group == null) {
                        error(ref.line, ref.owner.describe() + ": " + (composite ? "samengestelde groep" : "groep") + " \""
                                + ref.key + "\" bestaat niet in dit bestand.");
                    } else if (group.composite != composite) {
                        error(ref.line, ref.owner.describe() + ": \"" + ref.key + "\" is "
                                + (group.composite ? "een samengestelde groep, geen groep." : "een groep, geen samengestelde groep."));
                    }
                }
            }
        }
        String schooljaar = school.get("schooljaar");
        if (schooljaar != null && schooljaar.matches("\\d{4}-\\d{4}")
                && Integer.parseInt(schooljaar.substring(5)) != Integer.parseInt(schooljaar.substring(0, 4)) + 1) {
            error(0, "School: schooljaar \"" + schooljaar + "\" is ongeldig; het tweede jaar volgt op het eerste "
                    + "(bijvoorbeeld \"2025-2026\").");
        }
    }

    private RosterSnapshot snapshot() {
        String dependance = school.get("dependancecode");
        RosterSchool rosterSchool = new RosterSchool(school.get("schooljaar"), school.get("brincode"),
                dependance == null || dependance.isEmpty() || dependance.equals("00") ? null : dependance,
                school.get("instellingsnummer"), school.get("schoolkey"));
        List<RosterGroup> rosterGroups = groups.values().stream()
                .map(g -> new RosterGroup(g.key, g.name, g.composite ? null : g.jaargroep, g.composite, g.line))
                .toList();
        List<RosterStudent> rosterStudents = students.values().stream().map(s -> {
            Group main = s.groupKey == null ? null : groups.get(s.groupKey);
            String jaargroep = s.jaargroep != null ? s.jaargroep
                    : main != null && !main.composite ? main.jaargroep : null;
            return new RosterStudent(s.key, null, s.eckId, s.name(), jaargroep, s.groupKey, s.compositeGroupKeys,
                    s.birthDate, s.instroomdatum, s.uitstroomdatum, s.line);
        }).toList();
        List<RosterTeacher> rosterTeachers = teachers.values().stream()
                .map(t -> new RosterTeacher(t.key, null, t.eckId, t.name(), t.email, t.groupKeys, t.line))
                .toList();
        return new RosterSnapshot(rosterSchool, rosterGroups, rosterStudents, rosterTeachers);
    }

    // ---- schema errors, in Dutch ----

    @Override
    public void warning(SAXParseException e) {
    }

    @Override
    public void error(SAXParseException e) {
        schemaError(e);
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        schemaError(e);
        throw e;
    }

    private void schemaError(SAXParseException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int colon = message.indexOf(':');
        String key = colon > 0 ? message.substring(0, colon) : message;
        if (key.startsWith("cvc-identity-constraint")) {
            return; // keys, uniqueness and references are checked by the reader itself, with the row's own line
        }
        int line = Math.max(e.getLineNumber(), 0);
        String element = path.peek();
        if (line == lastErrorLine && element != null && element.equals(lastErrorElement)) {
            return; // one reason per element: the schema reports a bad value twice (facet, then type)
        }
        lastErrorLine = line;
        lastErrorElement = element;
        error(line, translate(key, message, element));
    }

    private String translate(String key, String message, String element) {
        String where = current != null ? current.describe() + ": " : path.contains("school") ? "School: " : "";
        String value = text.toString().strip();
        String expected = expected(message);
        return switch (key) {
            case "cvc-enumeration-valid", "cvc-pattern-valid", "cvc-datatype-valid.1.2.1", "cvc-datatype-valid.1.2.3",
                 "cvc-maxLength-valid", "cvc-minLength-valid", "cvc-length-valid", "cvc-type.3.1.3",
                 "cvc-minInclusive-valid", "cvc-maxInclusive-valid", "cvc-totalDigits-valid", "cvc-attribute.3" -> {
                Matcher attribute = ATTRIBUTE.matcher(message);
                if (attribute.find()) {
                    yield where + "de waarde van attribuut " + attribute.group(1) + " bij <" + element + "> is ongeldig.";
                }
                if ("jaargroep".equals(element)) {
                    yield where + "jaargroep \"" + value + "\" bestaat niet; toegestaan zijn " + Jaargroep.ALLOWED_DUTCH + ".";
                }
                if ("schooljaar".equals(element)) {
                    yield where + "schooljaar \"" + value + "\" is ongeldig; verwacht bijvoorbeeld \"2025-2026\".";
                }
                if (DATES.contains(element)) {
                    yield where + (QUOTABLE.contains(element) ? element + " \"" + value + "\"" : element)
                            + " is geen geldige datum (verwacht JJJJ-MM-DD).";
                }
                yield QUOTABLE.contains(element)
                        ? where + element + " \"" + value + "\" is ongeldig."
                        : where + "de waarde van <" + element + "> is ongeldig.";
            }
            case "cvc-complex-type.2.4.a", "cvc-complex-type.2.4.c", "cvc-complex-type.2.4.d" ->
                    where + "element <" + element + "> hoort hier niet" + (expected == null ? "." : "; verwacht: " + expected + ".");
            case "cvc-complex-type.2.4.b" ->
                    where + "element <" + element + "> is onvolledig" + (expected == null ? "." : "; verwacht nog: " + expected + ".");
            case "cvc-complex-type.2.1", "cvc-complex-type.2.3" -> where + "element <" + element + "> mag geen tekst bevatten.";
            case "cvc-complex-type.3.2.2" -> {
                Matcher attribute = ATTRIBUTE.matcher(message);
                yield where + "attribuut " + (attribute.find() ? attribute.group(1) + " " : "") + "is niet toegestaan bij <"
                        + element + ">.";
            }
            case "cvc-complex-type.4" -> {
                Matcher attribute = ATTRIBUTE.matcher(message);
                yield where + "verplicht attribuut " + (attribute.find() ? attribute.group(1) + " " : "") + "ontbreekt bij <"
                        + element + ">.";
            }
            case "cvc-elt.1.a" -> "Dit is geen EDEXML-bestand: het hoofdelement is <" + element + "> in plaats van <EDEX>.";
            default -> where + "het bestand voldoet niet aan het EDEXML-schema bij <" + element + "> (" + key + ").";
        };
    }

    private static String expected(String message) {
        Matcher matcher = EXPECTED.matcher(message);
        return matcher.find() ? matcher.group(1).replace("\"", "").replace(":", "") : null;
    }

    // ---- plumbing ----

    private void error(int line, String message) {
        if (errors.size() >= limits.maxErrors()) {
            if (!stopped) {
                errors.add(new RowError(0, "Meer dan " + limits.maxErrors() + " fouten; alleen de eerste "
                        + limits.maxErrors() + " staan hier."));
                stopped = true;
            }
            return;
        }
        errors.add(new RowError(line, message));
    }

    private void fail(int line, String message) {
        error(line, message);
        stopped = true;
    }

    private List<RowError> sorted() {
        List<RowError> list = new ArrayList<>(errors);
        list.sort(Comparator.comparingInt(RowError::line));
        return list;
    }

    private void forwardStart(ValidatorHandler validator) throws SAXException {
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            validator.startPrefixMapping(nonNull(reader.getNamespacePrefix(i)), nonNull(reader.getNamespaceURI(i)));
        }
        AttributesImpl attributes = new AttributesImpl();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.addAttribute(nonNull(reader.getAttributeNamespace(i)), reader.getAttributeLocalName(i),
                    qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)),
                    nonNull(reader.getAttributeType(i)), reader.getAttributeValue(i));
        }
        validator.startElement(nonNull(reader.getNamespaceURI()), reader.getLocalName(),
                qualified(reader.getPrefix(), reader.getLocalName()), attributes);
    }

    private String attribute(String name) {
        String value = reader.getAttributeValue(null, name);
        return value == null ? null : value.strip();
    }

    private int line() {
        return Math.max(reader.getLocation().getLineNumber(), 0);
    }

    private static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static boolean causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause()
                : t instanceof XMLStreamException x ? x.getNestedException() : null) {
            if (t instanceof LimitedInputStream.TooLargeException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String notXml(XMLStreamException e) {
        String detail = e.getMessage() == null ? "" : e.getMessage();
        if (detail.contains("ncoding")) {
            return "De tekenset (encoding) van het bestand wordt niet ondersteund of klopt niet met de inhoud.";
        }
        if (detail.contains("Premature end of file") || detail.contains("prolog")) {
            return "Het bestand is leeg of is geen XML.";
        }
        return "Het bestand is geen geldige XML (de opmaak klopt niet).";
    }

    private void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing to release
            }
        }
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    private final class StaxLocator implements Locator {
        @Override public String getPublicId() { return null; }
        @Override public String getSystemId() { return null; }
        @Override public int getLineNumber() { return reader.getLocation().getLineNumber(); }
        @Override public int getColumnNumber() { return reader.getLocation().getColumnNumber(); }
    }

    // ---- records while reading ----

    private enum RefKind { GROUP, COMPOSITE, VESTIGING }

    private record Ref(Record owner, String key, RefKind kind, int line) {
    }

    private abstract static class Record {
        final String key;
        final String eckId;
        final int line;
        String achternaam;
        String voorvoegsel;
        String voornamen;
        String roepnaam;
        String voorletters;

        Record(String key, String eckId, int line) {
            this.key = key;
            this.eckId = eckId == null || eckId.isEmpty() ? null : eckId;
            this.line = line;
        }

        abstract String kind();

        String describe() {
            return kind() + " \"" + key + "\"";
        }

        void field(String name, String value) {
            String v = value.isEmpty() ? null : value;
            switch (name) {
                case "achternaam" -> achternaam = v;
                case "voorvoegsel" -> voorvoegsel = v;
                case "voornamen" -> voornamen = v;
                case "roepnaam" -> roepnaam = v;
                case "voorletters-1" -> voorletters = v;
                default -> { }
            }
        }

        PersonName name() {
            return new PersonName(achternaam, voorvoegsel, voornamen, roepnaam, voorletters);
        }
    }

    private static final class Group extends Record {
        final boolean composite;
        String name;
        String jaargroep;

        Group(String key, boolean composite, int line) {
            super(key, null, line);
            this.composite = composite;
        }

        @Override String kind() {
            return composite ? "Samengestelde groep" : "Groep";
        }

        @Override String describe() {
            return super.describe() + (name == null ? "" : " (" + name + ")");
        }

        @Override void field(String field, String value) {
            switch (field) {
                case "naam" -> name = value;
                case "jaargroep" -> jaargroep = value;
                default -> { }
            }
        }
    }

    private static final class Student extends Record {
        final List<String> compositeGroupKeys = new ArrayList<>();
        String jaargroep;
        String groupKey;
        LocalDate birthDate;
        LocalDate instroomdatum;
        LocalDate uitstroomdatum;

        Student(String key, String eckId, int line) {
            super(key, eckId, line);
        }

        @Override String kind() {
            return "Leerling";
        }

        @Override void field(String name, String value) {
            switch (name) {
                case "jaargroep" -> jaargroep = value;
                case "geboortedatum" -> birthDate = date(value);
                case "instroomdatum" -> instroomdatum = date(value);
                case "uitstroomdatum" -> uitstroomdatum = date(value);
                default -> super.field(name, value);
            }
        }
    }

    private static final class Teacher extends Record {
        final List<String> groupKeys = new ArrayList<>();
        String email;

        Teacher(String key, String eckId, int line) {
            super(key, eckId, line);
        }

        @Override String kind() {
            return "Leerkracht";
        }

        @Override void field(String name, String value) {
            if (name.equals("emailadres")) {
                email = value.isEmpty() ? null : value;
            } else {
                super.field(name, value);
            }
        }
    }

    /** An xs:date may carry a zone ("2014-10-01Z"); the date is the first ten characters. Invalid: the schema says so. */
    private static LocalDate date(String value) {
        try {
            return value.length() >= 10 ? LocalDate.parse(value.substring(0, 10)) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
