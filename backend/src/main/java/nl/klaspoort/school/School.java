package nl.klaspoort.school;

/**
 * GraphQL {@code School}: a school location (vestiging), the tenant of all school data.
 *
 * @param brin       BRIN number, e.g. {@code 12AB}
 * @param branchCode vestiging number, {@code 00} for the main location
 */
public record School(long id, String brin, String branchCode, String name, boolean studentLoginSchoolIpOnly) {}
