package nl.klaspoort.platform;

import graphql.schema.DataFetchingEnvironment;

/**
 * Told of every refused access in GraphQL ({@link AccessRefusedException}) as the one error mapping turns it into an
 * error, whether a controller method or a batch loader refused: the security module logs it as a security event.
 */
public interface RefusalObserver {

    void refused(AccessRefusedException refused, DataFetchingEnvironment env);
}
