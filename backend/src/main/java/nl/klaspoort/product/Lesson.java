package nl.klaspoort.product;

/** One lesson of a product's curriculum; some end with a test. */
public record Lesson(long id, long productId, int position, String title, boolean endsWithTest) {}
