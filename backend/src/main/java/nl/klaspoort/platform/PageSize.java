package nl.klaspoort.platform;

import java.util.Map;

/**
 * The one page-size rule of every connection: {@code first} is 1 to {@value #MAX}, {@value #DEFAULT} when not given;
 * anything else is refused with {@link CommonError#ARGUMENT_OUT_OF_RANGE} in the caller's language.
 */
public record PageSize(int value) {

    public static final int DEFAULT = 50;
    public static final int MAX = 100;

    /** The page size for the argument {@code first}. */
    public static PageSize of(Integer first) {
        int size = first == null ? DEFAULT : first;
        if (size < 1 || size > MAX) {
            throw new BadRequestException(CommonError.ARGUMENT_OUT_OF_RANGE,
                    Map.of("argument", "first", "min", 1, "max", MAX, "value", size));
        }
        return new PageSize(size);
    }

    /** How many rows a query fetches: one more than the page, to know whether a next page exists. */
    public int fetch() {
        return value + 1;
    }
}
