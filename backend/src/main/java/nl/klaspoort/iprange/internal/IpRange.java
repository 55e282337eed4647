package nl.klaspoort.iprange.internal;

import java.time.OffsetDateTime;

/** A school's IP address or range as shown in GraphQL ({@code SchoolIpRange}). */
record IpRange(long id, long schoolId, String connectionType, String notation, String from, String to, int ipVersion,
               boolean active, OffsetDateTime createdAt) {}
