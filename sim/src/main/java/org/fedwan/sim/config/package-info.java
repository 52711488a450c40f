/**
 * The scenario schema: sections of typed keys (each section a record with its key table: name,
 * type, default, meaning), the {@link org.fedwan.sim.config.Schema} that builds a
 * {@link org.fedwan.sim.config.Scenario} from plain values and reports every problem with its
 * key, and the value types ({@link org.fedwan.sim.config.Types}) that read, check, write back and
 * document values. The core sections are here; each protocol defines its own section in its
 * package, and {@code org.fedwan.sim.Scenarios} assembles the schema.
 */
package org.fedwan.sim.config;
