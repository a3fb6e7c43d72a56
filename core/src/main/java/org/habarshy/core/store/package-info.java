/**
 * Durable local storage: one SQLite file per node, opened in WAL mode, with one small stateless store
 * class per aggregate (envelopes, messages, contacts, peers). All store methods run inside a
 * {@link org.habarshy.core.store.Transaction} obtained from {@link org.habarshy.core.store.Database}.
 */
package org.habarshy.core.store;
