package org.habarshy.core.store;

/**
 * Work done inside one database transaction; see {@link Database#write} and {@link Database#read}.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TransactionBody<T> {
    /** Runs the work; throwing anything rolls the whole transaction back. */
    T run(Transaction txn) throws StoreException;
}
