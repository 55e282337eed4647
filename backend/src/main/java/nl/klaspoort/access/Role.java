package nl.klaspoort.access;

/** What a user may do at a school (R1). ADMIN and SUPERVISOR are granted per school; STUDENT follows from being a student. */
public enum Role {
    ADMIN, SUPERVISOR, STUDENT
}
