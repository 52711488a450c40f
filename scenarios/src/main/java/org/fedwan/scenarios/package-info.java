/**
 * Scenario files: the loader that turns a flat YAML file (with {@code extends:} chains) into a
 * validated {@link org.fedwan.sim.config.Scenario} through the scenario schema
 * ({@code org.fedwan.sim.Scenarios}), reporting every bad key or value on one line that names the
 * file, the line, the key, the value and what is allowed.
 */
package org.fedwan.scenarios;
