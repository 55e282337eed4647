package nl.klaspoort.results.internal;

import java.util.List;

/** Sessions were recorded for these students of a school and product ({@code Subscription.resultsChanged}). */
record ResultsChange(long schoolId, long productId, List<Long> studentIds) {}
